/**
 * The conversion actions page (analysts and agency admins): the selected client's conversion
 * actions and creating new ones through {@code ConversionActionService}.
 */
package io.tracker.interfaces.conversion.web;
