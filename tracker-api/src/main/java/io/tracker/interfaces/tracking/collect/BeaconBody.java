package io.tracker.interfaces.tracking.collect;

import io.tracker.application.tracking.collection.CheckoutDetails;
import io.tracker.application.tracking.collection.CollectedHit;
import io.tracker.application.tracking.collection.Collector;
import io.tracker.application.tracking.collection.HitType;
import io.tracker.domain.tracking.ClickIds;
import io.tracker.domain.tracking.Utm;
import io.tracker.domain.tracking.WayIn;
import io.tracker.interfaces.shared.rest.StrictJson;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The tag's beacon body ({@code POST /v1/collect}, README "The beacon") read into {@link CollectedHit}s of
 * {@link WayIn#TAG}. The body is UTF-8 JSON whatever its {@code Content-Type} says (the tag sends
 * {@code text/plain}), read strictly by {@link StrictJson} (its one cached parser factory).
 *
 * <p>Envelope: {@code {"v":1,"site":"<site key>","hits":[…]}} and, from a browser in debug mode, {@code "dbg"}: the
 * debug session id (README "Debug mode"; {@link Collector#collect(String, List, String)}); at most
 * {@value Collector#MAX_HITS_PER_CALL} hits; anything else about the envelope is a {@link BadBeacon}
 * naming the field (answer 400). Each hit is read on its own: a hit with a field of the wrong type, an
 * unknown {@code type} or an unreadable time is {@link Item#rejection() rejected} alone, with a reason
 * naming the field. Mapping: {@code type} ({@code page_view}, {@code event}, {@code conversion},
 * {@code identify}), {@code id} → event id, {@code t} (ISO-8601 instant, an offset is accepted) →
 * occurred at, {@code vid}, {@code sid}, {@code ss: true} → starts a visit, {@code url}, {@code ref},
 * {@code utm} ({@code source}, {@code medium}, {@code campaign}, {@code term}, {@code content}),
 * {@code click} ({@code gclid}, {@code gbraid}, {@code wbraid}, {@code fbclid}, {@code msclkid},
 * {@code ttclid}, {@code li_fat_id}, {@code trk}), {@code name}, {@code props} (a JSON object, kept as
 * its JSON text), {@code action}, {@code value} (a JSON number), {@code currency}, {@code order_id},
 * {@code user_id}, {@code email_sha256}, and a checkout's {@code restore_url}, {@code phone}, {@code sms_consent}
 * (a JSON boolean) and {@code tz} (IANA zone) for SMS cart recovery ({@link CheckoutDetails}). Unknown fields are ignored (a newer tag may send more).
 *
 * <p>What the endpoint does next: {@link ConsentRule}, then {@link Landing#cookieless}.
 */
public final class BeaconBody {

    /** The beacon format's version. */
    public static final int VERSION = 1;

    private BeaconBody() {
    }

    /** One hit of the body: either the hit with its consent answer, or why it was rejected. */
    public record Item(CollectedHit hit, String consent, String rejection) {

        static Item of(CollectedHit hit, String consent) {
            return new Item(hit, consent, null);
        }

        static Item rejected(String reason) {
            return new Item(null, null, reason);
        }
    }

    /**
     * The envelope read.
     *
     * @param siteKey the {@code site} as sent (not yet looked up)
     * @param items   one per hit, in order
     * @param debug   the {@code dbg} debug session id as sent (README "Debug mode"); null: not in debug mode
     */
    public record Envelope(String siteKey, List<Item> items, String debug) {
    }

    /** The envelope is unusable; the message names the field and says what is wrong. */
    public static final class BadBeacon extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public BadBeacon(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Reads a body.
     *
     * @param body      the body's bytes (the endpoint bounds their number)
     * @param userAgent the request's {@code User-Agent} (null: none)
     * @param prefetch  the request was a browser prefetch ({@code Sec-Purpose}/{@code Purpose})
     * @throws BadBeacon for a body that is no JSON object in UTF-8, or a wrong {@code v}, {@code site} or {@code hits}
     */
    public static Envelope read(byte[] body, String userAgent, boolean prefetch) {
        JsonValue root;
        try {
            root = StrictJson.read(body);
        } catch (StrictJson.MalformedJsonException e) {
            throw new BadBeacon("the body is not a JSON document: " + e.getMessage());
        }
        if (root.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new BadBeacon("the body must be a JSON object {\"v\":1,\"site\":…,\"hits\":[…]}");
        }
        JsonObject envelope = root.asJsonObject();
        JsonValue v = envelope.get("v");
        if (!(v instanceof JsonNumber n) || !n.isIntegral() || n.bigDecimalValue().compareTo(BigDecimal.ONE) != 0) {
            throw new BadBeacon("v must be " + VERSION + (v == null ? " (it is missing)" : ", not " + shortly(v)));
        }
        JsonValue site = envelope.get("site");
        if (!(site instanceof JsonString s) || s.getString().isBlank()) {
            throw new BadBeacon("site must be the site key as a string" + (site == null ? " (it is missing)" : ""));
        }
        JsonValue hits = envelope.get("hits");
        if (hits == null || hits.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new BadBeacon("hits must be an array of hits" + (hits == null ? " (it is missing)" : ""));
        }
        List<JsonValue> list = hits.asJsonArray();
        if (list.size() > Collector.MAX_HITS_PER_CALL) {
            throw new BadBeacon("hits holds " + list.size() + " hits; at most " + Collector.MAX_HITS_PER_CALL
                    + " fit in one beacon");
        }
        List<Item> items = new ArrayList<>(list.size());
        for (JsonValue hit : list) {
            items.add(item(hit, userAgent, prefetch));
        }
        JsonValue debug = envelope.get("dbg");
        if (debug != null && !(debug instanceof JsonString)) {
            throw new BadBeacon("dbg must be the debug session id as a string");
        }
        return new Envelope(s.getString().strip(), items, debug == null ? null : ((JsonString) debug).getString());
    }

    private static Item item(JsonValue value, String userAgent, boolean prefetch) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            return Item.rejected("a hit must be a JSON object");
        }
        try {
            return hit(value.asJsonObject(), userAgent, prefetch);
        } catch (BadField e) {
            return Item.rejected(e.getMessage());
        }
    }

    private static Item hit(JsonObject h, String userAgent, boolean prefetch) throws BadField {
        HitType type = type(string(h, "type"));
        String vid = string(h, "vid");
        String url = string(h, "url");
        Utm utm = utm(object(h, "utm"));
        ClickIds click = clickIds(object(h, "click"));
        JsonObject props = object(h, "props");
        boolean startsVisit = bool(h, "ss");
        CollectedHit hit = CollectedHit.builder(WayIn.TAG, type)
                .eventId(string(h, "id"))
                .occurredAt(time(string(h, "t")))
                .visitorId(vid)
                .sessionId(string(h, "sid"))
                .startsVisit(startsVisit)
                .url(url)
                .referrer(string(h, "ref"))
                .utm(utm)
                .clickIds(click)
                .eventName(string(h, "name"))
                .propertiesJson(props == null ? null : props.toString())
                .actionKey(string(h, "action"))
                .value(number(h, "value"))
                .currency(string(h, "currency"))
                .orderId(string(h, "order_id"))
                .userId(string(h, "user_id"))
                .emailSha256(string(h, "email_sha256"))
                .checkout(new CheckoutDetails(string(h, "restore_url"), string(h, "phone"), bool(h, "sms_consent"),
                        string(h, "tz")))
                .userAgent(userAgent)
                .prefetch(prefetch)
                .build();
        return Item.of(hit, string(h, "consent"));
    }

    private static HitType type(String type) throws BadField {
        if (type == null) {
            throw new BadField("type is missing (page_view, event, conversion or identify)");
        }
        return switch (type) {
            case "page_view" -> HitType.PAGE_VIEW;
            case "event" -> HitType.EVENT;
            case "conversion" -> HitType.CONVERSION;
            case "identify" -> HitType.IDENTIFY;
            default -> throw new BadField("type must be page_view, event, conversion or identify, not "
                    + shortly(type));
        };
    }

    private static Instant time(String t) throws BadField {
        if (t == null) {
            return null;
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeParseException e2) {
                throw new BadField("t must be an ISO-8601 time such as 2026-11-20T09:00:00.123Z, not " + shortly(t));
            }
        }
    }

    private static Utm utm(JsonObject utm) throws BadField {
        if (utm == null) {
            return Utm.NONE;
        }
        return new Utm(string(utm, "source", "utm.source"), string(utm, "medium", "utm.medium"),
                string(utm, "campaign", "utm.campaign"), string(utm, "term", "utm.term"),
                string(utm, "content", "utm.content"));
    }

    private static ClickIds clickIds(JsonObject c) throws BadField {
        if (c == null) {
            return ClickIds.NONE;
        }
        return new ClickIds(string(c, "gclid", "click.gclid"), string(c, "gbraid", "click.gbraid"),
                string(c, "wbraid", "click.wbraid"), string(c, "fbclid", "click.fbclid"),
                string(c, "msclkid", "click.msclkid"), string(c, "ttclid", "click.ttclid"),
                string(c, "li_fat_id", "click.li_fat_id"), string(c, "trk", "click.trk"));
    }

    private static String string(JsonObject o, String name) throws BadField {
        return string(o, name, name);
    }

    /** A string field; null when absent or JSON null; an empty string counts as absent. */
    private static String string(JsonObject o, String name, String path) throws BadField {
        JsonValue v = o.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString().isEmpty() ? null : s.getString();
        }
        throw new BadField(path + " must be a string, not " + shortly(v));
    }

    private static JsonObject object(JsonObject o, String name) throws BadField {
        JsonValue v = o.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() == JsonValue.ValueType.OBJECT) {
            return v.asJsonObject();
        }
        throw new BadField(name + " must be a JSON object, not " + shortly(v));
    }

    private static boolean bool(JsonObject o, String name) throws BadField {
        JsonValue v = o.get(name);
        if (v == null || v == JsonValue.NULL || v == JsonValue.FALSE) {
            return false;
        }
        if (v == JsonValue.TRUE) {
            return true;
        }
        throw new BadField(name + " must be true or false, not " + shortly(v));
    }

    private static BigDecimal number(JsonObject o, String name) throws BadField {
        JsonValue v = o.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonNumber n) {
            return n.bigDecimalValue();
        }
        throw new BadField(name + " must be a JSON number such as 129.9, not " + shortly(v));
    }

    /** A value for a message, cut short (a sender's mistake is named, not echoed at length). */
    static String shortly(Object value) {
        String text = value instanceof JsonString s ? "\"" + cut(s.getString()) + "\""
                : value instanceof String s ? "\"" + cut(s) + "\"" : cut(String.valueOf(value));
        return text;
    }

    /** At most 40 characters of a text, "…" marking a cut. */
    static String cut(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** A field of one hit is unusable; the message names it. */
    private static final class BadField extends Exception {
        private static final long serialVersionUID = 1L;

        BadField(String message) {
            super(message, null, false, false);
        }
    }
}
