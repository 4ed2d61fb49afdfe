package io.tracker.application.tracking.imports;

import io.tracker.application.tracking.TrackedConversion;
import io.tracker.application.tracking.TrackedEvent;
import io.tracker.application.tracking.TrackedTouchpoint;
import io.tracker.application.tracking.EventTimes;
import io.tracker.domain.conversion.CountingRule;
import io.tracker.domain.shared.Text;
import io.tracker.domain.tracking.Interaction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * Rows of a Google Analytics (Universal Analytics / GA 360) session export, one row per hit.
 *
 * <ul>
 *   <li>A session is {@code (fullVisitorId, visitId)}; its first row becomes one touchpoint on the
 *       session's {@code channelGrouping} at the session start, {@code visitId} (POSIX seconds, in the
 *       event API's range: {@link EventTimes}).
 *       Ids are kept as text (visitor ids can have leading zeros).</li>
 *   <li>A session with {@code totalTransactionRevenue} becomes one conversion of the tenant's default
 *       action, under that action's settings as the events API applies them: its value is the
 *       action's {@link CountingRule#valueOf} of the revenue (value source EVENT: the revenue, which GA
 *       gives in micros, millionths: 200000000 is 200.00; FIXED: the action's fixed value, the
 *       revenue only telling that the session bought), its currency the action's, else the tenant's
 *       ({@code currencyCode} may be empty, or must be that currency: Tracker does not convert). It
 *       happens at the session start plus the row's {@code time} (milliseconds into the session),
 *       with {@code transactionId} as order id when the session has one. Session-level revenue
 *       repeated on several hit rows counts once.</li>
 *   <li>When the default action is paused, no conversion is recorded: the session's touchpoint is
 *       imported as always, and the session's first row with revenue is reported as partly imported
 *       ("conversion action 'purchase' is paused: …"), once per session.</li>
 *   <li>A row whose revenue part is bad (unreadable revenue or time, another currency) is reported
 *       as a line error, but when it opens its session the session's touchpoint is still imported
 *       ({@link PartlyImportedRowException}): GA repeats the session's revenue on every hit row, so
 *       refusing the whole row would lose the visit. A row whose session part is bad (visitor,
 *       {@code visitId}, channel) is refused whole and does not open the session.</li>
 * </ul>
 *
 * Event ids are {@code ga:<fullVisitorId>:<visitId>} and the same with {@code :transaction}.
 */
final class GaSessionRows {

    static final Set<String> COLUMNS = Set.of("fullVisitorId", "channelGrouping", "time", "totalTransactionRevenue",
            "visitId", "currencyCode", "transactionId");
    private static final BigDecimal MICROS = BigDecimal.valueOf(1_000_000);

    private final CountingRule action;
    private final Currency currency;
    private final Clock clock;
    private final Set<String> sessions = new HashSet<>();
    private final Set<String> transactions = new HashSet<>();

    /**
     * @param action         the tenant's default conversion action, which GA revenue is recorded as
     * @param tenantCurrency the tenant's reporting currency, for an action without a currency of its own
     */
    GaSessionRows(CountingRule action, Currency tenantCurrency, Clock clock) {
        this.action = action;
        this.currency = action.currencyOr(tenantCurrency);
        this.clock = clock;
    }

