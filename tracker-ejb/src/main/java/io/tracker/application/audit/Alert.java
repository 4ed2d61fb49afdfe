package io.tracker.application.audit;

import java.time.Instant;

/**
 * One alert as the API shows it.
 *
 * @param check      the check that raised it ({@code hits_dropped}, {@code double_fire},
 *                   {@code thank_you_without_conversion}, {@code action_stopped}, {@code accuracy_gap})
 * @param checkLabel the check as people read it ("Hits dropped")
 * @param subject    what it is about: a website domain ("" for hits without a page URL), a conversion action's key,
 *                   or an audited day and side ({@code 2026-03-09 google_ads}, {@code 2026-03-09 shop})
 * @param message    one sentence with the figures
 * @param resolvedAt when the check passed again; null while open
 * @param notified   delivered by webhook or e-mail
 */
public record Alert(long id, String check, String checkLabel, String subject, String message, Instant raisedAt,
                    Instant resolvedAt, boolean notified) {
}
