package io.tracker.application.reporting.schedules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A scheduled e-mail of the client's PDF summary, as the API and the page show it.
 *
 * @param id          the schedule's id (unique within Tracker)
 * @param recipients  1 to 20 e-mail addresses, as given (trimmed), without duplicates
 * @param frequency   {@code weekly} (Mondays) or {@code monthly} (the 1st)
 * @param period      what each send covers: {@code last_7_days} (Monday to Sunday before) or {@code previous_month}
 * @param model       the attribution table's model, e.g. {@code last_touch}
 * @param sendHour    hour of the day it is sent at, 0..23, in {@code timeZone}
 * @param timeZone    the client's time zone, e.g. {@code Europe/Berlin}
 * @param nextRunAt   the next regular send (UTC instant); while a send has failed, the one being retried
 * @param retryAt     when a failed send is tried again; null when none failed
 * @param requestedAt when someone asked to send the latest complete period now; null when not asked or done
 * @param lastSentAt  the last successful send; null before the first
 * @param lastFrom    first day of the period last sent; null before the first
 * @param lastTo      last day of the period last sent
 * @param lastError   why the last attempt failed; null after a success
 * @param failures    failed attempts since the last success
 * @param createdAt   when it was created
 */
public record ReportSchedule(long id, List<String> recipients, String frequency, String period, String model,
                             int sendHour, String timeZone, Instant nextRunAt, Instant retryAt, Instant requestedAt,
                             Instant lastSentAt, LocalDate lastFrom, LocalDate lastTo, String lastError, int failures,
                             Instant createdAt) {
}
