package io.tracker.application.audit;

import io.tracker.domain.audit.AlertCheck;
import java.io.Serializable;

/**
 * A failed check about one subject, before it is recorded as an {@link Alert}.
 *
 * @param subject a domain ("" for hits without a URL), a conversion action's key, or an audited day and side
 *                ({@code "2026-03-09 google_ads"}, {@code "2026-03-09 shop"})
 * @param message one sentence with the figures
 */
public record AlertFinding(AlertCheck check, String subject, String message) implements Serializable {
}
