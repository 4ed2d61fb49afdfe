/**
 * What the JSF pages share: the one number format of the UI ({@link io.tracker.interfaces.shared.web.Formats},
 * en-US, also the {@code t:} EL functions) and page messages.
 */
package io.tracker.interfaces.shared.web;
