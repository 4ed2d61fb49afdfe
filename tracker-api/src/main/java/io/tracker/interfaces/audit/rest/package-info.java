/**
 * The audit capability over HTTP: the store orders and platform conversions imports, the accuracy audit with its
 * threshold setting ({@code /api/v1/audits/accuracy}), tag health ({@code /api/v1/audits/tag-health}) and alerts.
 */
package io.tracker.interfaces.audit.rest;
