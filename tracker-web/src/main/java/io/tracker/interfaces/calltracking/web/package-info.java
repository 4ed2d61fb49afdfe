/**
 * The call tracking page ({@code calls.xhtml}): the selected client's number pools and tracking numbers
 * (read by every member, changed by analysts and agency admins), its call log, a pool's use over the last
 * 24 hours and the provider's webhook (its signing secret for those who may change set-up only). The
 * beans only delegate to {@code application.calltracking}, which enforces the permissions again.
 */
package io.tracker.interfaces.calltracking.web;
