/**
 * The data-accuracy audit over HTTP: the store orders and platform conversions imports and the audit report with
 * its threshold setting.
 */
package io.tracker.interfaces.audit.rest;
