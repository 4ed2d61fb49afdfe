package io.tracker.interfaces.tracking.segment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tracker.application.tracking.collection.CheckoutDetails;
import io.tracker.application.tracking.collection.CollectedHit;
import io.tracker.application.tracking.collection.HitType;
import io.tracker.domain.conversion.ledger.Adjustment;
import io.tracker.domain.conversion.ledger.AdjustmentException;
import io.tracker.domain.conversion.ledger.AdjustmentReader;
import io.tracker.domain.conversion.ledger.Change;
import io.tracker.domain.shared.Text;
import io.tracker.domain.tracking.ClickIds;
import io.tracker.domain.tracking.QueryParameters;
import io.tracker.domain.tracking.Utm;
import io.tracker.domain.tracking.WayIn;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one Segment message (the Segment Spec's {@code track}, {@code page}, {@code identify} …) into
 * the {@link CollectedHit}s the collector stores, with {@link WayIn#SEGMENT}. Pure (no container).
 *
 * <p>Fields read, all optional unless said:
 * <ul>
 *   <li>{@code type}: {@code track}, {@code page}, {@code identify}; {@code screen}, {@code group} and
 *       {@code alias} are accepted and ignored; a single call's path names the type;</li>
 *   <li>{@code messageId} → event id (a repeat is stored once); {@code anonymousId} → visitor id;
 *       {@code userId}: the tenant's user id. A message needs {@code anonymousId} or {@code userId} (as
 *       Segment requires). A message with a {@code userId} links its visitor to {@code user:<userId>}
 *       (an extra identify hit), so server-side calls join the browser's journey; one without
 *       {@code anonymousId} has the visitor id {@code segment-user:<userId>};</li>
 *   <li>time, as Segment documents it: {@code timestamp} when given; else, with {@code originalTimestamp}
 *       (the device's clock) and {@code sentAt} (the message's, else the batch's), the arrival time minus
 *       ({@code sentAt} − {@code originalTimestamp}), which corrects the device's clock skew; else
 *       {@code originalTimestamp}; else the arrival time. ISO-8601 with an offset;</li>
 *   <li>{@code context}: merged over the batch's {@code context} (the message's members win);
 *       {@code context.campaign} ({@code name} → campaign, {@code source}, {@code medium}, {@code term},
 *       {@code content}); {@code context.page.url} and {@code .referrer} (for {@code page} calls
 *       {@code properties.url} and {@code .referrer} first); {@code context.userAgent} (robots are counted,
 *       not stored; the HTTP {@code User-Agent} is the sending library's and is not looked at);
 *       {@code context.ip} is read by no one: Tracker stores no IP address;</li>
 *   <li>{@code page}: a page view; with campaign information ({@code context.campaign}, or UTM values or
 *       click ids in the URL) it starts a visit and records a touchpoint, else it is the custom event
 *       {@code page_view};</li>
 *   <li>{@code track} of {@code Order Refunded} or {@code Order Cancelled}: an adjustment of the purchase's
 *       conversion in the conversion ledger ({@link Adjust}, see {@link TrackNames}), nothing stored as an event;</li>
 *   <li>{@code track}: {@code event} as {@link TrackNames} maps it, {@code properties} kept as the
 *       event's properties (at most 16,384 characters of JSON; an {@code email} property only as its
 *       SHA-256, {@code email_sha256}); {@code properties.order_id},
 *       {@code revenue} (else {@code total}, else {@code value}; a number or a numeric string) and
 *       {@code currency} make the conversion;</li>
 *   <li>{@code identify}: {@code traits.email} (else {@code context.traits.email}) trimmed, lower-cased
 *       and hashed with SHA-256 here, so the address itself is never stored; {@code traits.phone} (else
 *       {@code context.traits.phone}) read into E.164 with the tenant's phone region and hashed (linked as
 *       {@code tel:<sha-256>}, which offline conversions match on); with {@code userId}, the
 *       visitor is linked to both; any other message's {@code context.traits.email} and
 *       {@code context.traits.phone} link its visitor the same way (a server's {@code Order Completed} then joins
 *       the person identified earlier by that e-mail or phone).</li>
 * </ul>
 */
