package io.tracker.interfaces.tracking.rest;

import io.tracker.application.tracking.EventInput;
import io.tracker.application.tracking.collection.CheckoutDetails;
import io.tracker.domain.shared.Text;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;

/**
 * Reads one item of an events batch into an {@link EventInput}, checking only JSON types:
 * text fields must be strings (or null), {@code value} a number or a numeric string.
 * Whether the values make sense is the {@code EventValidator}'s job.
 */
final class EventJson {

    /**
     * Longest numeric string read as {@code value}: parsing decimal text costs time growing with the
     * square of its length (900,000 digits took 14 s), and no amount below 10^12 with 20 decimal
     * places needs more. JSON numbers are bounded by the parser (see {@code StrictJson}).
     */
    static final int MAX_NUMBER_LENGTH = 40;

    private EventJson() {
    }

    static EventInput read(JsonValue item) {
        if (!(item instanceof JsonObject o)) {
            throw new UnreadableEventException("each event must be a JSON object");
        }
        return new EventInput(text(o, "event_id"), text(o, "type"), text(o, "timestamp"), text(o, "visitor_id"),
                text(o, "channel"), text(o, "campaign"),
                text(o, "utm_source"), text(o, "utm_medium"), text(o, "utm_campaign"), text(o, "utm_term"),
                text(o, "utm_content"), text(o, "url"), text(o, "referrer"),
                text(o, "gclid"), text(o, "fbclid"), text(o, "msclkid"),
                text(o, "action"), number(o, "value"), text(o, "currency"), text(o, "order_id"),
                text(o, "interaction"), checkout(o));
    }

    /** A checkout's cart details for SMS cart recovery; null when the item has none of them. */
    private static CheckoutDetails checkout(JsonObject o) {
        CheckoutDetails details = new CheckoutDetails(text(o, "restore_url"), text(o, "phone"),
                bool(o, "sms_consent"), text(o, "time_zone"));
        return details.any() ? details : null;
    }

    private static boolean bool(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v == JsonValue.NULL || v == JsonValue.FALSE) {
            return false;
        }
        if (v == JsonValue.TRUE) {
            return true;
        }
        throw new UnreadableEventException(field + " must be true or false");
    }

    private static String text(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw new UnreadableEventException(field + " must be a string");
    }

    private static BigDecimal number(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonNumber n) {
            return n.bigDecimalValue();
        }
        if (v instanceof JsonString s) {
            String text = s.getString().trim();
            if (text.length() > MAX_NUMBER_LENGTH) {
                throw new UnreadableEventException(field + " " + Text.echo(text) + " is longer than "
                        + MAX_NUMBER_LENGTH + " characters; send an amount below 10^12 with at most 20 decimal places");
            }
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw new UnreadableEventException(field + " must be a number, not " + Text.echo(s.getString()));
            }
        }
        throw new UnreadableEventException(field + " must be a number");
    }

    static class UnreadableEventException extends RuntimeException {
        UnreadableEventException(String message) {
            super(message);
        }
    }
}