    List<TrackedEvent> read(CSVRecord r) {
        String visitor = TouchpointCsvRows.required(r, "fullVisitorId");
        String visitId = TouchpointCsvRows.required(r, "visitId");
        Instant start = sessionStart(visitId);
        String session = visitor + ":" + visitId;
        List<TrackedEvent> events = new ArrayList<>(2);
        boolean newSession = !sessions.contains(session);
        if (newSession) {
            String channel = TouchpointCsvRows.required(r, "channelGrouping");
            events.add(new TrackedTouchpoint("ga:" + session, visitor, start, channel, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, Interaction.CLICK));
        }
        String revenue = r.get("totalTransactionRevenue");
        boolean transaction = revenue != null && !revenue.isBlank() && !transactions.contains(session);
        if (transaction && !action.records()) {
            // Reported once per session: its later hit rows repeat the same revenue.
            transactions.add(session);
            sessions.add(session);
            String paused = "conversion action '" + action.key() + "' is paused: the session's revenue was not "
                    + "recorded as a conversion";
            throw newSession ? new PartlyImportedRowException(paused + " (the session's touchpoint was imported)", events)
                    : new RowException(paused);
        }
        if (transaction) {
            try {
                events.add(purchase(r, session, visitor, visitId, start, revenue.trim()));
            } catch (RowException e) {
                if (!newSession) {
                    throw e;
                }
                // The session itself is good: keep its touchpoint, or every later hit row of the session
                // (which repeats the same session revenue) would be refused too and the visit lost.
                sessions.add(session);
                throw new PartlyImportedRowException(e.getMessage() + " (the session's touchpoint was imported, "
                        + "its purchase was not)", events);
            }
        }
        // Remembered only once the whole row was good: a bad row must not hide its session from later rows.
        if (newSession) {
            sessions.add(session);
        }
        if (transaction) {
            transactions.add(session);
        }
        return events;
    }

    private TrackedConversion purchase(CSVRecord r, String session, String visitor, String visitId, Instant start,
                                       String revenue) {
        long micros = number("totalTransactionRevenue", revenue);
        if (micros >= 1_000_000_000_000L * 1_000_000L) {
            throw new RowException("totalTransactionRevenue is out of range");
        }
        String timeText = r.get("time");
        long offsetMillis = timeText == null || timeText.isBlank() ? 0 : number("time", timeText.trim());
        BigDecimal value = action.valueOf(BigDecimal.valueOf(micros).divide(MICROS, 2, RoundingMode.HALF_UP));
        String orderId = blankToNull(r.get("transactionId"));
        // start is in range and a long of milliseconds is under 300 million years: no overflow.
        Instant at = start.plusMillis(offsetMillis);
        TouchpointCsvRows.inRange("visitId + time", visitId + " s + " + offsetMillis + " ms", at, clock);
        return new TrackedConversion("ga:" + session + ":transaction", visitor, at,
                action.actionId(), value, currency(r.get("currencyCode")), orderId,
                action.dedupeKey(visitor, orderId));
    }

    /** The session start from {@code visitId} (POSIX seconds), within the event API's range. */
    private Instant sessionStart(String visitId) {
        long seconds = number("visitId", visitId);
        // Checked in seconds before making an Instant: 9223372036854775807 is a long but no instant.
        long now = clock.instant().getEpochSecond();
        if (seconds > now + EventTimes.MAX_CLOCK_SKEW.toSeconds()) {
            throw new RowException("visitId " + Text.echo(visitId) + " (POSIX seconds) is more than a day in the future");
        }
        return TouchpointCsvRows.inRange("visitId", visitId + " (POSIX seconds)", Instant.ofEpochSecond(seconds), clock);
    }

    /** The conversion's currency: the action's (else the tenant's), which a non-empty code must name. */
    private String currency(String code) {
        String expected = currency.getCurrencyCode();
        if (code == null || code.isBlank()) {
            return expected;
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(upper);
        } catch (IllegalArgumentException e) {
            throw new RowException("currencyCode " + Text.echo(code) + " is not an ISO 4217 code");
        }
        if (!upper.equals(expected)) {
            throw new RowException("currencyCode " + upper + " differs from " + (action.currency() == null
                    ? "the tenant's reporting currency " : "the currency of conversion action '" + action.key() + "', ")
                    + expected + " (Tracker does not convert currencies)");
        }
        return upper;
    }

    private static long number(String column, String text) {
        try {
            long v = Long.parseLong(text);
            if (v < 0) {
                throw new RowException(column + " must not be negative");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new RowException(column + " " + Text.echo(text) + " is not a whole number");
        }
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }
}