final class SegmentMessages {

    /** The visitor id of a message that has a {@code userId} and no {@code anonymousId}. */
    static final String USER_VISITOR_PREFIX = "segment-user:";

    private static final Map<String, Type> TYPES = Map.of("track", Type.TRACK, "page", Type.PAGE,
            "identify", Type.IDENTIFY, "screen", Type.IGNORED, "group", Type.IGNORED, "alias", Type.IGNORED);
    /** The collector's limit for ids. */
    private static final int MAX_USER_ID = 200;
    /** Beyond this a number in the properties is refused: PostgreSQL's numeric cannot hold it. */
    private static final int MAX_EXPONENT = 1000;

    private SegmentMessages() {
    }

    /** Segment's calls, as far as Tracker reads them. */
    enum Type {
        TRACK, PAGE, IDENTIFY, IGNORED;

        /** The type of a {@code type} value; null when unknown. */
        static Type of(String name) {
            return name == null ? null : TYPES.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** What a message became. */
    sealed interface Mapped permits Hits, Ignored, Rejected, Adjust {
    }

    /** An {@code Order Refunded} or {@code Order Cancelled}: an adjustment for the conversion ledger. */
    record Adjust(Adjustment adjustment) implements Mapped {
    }

    /** Hits to collect; the first is the message's own, the rest go along with it. */
    record Hits(List<CollectedHit> hits) implements Mapped {
    }

    /** A {@code screen}, {@code group} or {@code alias} call: accepted, nothing stored. */
    record Ignored() implements Mapped {
    }

    /** Not storable; the reason is a sentence for the sender. */
    record Rejected(String reason) implements Mapped {
    }

    /**
     * Maps one message.
     *
     * @param message      the message object
     * @param type         the call's type (a single call's path), or null to read the message's {@code type}
     * @param batchContext the batch's {@code context}, or null
     * @param batchSentAt  the batch's {@code sentAt}, or null
     * @param receivedAt   when the request arrived
     */
    static Mapped map(ObjectNode message, Type type, ObjectNode batchContext, String batchSentAt,
                      Instant receivedAt) {
        try {
            return mapOrThrow(message, type, batchContext, batchSentAt, receivedAt);
        } catch (Invalid e) {
            return new Rejected(e.getMessage());
        }
    }

    private static Mapped mapOrThrow(ObjectNode message, Type type, ObjectNode batchContext, String batchSentAt,
                                     Instant receivedAt) throws Invalid {
        if (type == null) {
            String name = text(message, "type");
            type = Type.of(name);
            if (type == null) {
                throw new Invalid(name == null ? "the message has no \"type\""
                        : "unknown type " + Text.echo(name) + "; Tracker reads track, page and identify");
            }
        }
        if (type == Type.IGNORED) {
            return new Ignored();
        }
        String anonymousId = scalar(message, "anonymousId");
        String userId = scalar(message, "userId");
        if (anonymousId == null && userId == null) {
            throw new Invalid("the message needs an anonymousId or a userId");
        }
        if (userId != null && userId.strip().length() > MAX_USER_ID) {
            // checked here, not only by the collector, so that a message is stored whole or not at all
            throw new Invalid("userId is longer than " + MAX_USER_ID + " characters");
        }
        String visitorId = anonymousId != null ? anonymousId : USER_VISITOR_PREFIX + userId;
        ObjectNode context = context(batchContext, object(message, "context"));
        ObjectNode properties = object(message, "properties");
        ObjectNode page = object(context, "page");
        Instant at = time(message, batchSentAt, receivedAt);

        CollectedHit.Builder hit;
        switch (type) {
            case PAGE -> {
                String url = first(text(properties, "url"), text(page, "url"));
                hit = CollectedHit.builder(WayIn.SEGMENT, HitType.PAGE_VIEW)
                        .url(url)
                        .referrer(first(text(properties, "referrer"), text(page, "referrer")));
                Utm utm = campaign(object(context, "campaign"));
                hit.utm(utm).startsVisit(hasCampaign(utm, url)).propertiesJson(json(properties));
            }
            case TRACK -> {
                String event = text(message, "event");
                TrackNames.Meaning meaning = TrackNames.of(event);
                if (meaning == null) {
                    throw new Invalid(event == null ? "a track call needs an \"event\" name"
                            : "the event name " + Text.echo(event) + " has no letter or digit");
                }
                if (meaning instanceof TrackNames.OrderChange change) {
                    return new Adjust(adjustment(event, change, properties, at));
                }
                hit = meaning instanceof TrackNames.Conversion c
                        ? CollectedHit.builder(WayIn.SEGMENT, HitType.CONVERSION).actionKey(c.actionKey())
                        : CollectedHit.builder(WayIn.SEGMENT, HitType.EVENT).eventName(((TrackNames.Event) meaning).name());
                hit.sentEventName(event).url(text(page, "url")).referrer(text(page, "referrer"))
                        .value(value(properties))
                        .currency(text(properties, "currency"))
                        .orderId(scalar(properties, "order_id"))
                        .propertiesJson(json(properties))
                        // A checkout's cart for SMS recovery: Segment's spec has no restore URL or SMS consent,
                        // so they are properties of Tracker's own; the zone is Segment's context.timezone.
                        .checkout(new CheckoutDetails(text(properties, "restore_url"),
                                first(text(properties, "phone"), text(object(context, "traits"), "phone")),
                                smsConsent(properties) || smsConsent(object(context, "traits")),
                                text(context, "timezone")));
            }
            case IDENTIFY -> {
                String email = first(text(object(message, "traits"), "email"),
                        text(object(context, "traits"), "email"));
                String phone = first(text(object(message, "traits"), "phone"),
                        text(object(context, "traits"), "phone"));
                if (anonymousId == null && email == null && phone == null) {
                    // the user id alone links nothing new: every call with it already joins segment-user:<id>
                    return new Ignored();
                }
                hit = CollectedHit.builder(WayIn.SEGMENT, HitType.IDENTIFY).userId(userId)
                        .emailSha256(email == null ? null : sha256(email.strip().toLowerCase(Locale.ROOT)))
                        .phone(phone)
                        .url(text(page, "url"));
            }
            default -> throw new IllegalStateException("unreachable: " + type);
        }
        CollectedHit own = hit.eventId(text(message, "messageId"))
                .occurredAt(at)
                .visitorId(visitorId)
                .userAgent(text(context, "userAgent"))
                .build();
        List<CollectedHit> hits = new ArrayList<>(2);
        hits.add(own);
        // A server's Order Completed often knows the customer only by the traits in its context: linking them
        // joins the order to the person identified earlier by the same e-mail or phone, as an offline sale is.
        String contextEmail = type == Type.IDENTIFY ? null : text(object(context, "traits"), "email");
        String contextPhone = type == Type.IDENTIFY ? null : text(object(context, "traits"), "phone");
        if (type != Type.IDENTIFY && (userId != null || contextEmail != null || contextPhone != null)) {
            hits.add(CollectedHit.builder(WayIn.SEGMENT, HitType.IDENTIFY).occurredAt(at).visitorId(visitorId)
                    .userId(userId).emailSha256(contextEmail == null ? null
                            : sha256(contextEmail.strip().toLowerCase(Locale.ROOT)))
                    .phone(contextPhone).userAgent(own.userAgent()).build());
        }
        return new Hits(List.copyOf(hits));
    }

    /**
     * The ledger adjustment of an {@code Order Refunded} or {@code Order Cancelled} ({@link TrackNames}): of the
     * {@code purchase} with {@code properties.order_id} (required), at the message's time; a refund of
     * {@code properties.total}, else {@code revenue} (a negative amount, as some shops send refunds, is read as
     * its size; none: everything), a cancellation takes the conversion out. {@code currency}, when given, must
     * be the purchase's (checked when applied).
     */
    private static Adjustment adjustment(String event, TrackNames.OrderChange change, ObjectNode properties,
                                         Instant at) throws Invalid {
        String orderId = scalar(properties, "order_id");
        if (orderId == null) {
            throw new Invalid(Text.echo(event) + " needs properties.order_id: the order to adjust");
        }
        orderId = orderId.strip();
        if (orderId.length() > Adjustment.MAX_ORDER_ID) {
            throw new Invalid("properties.order_id is longer than " + Adjustment.MAX_ORDER_ID + " characters");
        }
        String currency;
        try {
            currency = AdjustmentReader.currency(text(properties, "currency"));
        } catch (AdjustmentException e) {
            throw new Invalid("properties." + e.getMessage());
        }
        Change what;
        if (change.cancelled()) {
            what = new Change.Retract();
        } else {
            BigDecimal amount = null;
            for (String field : new String[] {"total", "revenue"}) {
                JsonNode n = properties == null ? null : properties.get(field);
                if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
                    continue;
                }
                String text = n.isNumber() ? n.decimalValue().toPlainString() : n.isTextual() ? n.asText() : null;
                if (text == null) {
                    throw new Invalid("properties." + field + " must be a number");
                }
                try {
                    amount = AdjustmentReader.value("properties." + field, text.strip().replaceFirst("^-", ""));
                } catch (AdjustmentException e) {
                    throw new Invalid(e.getMessage());
                }
                if (amount.signum() == 0) {
                    throw new Invalid("properties." + field + " is 0: nothing was refunded");
                }
                break;
            }
            what = new Change.Refund(amount);
        }
        return new Adjustment(orderId, TrackNames.PURCHASE, what, currency, at);
    }

