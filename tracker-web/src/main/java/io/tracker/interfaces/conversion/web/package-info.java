/**
 * The conversion actions page (analysts and agency admins): the selected client's conversion
 * actions and creating new ones through {@code ConversionActionService}. The destinations page
 * ({@code destinations.xhtml}, every member reads it, analysts and agency admins change it): where the
 * conversions go back to (Google Ads, Microsoft Advertising, Meta), the files to upload by hand and each
 * row's result at the platform, through {@code application.conversion.destinations}, which enforces the
 * permissions again.
 */
package io.tracker.interfaces.conversion.web;
