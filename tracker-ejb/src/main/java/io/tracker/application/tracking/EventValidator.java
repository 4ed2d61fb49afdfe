package io.tracker.application.tracking;

import io.tracker.domain.campaign.DefaultChannelGrouping;
import io.tracker.domain.campaign.TrafficSignals;
import io.tracker.domain.conversion.CountingRule;
import io.tracker.domain.shared.Text;
import io.tracker.domain.tracking.Interaction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an {@link EventInput} into a {@link TrackedEvent}, or says in one sentence what is wrong.
 *
 * <p>Rules: {@code event_id}, {@code type}, {@code timestamp} and {@code visitor_id} are required;
 * the timestamp is ISO-8601 with an offset or {@code Z} and at most one day in the future;
 * UTM values and click ids missing from the event are read from the query string of {@code url};
 * the channel is the explicit one or the {@link DefaultChannelGrouping default grouping}'s; a touchpoint's
 * {@code interaction} is {@code click} (also when absent) or {@code impression} (case-insensitive), and a
 * conversion has none.
 * A conversion's {@code action} must be one of the tenant's conversion action keys (the tenant's
 * default action when absent), or the trigger event name of one of its event-triggered actions (such as
 * {@code Order Completed}); a paused action records nothing ("conversion action 'x' is paused: nothing
 * recorded"). Its value is the action's {@link CountingRule#valueOf} (FIXED: the default value; EVENT: the
 * event's, else the default), rounded to cents and not negative; its currency (default: the action's, else
 * the tenant's) must be that one, since revenue is summed as recorded and Tracker does not convert currencies. Text must not contain NUL
 * characters or unpaired surrogates; timestamps outside {@link EventTimes}' range are refused as
 * mistakes. Values repeated in messages are cut short ({@link Text#echo}).
 */
public final class EventValidator {

    static final int MAX_ID_LENGTH = 200;
    static final int MAX_TEXT_LENGTH = 500;
    static final int MAX_URL_LENGTH = 4096;
    private static final BigDecimal MAX_VALUE = new BigDecimal("1000000000000");
    /** Earliest accepted event time (see {@link EventTimes}). */
    static final Instant EARLIEST = EventTimes.EARLIEST;

    private final Map<String, CountingRule> actionsByKey;
    private final String defaultActionKey;
    private final Currency tenantCurrency;
    private final Clock clock;

    public EventValidator(Map<String, CountingRule> actionsByKey, String defaultActionKey,
                          Currency tenantCurrency, Clock clock) {
        this.actionsByKey = actionsByKey;
        this.defaultActionKey = defaultActionKey;
        this.tenantCurrency = tenantCurrency;
        this.clock = clock;
    }

    /** The validated event; throws {@link InvalidEventException} with the reason otherwise. */
    public TrackedEvent validate(EventInput in) {
        String eventId = required("event_id", in.eventId(), MAX_ID_LENGTH);
        String type = required("type", in.type(), MAX_ID_LENGTH);
        Instant at = timestamp(in.timestamp());
        String visitorId = required("visitor_id", in.visitorId(), MAX_ID_LENGTH);
        return switch (type) {
            case "touchpoint" -> touchpoint(in, eventId, visitorId, at);
            case "conversion" -> conversion(in, eventId, visitorId, at);
            default -> throw new InvalidEventException("type must be 'touchpoint' or 'conversion', not '" + type + "'");
        };
    }

    private TrackedTouchpoint touchpoint(EventInput in, String eventId, String visitorId, Instant at) {
        String url = optional("url", in.url(), MAX_URL_LENGTH);
        Map<String, String> query = queryParameters(url);
        String utmSource = optional("utm_source", or(in.utmSource(), query.get("utm_source")), MAX_TEXT_LENGTH);
        String utmMedium = optional("utm_medium", or(in.utmMedium(), query.get("utm_medium")), MAX_TEXT_LENGTH);
        String utmCampaign = optional("utm_campaign", or(in.utmCampaign(), query.get("utm_campaign")), MAX_TEXT_LENGTH);
        String utmTerm = optional("utm_term", or(in.utmTerm(), query.get("utm_term")), MAX_TEXT_LENGTH);
        String utmContent = optional("utm_content", or(in.utmContent(), query.get("utm_content")), MAX_TEXT_LENGTH);
        String gclid = optional("gclid", or(in.gclid(), query.get("gclid")), MAX_TEXT_LENGTH);
        String gbraid = optional("gbraid", query.get("gbraid"), MAX_TEXT_LENGTH);
        String wbraid = optional("wbraid", query.get("wbraid"), MAX_TEXT_LENGTH);
        String fbclid = optional("fbclid", or(in.fbclid(), query.get("fbclid")), MAX_TEXT_LENGTH);
        String msclkid = optional("msclkid", or(in.msclkid(), query.get("msclkid")), MAX_TEXT_LENGTH);
        String referrer = optional("referrer", in.referrer(), MAX_URL_LENGTH);
        String explicitChannel = optional("channel", in.channel(), MAX_TEXT_LENGTH);
        String campaign = optional("campaign", or(in.campaign(), utmCampaign), MAX_TEXT_LENGTH);
        String channel = DefaultChannelGrouping.classify(
                new TrafficSignals(explicitChannel, utmSource, utmMedium, referrer, gclid, fbclid, msclkid));
        return new TrackedTouchpoint(eventId, visitorId, at, channel, campaign, utmSource, utmMedium, utmCampaign,
                utmTerm, utmContent, url, referrer, gclid, gbraid, wbraid, fbclid, msclkid,
                interaction(in.interaction()));
    }

    private static Interaction interaction(String text) {
        String value = optional("interaction", text, MAX_ID_LENGTH);
        try {
            return Interaction.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("interaction must be 'click' or 'impression', not " + Text.echo(value));
        }
    }

    private TrackedConversion conversion(EventInput in, String eventId, String visitorId, Instant at) {
        if (in.interaction() != null) {
            // A view-through conversion is a conversion whose journey holds an impression, not a kind of conversion.
            throw new InvalidEventException("interaction is a touchpoint's field (click or impression); a conversion "
                    + "has none: send the impression as a touchpoint");
        }
        String actionKey = optional("action", in.action(), MAX_TEXT_LENGTH);
        if (actionKey == null) {
            actionKey = defaultActionKey;
        }
        CountingRule action = action(actionKey);
        if (action == null) {
            throw new InvalidEventException("unknown conversion action " + Text.echo(actionKey) + "; this tenant has "
                    + actionsByKey.keySet().stream().sorted().toList());
        }
        if (!action.records()) {
            throw new InvalidEventException("conversion action '" + action.key() + "' is paused: nothing recorded");
        }
        BigDecimal value = action.valueOf(in.value());
        if (value.signum() < 0) {
            throw new InvalidEventException("value must not be negative");
        }
        if (value.scale() > 20) {
            throw new InvalidEventException("value has more than 20 decimal places");
        }
        if (value.compareTo(MAX_VALUE) >= 0) {
            throw new InvalidEventException("value must be below " + MAX_VALUE.toPlainString());
        }
        value = value.setScale(2, RoundingMode.HALF_UP);
        String currency = currency(in.currency(), action);
        String orderId = optional("order_id", in.orderId(), MAX_ID_LENGTH);
        return new TrackedConversion(eventId, visitorId, at, action.actionId(), value, currency, orderId,
                action.dedupeKey(visitorId, orderId), in.checkout());
    }

    /** The action with this key, else the event-triggered action listening to this name (key order on a tie). */
    private CountingRule action(String keyOrEvent) {
        CountingRule byKey = actionsByKey.get(keyOrEvent);
        if (byKey != null) {
            return byKey;
        }
        return actionsByKey.values().stream().filter(r -> keyOrEvent.equals(r.trigger().eventName(r.key())))
                .min(java.util.Comparator.comparing(CountingRule::key)).orElse(null);
    }

    private String currency(String code, CountingRule action) {
        Currency expected = action.currencyOr(tenantCurrency);
        if (code == null || code.isBlank()) {
            return expected.getCurrencyCode();
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        if (!upper.matches("[A-Z]{3}")) {
            throw new InvalidEventException("currency must be an ISO 4217 code such as EUR, not " + Text.echo(code));
        }
        try {
            Currency.getInstance(upper);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("currency " + Text.echo(code) + " is not an ISO 4217 code");
        }
        if (!upper.equals(expected.getCurrencyCode())) {
            throw new InvalidEventException("currency " + upper + " differs from " + (action.currency() == null
                    ? "this tenant's reporting currency " : "the currency of conversion action '" + action.key() + "', ")
                    + expected.getCurrencyCode() + "; send values in " + expected.getCurrencyCode()
                    + " (Tracker does not convert currencies)");
        }
        return upper;
    }

    private Instant timestamp(String text) {
        String value = required("timestamp", text, MAX_ID_LENGTH);
        Instant at;
        try {
            at = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("timestamp " + Text.echo(value)
                    + " is not ISO-8601 with an offset or Z, such as 2026-03-01T12:30:00Z");
        }
        String outOfRange = EventTimes.outOfRange(at, clock.instant());
        if (outOfRange != null) {
            throw new InvalidEventException("timestamp " + Text.echo(value) + " " + outOfRange);
        }
        return at;
    }

    private static String required(String field, String value, int maxLength) {
        String v = optional(field, value, maxLength);
        if (v == null) {
            throw new InvalidEventException(field + " is required");
        }
        return v;
    }

    private static String optional(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.indexOf('\0') >= 0) {
            throw new InvalidEventException(field + " contains a NUL character (U+0000)");
        }
        if (Text.hasLoneSurrogate(value)) {
            throw new InvalidEventException(field + " contains an unpaired UTF-16 surrogate (such as \\ud800): "
                    + "it is not Unicode text");
        }
        String v = value.trim();
        if (v.length() > maxLength) {
            throw new InvalidEventException(field + " is longer than " + maxLength + " characters");
        }
        return v;
    }

    private static String or(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }

    /**
     * Query parameters of a landing page URL (keys lower-cased, first value wins); empty when there
     * is none. Read leniently, without {@link URI}, because real landing URLs often carry characters
     * or escapes that a strict parser refuses, and one bad parameter must not hide the others.
     */
    static Map<String, String> queryParameters(String url) {
        Map<String, String> params = new HashMap<>();
        int q = url == null ? -1 : url.indexOf('?');
        if (q < 0) {
            return params;
        }
        int hash = url.indexOf('#', q);
        String query = hash < 0 ? url.substring(q + 1) : url.substring(q + 1, hash);
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                try {
                    String key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
                    params.putIfAbsent(key, URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException ignored) {
                    // a malformed escape in one parameter does not spoil the others
                }
            }
        }
        return params;
    }

    /** The reason an event was not accepted, written for the API caller. */
    public static class InvalidEventException extends RuntimeException {
        public InvalidEventException(String message) {
            super(message);
        }
    }
}