    /** The time rule of the class comment. */
    static Instant time(ObjectNode message, String batchSentAt, Instant receivedAt) throws Invalid {
        Instant timestamp = instant(message, "timestamp", text(message, "timestamp"));
        if (timestamp != null) {
            return timestamp;
        }
        Instant original = instant(message, "originalTimestamp", text(message, "originalTimestamp"));
        if (original == null) {
            return receivedAt;
        }
        String sentAtText = first(text(message, "sentAt"), batchSentAt);
        Instant sentAt = instant(message, "sentAt", sentAtText);
        if (sentAt == null) {
            return original;
        }
        try {
            return receivedAt.minus(Duration.between(original, sentAt));
        } catch (DateTimeException | ArithmeticException e) { // years apart beyond what an Instant holds
            throw new Invalid("originalTimestamp and sentAt are too far apart to correct the device's clock");
        }
    }

    private static Instant instant(ObjectNode message, String field, String value) throws Invalid {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new Invalid(field + " " + Text.echo(value) + " is not an ISO-8601 date-time with an offset, "
                    + "such as 2026-11-20T09:00:00.123Z");
        }
    }

    /** The batch's context with the message's members over it. */
    private static ObjectNode context(ObjectNode batch, ObjectNode own) {
        if (batch == null || batch.isEmpty()) {
            return own;
        }
        if (own == null) {
            return batch;
        }
        ObjectNode merged = batch.deepCopy();
        merged.setAll(own);
        return merged;
    }

