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
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * Rows of the common multi-touch CSV layout {@code customer_id,time,interaction,conversion,
 * conversion_value,channel} (as in the Criteo/Kaggle attribution data sets; {@code interaction} optional).
 *
 * <p>Every row is a touchpoint of {@code customer_id} on {@code channel} at {@code time}. A row with
 * {@code conversion} = {@code 1} (or {@code true}) is also a conversion, at the same instant (so the
 * row's own touch is the last of its journey), of the action named by the optional column
 * {@code conversion_action} (a key; whatever the action's trigger, so offline actions are recorded this
 * way), else of the tenant's default action. Its value is the action's {@link CountingRule#valueOf} of
 * {@code conversion_value} (FIXED actions: always their default), its currency the action's, else the
 * tenant's. A converting row naming an unknown or a paused action is a row error (nothing of the row is
 * stored; send it again without the conversion to keep the touchpoint). {@code time} is ISO-8601 with an
 * offset or {@code Z}, or a local {@code yyyy-MM-dd HH:mm[:ss]} / {@code yyyy-MM-ddTHH:mm[:ss]}
 * read in the tenant's time zone, and within the event API's range ({@link EventTimes}: not before
 * 2000, at most a day ahead). {@code conversion_value} is at most {@value #MAX_NUMBER_LENGTH}
 * characters. The optional column {@code interaction} says what the row's touch is: {@code click} (also
 * when the column is absent or the cell empty) or {@code impression} (an ad seen, not clicked: attribution
 * counts it within the action's view-through window only), case-insensitive; {@code conversion}, which the
 * Kaggle layout writes on converting rows, is a click (the visit the conversion happened in). Any other value
 * is a row error. Journeys are ordered by time, not by file order.
 *
 * <p>Event ids are {@code csv:<customer>:<time>:<channel>:<n>} (n counts identical rows), so
 * importing a file again stores nothing twice.
 */
final class TouchpointCsvRows {

    /** The optional column naming a row's conversion action by key. */
    static final String ACTION_COLUMN = "conversion_action";
    /** The optional column saying whether a row's touch is a click or an ad impression. */
    static final String INTERACTION_COLUMN = "interaction";
    /** The Kaggle layout's {@code interaction} of a converting row: its touch is a click. */
    private static final String KAGGLE_CONVERSION = "conversion";
    static final Set<String> COLUMNS = Set.of("customer_id", "time", "conversion", "conversion_value", "channel");
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
    private final CountingRule defaultAction;
    private final Map<String, CountingRule> actions;
    private final Currency tenantCurrency;
    private final Clock clock;
    private final Map<String, Integer> occurrences = new HashMap<>();

    /** Rows whose conversions are all of {@code action}. */
    TouchpointCsvRows(ZoneId zone, CountingRule action, String currency, Clock clock) {
        this(zone, action, Map.of(action.key(), action), currency, clock);
    }

    /**
     * @param defaultAction the tenant's default action, for rows without {@code conversion_action}
     * @param actions       the tenant's actions by key
     * @param currency      the tenant's reporting currency (ISO 4217 code)
     */
    TouchpointCsvRows(ZoneId zone, CountingRule defaultAction, Map<String, CountingRule> actions, String currency,
                      Clock clock) {
        this.zone = zone;
        this.defaultAction = defaultAction;
        this.actions = Map.copyOf(actions);
        this.tenantCurrency = Currency.getInstance(currency);
        this.clock = clock;
    }

    List<TrackedEvent> read(CSVRecord r) {
        String customer = required(r, "customer_id");
        String timeText = required(r, "time");
        Instant at = time(timeText);
        String channel = required(r, "channel");
        Interaction interaction = interaction(r);
        boolean converted = converted(r.get("conversion"));
        String key = customer + ":" + timeText + ":" + channel;
        int n = occurrences.merge(key, 1, Integer::sum);
        String eventId = "csv:" + key + ":" + n;

        List<TrackedEvent> events = new ArrayList<>(2);
        events.add(new TrackedTouchpoint(eventId, customer, at, channel, null, null, null, null, null, null,
                null, null, null, null, null, null, null, interaction));
        if (converted) {
            CountingRule action = action(r);
            BigDecimal value = action.valueOf(value(r.get("conversion_value")));
            events.add(new TrackedConversion(eventId + ":conversion", customer, at, action.actionId(), value,
                    action.currencyOr(tenantCurrency).getCurrencyCode(), null, action.dedupeKey(customer, null)));
        }
        return events;
    }

    private CountingRule action(CSVRecord r) {
        String key = r.isMapped(ACTION_COLUMN) ? r.get(ACTION_COLUMN) : null;
        CountingRule action = key == null || key.isBlank() ? defaultAction : actions.get(key.strip());
        if (action == null) {
            throw new RowException(ACTION_COLUMN + " " + Text.echo(key) + " is not one of this tenant's conversion "
                    + "actions " + actions.keySet().stream().sorted().toList());
        }
        if (!action.records()) {
            throw new RowException("conversion action '" + action.key() + "' is paused: nothing of this row was "
                    + "recorded (send it again without the conversion to keep the touchpoint)");
        }
        return action;
    }

    private static Interaction interaction(CSVRecord r) {
        String text = r.isMapped(INTERACTION_COLUMN) ? r.get(INTERACTION_COLUMN) : null;
        if (text != null && text.strip().equalsIgnoreCase(KAGGLE_CONVERSION)) {
            return Interaction.CLICK;
        }
        try {
            return Interaction.parse(text);
        } catch (IllegalArgumentException e) {
            throw new RowException(INTERACTION_COLUMN + " must be click or impression (or conversion on a converting "
                    + "row, as the Kaggle layout writes it), not " + Text.echo(text));
        }
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
            return null;
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
