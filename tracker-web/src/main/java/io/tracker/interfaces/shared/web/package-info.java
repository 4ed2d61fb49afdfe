/**
 * What the JSF pages share: the one number format of the UI ({@link io.tracker.interfaces.shared.web.Formats},
 * en-US, also the {@code t:} EL functions), page messages, and the filters every page passes (security headers,
 * {@code Server-Timing}).
 */
package io.tracker.interfaces.shared.web;
