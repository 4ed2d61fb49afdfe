package io.tracker.application.tracking.imports;

import io.tracker.application.tracking.TrackedConversion;
import io.tracker.application.tracking.TrackedEvent;
import io.tracker.application.tracking.TrackedTouchpoint;
import io.tracker.application.tracking.EventTimes;
import io.tracker.domain.conversion.CountingRule;
import io.tracker.domain.shared.Text;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * Rows of the common multi-touch CSV layout {@code customer_id,time,interaction,conversion,
 * conversion_value,channel} (as in the Criteo/Kaggle attribution data sets).
 *
 * <p>Every row is a touchpoint of {@code customer_id} on {@code channel} at {@code time}. A row with
 * {@code conversion} = {@code 1} (or {@code true}) is also a conversion of the tenant's default
 * macro action, worth {@code conversion_value} (the action's default when empty), at the same
 * instant, so the row's own touch is the last of its journey. {@code time} is ISO-8601 with an
 * offset or {@code Z}, or a local {@code yyyy-MM-dd HH:mm[:ss]} / {@code yyyy-MM-ddTHH:mm[:ss]}
 * read in the tenant's time zone, and within the event API's range ({@link EventTimes}: not before
 * 2000, at most a day ahead). {@code conversion_value} is at most {@value #MAX_NUMBER_LENGTH}
 * characters. {@code interaction} is informative only. Journeys are ordered
 * by time, not by file order.
 *
 * <p>Event ids are {@code csv:<customer>:<time>:<channel>:<n>} (n counts identical rows), so
 * importing a file again stores nothing twice.
 */
final class TouchpointCsvRows {

    static final Set<String> COLUMNS = Set.of("customer_id", "time", "interaction", "conversion",
            "conversion_value", "channel");
    /** Largest accepted conversion value, as for the events API. */
    static final BigDecimal MAX_VALUE = new BigDecimal("1000000000000");
    /**
     * Longest {@code conversion_value} text read as a number: parsing decimal text costs time
     * growing with the square of its length, and no money amount below 10^12 with 20 decimal places
     * needs more.
     */
    static final int MAX_NUMBER_LENGTH = 40;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss][.SSS]");

    private final ZoneId zone;
    private final CountingRule action;
    private final String currency;
    private final Clock clock;
    private final Map<String, Integer> occurrences = new HashMap<>();

    TouchpointCsvRows(ZoneId zone, CountingRule action, String currency, Clock clock) {
        this.zone = zone;
        this.action = action;
        this.currency = currency;
        this.clock = clock;
    }

    List<TrackedEvent> read(CSVRecord r) {
        String customer = required(r, "customer_id");
        String timeText = required(r, "time");
        Instant at = time(timeText);
        String channel = required(r, "channel");
        boolean converted = converted(r.get("conversion"));
        String key = customer + ":" + timeText + ":" + channel;
        int n = occurrences.merge(key, 1, Integer::sum);
        String eventId = "csv:" + key + ":" + n;

        List<TrackedEvent> events = new ArrayList<>(2);
        events.add(new TrackedTouchpoint(eventId, customer, at, channel, null, null, null, null, null, null,
                null, null, null, null, null));
        if (converted) {
            BigDecimal value = value(r.get("conversion_value"));
            events.add(new TrackedConversion(eventId + ":conversion", customer, at, action.actionId(), value, currency,
                    null, action.dedupeKey(customer, null)));
        }
        return events;
    }

    private Instant time(String text) {
        Instant at;
        try {
            at = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                at = LocalDateTime.parse(text, LOCAL).atZone(zone).toInstant();
            } catch (DateTimeException e) {
                throw new RowException("time " + Text.echo(text) + " is neither ISO-8601 nor yyyy-MM-dd HH:mm:ss");
            }
        }
        return inRange("time", text, at, clock);
    }

    /** The instant, if the event API would accept it too ({@link EventTimes}); a row error otherwise. */
    static Instant inRange(String column, String text, Instant at, Clock clock) {
        String outOfRange = EventTimes.outOfRange(at, clock.instant());
        if (outOfRange != null) {
            throw new RowException(column + " " + Text.echo(text) + " " + outOfRange);
        }
        return at;
    }

    private static boolean converted(String text) {
        String v = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "1", "true", "yes" -> true;
            case "0", "false", "no", "" -> false;
            default -> throw new RowException("conversion must be 0 or 1, not " + Text.echo(text));
        };
    }

    private BigDecimal value(String text) {
        if (text == null || text.isBlank()) {
            return action.defaultValue();
        }
        String trimmed = text.trim();
        if (trimmed.length() > MAX_NUMBER_LENGTH) {
            throw new RowException("conversion_value " + Text.echo(trimmed) + " is longer than " + MAX_NUMBER_LENGTH
                    + " characters; send an amount below 10^12 with at most 20 decimal places");
        }
        try {
            BigDecimal v = new BigDecimal(trimmed);
            if (v.signum() < 0) {
                throw new RowException("conversion_value must not be negative");
            }
            if (v.scale() > 20 || v.compareTo(MAX_VALUE) >= 0) {
                throw new RowException("conversion_value " + Text.echo(trimmed) + " is out of range (below 10^12, "
                        + "at most 20 decimal places)");
            }
            return v.setScale(2, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            throw new RowException("conversion_value " + Text.echo(trimmed) + " is not a number");
        }
    }

    static String required(CSVRecord r, String column) {
        String v = r.get(column);
        if (v == null || v.isBlank()) {
            throw new RowException(column + " is empty");
        }
        if (v.indexOf('\0') >= 0) {
            throw new RowException(column + " contains a NUL character (U+0000)");
        }
        if (v.length() > 200) {
            throw new RowException(column + " is longer than 200 characters");
        }
        return v.trim();
    }
}
