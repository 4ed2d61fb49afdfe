/**
 * The SMS cart recovery page ({@code cart-recovery.xhtml}, every member who reads reports): the recovery report of a
 * period for all flows or one, with what the texts really caused when a flow holds back a control group, the flows
 * and the latest carts. Read only: flows are set up through {@code /api/v1/recovery-flows}. The backing bean only
 * calls {@code application.recovery}, which checks the permission again, and shapes its records for the page;
 * figures are formatted by {@code io.tracker.interfaces.shared.web.Formats}.
 */
package io.tracker.interfaces.recovery.web;
