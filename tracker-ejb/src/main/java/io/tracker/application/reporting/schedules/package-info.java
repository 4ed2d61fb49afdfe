/**
 * Scheduled e-mail of a client's PDF summary ({@code report_schedule}, V29): the schedules a client's analysts and
 * agency admins manage ({@link io.tracker.application.reporting.schedules.ReportScheduleService}), and the job that
 * sends the due ones over SMTP ({@link io.tracker.application.reporting.schedules.ReportMailScheduler}).
 *
 * <p>Invariants: a regular send covers the complete period before its day (a week Monday to Sunday, or the previous
 * calendar month, in the client's time zone) whenever it is actually sent, so a failed send is retried with the same
 * period and never skipped; nothing is sent, and nothing is lost, while SMTP is not configured; the SMTP password is
 * read from a file and never logged nor stored.
 */
package io.tracker.application.reporting.schedules;
