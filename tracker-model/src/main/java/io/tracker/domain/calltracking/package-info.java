/**
 * Call tracking's domain: phone numbers in E.164 ({@link io.tracker.domain.calltracking.PhoneNumber},
 * parsed and formatted with libphonenumber), the kinds of tracking number, the statuses of a call and how
 * a call is attributed.
 */
package io.tracker.domain.calltracking;