    /** {@code context.campaign}: {@code name} is the campaign. */
    private static Utm campaign(ObjectNode campaign) {
        if (campaign == null) {
            return Utm.NONE;
        }
        return new Utm(text(campaign, "source"), text(campaign, "medium"), text(campaign, "name"),
                text(campaign, "term"), text(campaign, "content"));
    }

    /** Campaign information in the context's campaign or in the URL's query (UTM values, click ids). */
    private static boolean hasCampaign(Utm utm, String url) {
        if (!utm.equals(Utm.NONE)) {
            return true;
        }
        if (url == null || url.indexOf('?') < 0) {
            return false;
        }
        Map<String, String> query = QueryParameters.of(url);
        Utm inUrl = Utm.fromQuery(query);
        ClickIds clicks = ClickIds.fromQuery(query);
        return anyText(inUrl.source(), inUrl.medium(), inUrl.campaign(), inUrl.term(), inUrl.content(),
                clicks.gclid(), clicks.gbraid(), clicks.wbraid(), clicks.fbclid(), clicks.msclkid(), clicks.ttclid(),
                clicks.liFatId(), clicks.trk());
    }

    private static boolean anyText(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** {@code revenue}, else {@code total}, else {@code value}: a JSON number or a numeric string. */
    private static BigDecimal value(ObjectNode properties) throws Invalid {
        for (String field : new String[] {"revenue", "total", "value"}) {
            JsonNode n = properties == null ? null : properties.get(field);
            if (n == null || n.isNull()) {
                continue;
            }
            if (n.isNumber()) {
                return decimal(field, n.decimalValue());
            }
            if (n.isTextual() && !n.asText().isBlank()) {
                String s = n.asText().strip();
                if (s.length() > 40) {
                    throw new Invalid("properties." + field + " is not a number: " + Text.echo(s));
                }
                try {
                    return decimal(field, new BigDecimal(s));
                } catch (NumberFormatException e) {
                    throw new Invalid("properties." + field + " is not a number: " + Text.echo(s));
                }
            }
            throw new Invalid("properties." + field + " must be a number");
        }
        return null;
    }

    private static BigDecimal decimal(String field, BigDecimal v) throws Invalid {
        if (exponent(v) > MAX_EXPONENT || exponent(v) < -MAX_EXPONENT) {
            throw new Invalid("properties." + field + " is out of range");
        }
        return v;
    }

    private static long exponent(BigDecimal v) {
        return v.signum() == 0 ? 0 : (long) v.precision() - v.scale() - 1;
    }

    /**
     * The properties as JSON text; numbers PostgreSQL cannot hold are refused. A top-level {@code email}
     * (any case) is replaced by {@code email_sha256}, the hash of the trimmed, lower-cased address
     * (Segment's {@code Signed Up} carries one): Tracker stores no e-mail address.
     */
    private static String json(ObjectNode properties) throws Invalid {
        if (properties == null || properties.isEmpty()) {
            return null;
        }
        checkNumbers(properties);
        properties = withoutEmail(properties);
        try {
            return SegmentJson.MAPPER.writeValueAsString(properties);
        } catch (JsonProcessingException e) {
            throw new Invalid("properties cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    /** Every {@code email} key, in any letter case, removed; the first textual one kept as its hash. */
    private static ObjectNode withoutEmail(ObjectNode properties) {
        List<String> emailFields = new ArrayList<>();
        for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.equalsIgnoreCase("email")) {
                emailFields.add(name);
            }
        }
        if (emailFields.isEmpty()) {
            return properties;
        }
        ObjectNode copy = properties.deepCopy();
        String hashed = null;
        for (String field : emailFields) {
            JsonNode email = copy.remove(field);
            if (hashed == null && email.isTextual() && !email.asText().isBlank()) {
                hashed = sha256(email.asText().strip().toLowerCase(Locale.ROOT));
            }
        }
        if (hashed != null) {
            copy.put("email_sha256", hashed);
        }
        return copy;
    }

    private static void checkNumbers(JsonNode node) throws Invalid {
        if (node.isBigDecimal() || node.isBigInteger()) {
            long e = exponent(node.decimalValue());
            if (e > MAX_EXPONENT || e < -MAX_EXPONENT) {
                throw new Invalid("properties hold a number out of range (beyond 10^" + MAX_EXPONENT + ")");
            }
        } else if (node.isContainerNode()) {
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                checkNumbers(it.next());
            }
        }
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        JsonNode n = parent == null ? null : parent.get(field);
        return n instanceof ObjectNode o ? o : null;
    }

    /** {@code sms_consent: true} (a JSON boolean) in this object. */
    private static boolean smsConsent(ObjectNode o) {
        return o != null && o.path("sms_consent").isBoolean() && o.path("sms_consent").booleanValue();
    }

    /** A string member, null when absent, null or blank; other kinds are not text. */
    private static String text(ObjectNode parent, String field) {
        JsonNode n = parent == null ? null : parent.get(field);
        return n != null && n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
    }

    /** A string or a number (order ids are sent as either), as text. */
    private static String scalar(ObjectNode parent, String field) {
        JsonNode n = parent == null ? null : parent.get(field);
        if (n == null || !(n.isTextual() || n.isIntegralNumber())) {
            return null;
        }
        String s = n.asText();
        return s.isBlank() ? null : s;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    /** A sender's mistake in one message. Cheap: no stack trace. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }
}
