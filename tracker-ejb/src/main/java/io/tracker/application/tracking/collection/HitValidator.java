package io.tracker.application.tracking.collection;

import io.tracker.application.tracking.EventTimes;
import io.tracker.domain.campaign.DefaultChannelGrouping;
import io.tracker.domain.campaign.TrafficSignals;
import io.tracker.domain.conversion.CountingRule;
import io.tracker.domain.conversion.enhanced.GoogleAdsNormaliser;
import io.tracker.domain.shared.Text;
import io.tracker.domain.tracking.ClickIds;
import io.tracker.domain.tracking.Interaction;
import io.tracker.domain.tracking.QueryParameters;
import io.tracker.domain.tracking.Utm;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a {@link CollectedHit} and works out the rows it makes, cheaply and without the database
 * (the tenant's conversion actions come with {@link TenantRules}); runs on the request's thread before
 * the hit is queued. Client mistakes never throw: {@link #check} answers a {@link Prepared} holding
 * either the {@link ValidHit} or the rejection with its reason.
 *
 * <p>Rules:
 * <ul>
 *   <li>way in and type are required; ids (event, visitor, session, order, user, names) at most
 *       {@value #MAX_ID} characters, UTM values and click ids at most {@value #MAX_TEXT}, URLs at most
 *       {@value #MAX_URL}, properties at most {@value #MAX_PROPERTIES} characters of one JSON object;
 *       no NUL characters, no unpaired surrogates (raw or as JSON escapes): PostgreSQL stores neither.
 *       Over-long values are refused, never cut (click ids must stay as sent);</li>
 *   <li>the time is the hit's or the arrival's, within {@link EventTimes}' range;</li>
 *   <li>a cookieless hit (no visitor id) keeps no session id either: nothing identifies it;</li>
 *   <li>{@code startsVisit}: a touchpoint, its UTM values and click ids as sent or else from the URL's
 *       query, its channel by {@link DefaultChannelGrouping};</li>
 *   <li>a page view or click that starts no visit is stored as the custom event {@code page_view} or
 *       {@code click} (as GA4 names them);</li>
 *   <li>{@link HitType#PAGE_VIEW}: also a conversion of the URL-triggered action whose rule matches the
 *       page URL ({@link TenantRules#forUrl}: the key sorting first when several do);</li>
 *   <li>{@link HitType#EVENT}: a name is required; a custom event, and also a conversion of the
 *       event-triggered action listening to the name as sent ({@link CollectedHit#sentEventName}, such as
 *       Segment's {@code Order Completed}), else to the event name ({@link TenantRules#forEvent}; an action
 *       without a trigger event listens to its key);</li>
 *   <li>{@link HitType#CONVERSION}: the action is the one listening to the name as sent, else the named
 *       one (default: the tenant's default action), whatever its trigger; it must exist, and a paused one
 *       rejects the hit ("conversion action 'x' is paused: nothing recorded");</li>
 *   <li>a page view or event that would record a paused action is stored without the conversion, and its
 *       outcome's note says so ("conversion action 'x' is paused: no conversion recorded");</li>
 *   <li>a conversion's value is the action's {@link CountingRule#valueOf} (FIXED: the default value; EVENT:
 *       the hit's, else the default), not negative, below 10^12, rounded to cents; its currency is the hit's,
 *       else the action's, else the tenant's reporting currency, and a hit's currency must be the action's
 *       (or the tenant's) one: Tracker does not convert;</li>
 *   <li>conversions are de-duplicated as the events API does ({@link CountingRule#dedupeKey}): the order
 *       id once per action, whatever the counting (count-one is decided per journey by attribution);</li>
 *   <li>{@link HitType#IDENTIFY}: needs a visitor id and a user id or an e-mail hash (64 hex
 *       digits, stored lower-case), linked as {@code user:<id>} and {@code email:<hash>};</li>
 *   <li>a hit with an order id (an event or a conversion) claims (event name, order id), the name
 *       being the event name or else the action key;</li>
 *   <li>a touchpoint with a visitor id and Tracker's own click id {@code trk} links the visitor to the
 *       person key {@code trk:<click id>}: a tracked link's click (whose visitor is the click id) and
 *       the landing page the link led to (the site's visitor, {@code trk} in its URL) join one
 *       journey;</li>
 *   <li>{@link HitType#CLICK} starting a visit with a tracked link id and a {@code trk} click id is
 *       also a {@code link_click} row.</li>
 * </ul>
 */
final class HitValidator {

    static final int MAX_ID = 200;
    static final int MAX_TEXT = 500;
    static final int MAX_URL = 8192;
    static final int MAX_PROPERTIES = 16_384;
    private static final BigDecimal MAX_VALUE = new BigDecimal("1000000000000");

    private HitValidator() {
    }

    /** The hit checked for this tenant at this time (the arrival time of a hit without one). */
    static Prepared check(CollectedHit hit, TenantRules rules, Instant now) {
        try {
            return Prepared.valid(validate(hit, rules, now));
        } catch (Invalid e) {
            return Prepared.decided(HitOutcome.rejected(e.getMessage()));
        }
    }

    static ValidHit validate(CollectedHit hit, TenantRules rules, Instant now) throws Invalid {
        if (hit == null) {
            throw new Invalid("the hit is missing");
        }
        if (hit.wayIn() == null) {
            throw new Invalid("the way in is missing");
        }
        if (hit.type() == null) {
            throw new Invalid("type is missing");
        }
        String eventId = text("event_id", hit.eventId(), MAX_ID);
        Instant at = hit.occurredAt() == null ? now : hit.occurredAt();
        String outOfRange = EventTimes.outOfRange(at, now);
        if (outOfRange != null) {
            throw new Invalid("timestamp " + at + " " + outOfRange);
        }
        String visitorId = text("visitor_id", hit.visitorId(), MAX_ID);
        String sessionId = visitorId == null ? null : text("session_id", hit.sessionId(), MAX_ID);
        String url = text("url", hit.url(), MAX_URL);
        String referrer = text("referrer", hit.referrer(), MAX_URL);
        String properties = properties(hit.propertiesJson());
        String eventName = text("event name", hit.eventName(), MAX_ID);
        String orderId = text("order_id", hit.orderId(), MAX_ID);

        Utm utm = null;
        ClickIds clickIds = null;
        String channel = null;
        if (hit.startsVisit()) {
            Map<String, String> query = QueryParameters.of(url);
            utm = utm(hit.utm() == null ? Utm.NONE : hit.utm()).orElse(utm(Utm.fromQuery(query)));
            clickIds = clickIds(hit.clickIds() == null ? ClickIds.NONE : hit.clickIds())
                    .orElse(clickIds(ClickIds.fromQuery(query)));
            channel = DefaultChannelGrouping.classify(new TrafficSignals(null, utm.source(), utm.medium(), referrer,
                    clickIds.gclid(), clickIds.fbclid(), clickIds.msclkid(), clickIds.gbraid(), clickIds.wbraid(),
                    clickIds.ttclid(), clickIds.liFatId()));
        }

        String customEvent = null;
        CountingRule action = null;
        String note = null;
        List<String> personKeys = List.of();
        String orderName = null;
        switch (hit.type()) {
            case PAGE_VIEW, CLICK -> {
                if (!hit.startsVisit()) {
                    customEvent = hit.type() == HitType.PAGE_VIEW ? "page_view" : "click";
                }
                if (hit.type() == HitType.PAGE_VIEW) {
                    action = rules.forUrl(url).orElse(null);
                }
            }
            case EVENT -> {
                if (eventName == null) {
                    throw new Invalid("an event needs a name");
                }
                customEvent = eventName;
                action = rules.forEvent(text("event name", hit.sentEventName(), MAX_ID))
                        .or(() -> rules.forEvent(eventName)).orElse(null);
                orderName = eventName;
            }
            case CONVERSION -> {
                String key = text("action", hit.actionKey(), MAX_ID);
                key = key == null ? rules.defaultActionKey() : key;
                action = rules.forEvent(text("event name", hit.sentEventName(), MAX_ID))
                        .orElse(rules.actions().get(key));
                if (action == null) {
                    throw new Invalid("unknown conversion action " + Text.echo(key) + "; this tenant has "
                            + rules.actions().keySet().stream().sorted().toList());
                }
                if (!action.records()) {
                    throw new Invalid(paused(action) + ": nothing recorded");
                }
                orderName = eventName != null ? eventName : action.key();
            }
            case IDENTIFY -> {
                if (visitorId == null) {
                    throw new Invalid("identify needs a visitor id (a cookieless hit has none)");
                }
                personKeys = personKeys(hit, rules.phoneRegion());
            }
        }

        Long linkId = null;
        if (hit.startsVisit() && clickIds.trk() != null) {
            if (visitorId != null) {
                personKeys = new ArrayList<>(personKeys);
                personKeys.add("trk:" + clickIds.trk());
            }
            if (hit.type() == HitType.CLICK) {
                linkId = hit.trackedLinkId();
            }
        }

        Long actionId = null;
        BigDecimal value = null;
        String currency = null;
        String dedupeKey = null;
        if (action != null && !action.records()) {
            note = paused(action) + ": no conversion recorded";
            action = null;
        }
        if (action != null) {
            actionId = action.actionId();
            value = value(action.valueOf(hit.value()));
            currency = currency(hit.currency(), action, rules.currency());
            dedupeKey = action.dedupeKey(visitorId, orderId);
            if (orderName == null && orderId != null) {
                orderName = action.key(); // a thank-you page's order id claims (action key, order id)
            }
        }
        RecoveryCheckout checkout = null;
        if (actionId != null && hit.checkout() != null && (eventId == null || visitorId == null)) {
            // recovery_checkout joins the conversion by event id, and a cart without a visitor cannot be told bought
            String ignored = "checkout: cart details need an event id and a visitor id; not kept";
            note = note == null ? ignored : note + "; " + ignored;
        } else if (actionId != null && hit.checkout() != null) {
            CheckoutReading reading = CheckoutReading.read(hit.checkout(), rules.phoneRegion());
            checkout = reading.checkout();
            if (reading.problem() != null) {
                note = note == null ? reading.problem() : note + "; " + reading.problem();
            }
            if (visitorId != null && checkout.phoneHash() != null) {
                personKeys = new ArrayList<>(personKeys);
                personKeys.add("tel:" + checkout.phoneHash());
            }
        }
        return new ValidHit(hit.wayIn(), hit.type(), eventId, at, visitorId, sessionId, hit.startsVisit(), channel,
                utm == null ? null : utm.campaign(), utm, clickIds, url, referrer, actionId, value, currency, orderId,
                dedupeKey, customEvent, customEvent == null ? null : properties, List.copyOf(personKeys),
                orderId == null ? null : orderName, linkId, note, Interaction.CLICK, checkout);
    }

    private static final GoogleAdsNormaliser PHONES = new GoogleAdsNormaliser();

    private static List<String> personKeys(CollectedHit hit, String phoneRegion) throws Invalid {
        String userId = text("user_id", hit.userId(), MAX_ID);
        String email = text("email hash", hit.emailSha256(), MAX_ID);
        String phone = text("phone", hit.phone(), MAX_ID);
        if (userId == null && email == null && phone == null) {
            throw new Invalid("identify needs a user id, an e-mail hash or a phone number");
        }
        List<String> keys = new ArrayList<>(3);
        if (phone != null) {
            // Google Ads' phone hash (SHA-256 of E.164) is the key offline conversions match on (OfflineIdentifiers).
            String hash = PHONES.phone(phone, phoneRegion).orElseThrow(() -> new Invalid(
                    "the phone is not a valid number (read with region " + phoneRegion + ")"));
            keys.add("tel:" + hash);
        }
        if (userId != null) {
            keys.add("user:" + userId);
        }
        if (email != null) {
            if (!email.matches("[0-9a-fA-F]{64}")) {
                throw new Invalid("the e-mail hash must be the 64 hex digits of a SHA-256, not " + Text.echo(email));
            }
            keys.add("email:" + email.toLowerCase(Locale.ROOT));
        }
        return keys;
    }

    private static Utm utm(Utm u) throws Invalid {
        return new Utm(text("utm_source", u.source(), MAX_TEXT), text("utm_medium", u.medium(), MAX_TEXT),
                text("utm_campaign", u.campaign(), MAX_TEXT), text("utm_term", u.term(), MAX_TEXT),
                text("utm_content", u.content(), MAX_TEXT));
    }

    private static ClickIds clickIds(ClickIds c) throws Invalid {
        return new ClickIds(text("gclid", c.gclid(), MAX_TEXT), text("gbraid", c.gbraid(), MAX_TEXT),
                text("wbraid", c.wbraid(), MAX_TEXT), text("fbclid", c.fbclid(), MAX_TEXT),
                text("msclkid", c.msclkid(), MAX_TEXT), text("ttclid", c.ttclid(), MAX_TEXT),
                text("li_fat_id", c.liFatId(), MAX_TEXT), text("trk", c.trk(), MAX_TEXT));
    }

    private static BigDecimal value(BigDecimal value) throws Invalid {
        if (value.signum() < 0) {
            throw new Invalid("value must not be negative");
        }
        if (value.scale() > 20) {
            throw new Invalid("value has more than 20 decimal places");
        }
        if (value.compareTo(MAX_VALUE) >= 0) {
            throw new Invalid("value must be below " + MAX_VALUE.toPlainString());
        }
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private static String paused(CountingRule action) {
        return "conversion action '" + action.key() + "' is paused";
    }

    /** The event's currency, else the action's, else the tenant's; an event's must be the expected one. */
    private static String currency(String code, CountingRule action, Currency tenantCurrency) throws Invalid {
        Currency expected = action.currencyOr(tenantCurrency);
        if (code == null || code.isBlank()) {
            return expected.getCurrencyCode();
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        if (!upper.matches("[A-Z]{3}")) {
            throw new Invalid("currency must be an ISO 4217 code such as EUR, not " + Text.echo(code));
        }
        if (!upper.equals(expected.getCurrencyCode())) {
            throw new Invalid("currency " + upper + " differs from " + (action.currency() == null
                    ? "this tenant's reporting currency " : "the currency of conversion action '" + action.key() + "', ")
                    + expected.getCurrencyCode() + " (Tracker does not convert currencies)");
        }
        return upper;
    }

    /** Properties: one JSON object as text (the endpoint serialised it), bounded, storable as jsonb. */
    private static String properties(String json) throws Invalid {
        if (json == null || json.isBlank()) {
            return null;
        }
        if (json.length() > MAX_PROPERTIES) {
            throw new Invalid("properties are longer than " + MAX_PROPERTIES + " characters of JSON");
        }
        String trimmed = json.strip();
        if (trimmed.charAt(0) != '{' || trimmed.charAt(trimmed.length() - 1) != '}') {
            throw new Invalid("properties must be a JSON object");
        }
        if (trimmed.indexOf('\0') >= 0 || Text.hasLoneSurrogate(trimmed)) {
            throw new Invalid("properties contain a NUL character or an unpaired surrogate");
        }
        if (trimmed.contains("\\u")) {
            checkEscapes(trimmed);
        }
        return trimmed;
    }

    /** PostgreSQL's jsonb refuses {@code \u0000} and unpaired surrogate escapes: refuse them here, politely. */
    private static void checkEscapes(String json) throws Invalid {
        boolean expectLow = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c != '\\') {
                if (expectLow) {
                    throw new Invalid("properties contain an unpaired surrogate escape");
                }
                continue;
            }
            char next = i + 1 < json.length() ? json.charAt(i + 1) : ' ';
            if (next != 'u') {
                if (expectLow) {
                    throw new Invalid("properties contain an unpaired surrogate escape");
                }
                i++; // an escaped character such as \\ or \"
                continue;
            }
            if (i + 6 > json.length()) {
                throw new Invalid("properties contain a broken \\u escape");
            }
            int code;
            try {
                code = Integer.parseInt(json.substring(i + 2, i + 6), 16);
            } catch (NumberFormatException e) {
                throw new Invalid("properties contain a broken \\u escape");
            }
            if (code == 0) {
                throw new Invalid("properties contain \\u0000, which PostgreSQL cannot store");
            }
            boolean high = code >= 0xD800 && code <= 0xDBFF;
            boolean low = code >= 0xDC00 && code <= 0xDFFF;
            if (low != expectLow) {
                throw new Invalid("properties contain an unpaired surrogate escape");
            }
            expectLow = high;
            i += 5;
        }
        if (expectLow) {
            throw new Invalid("properties contain an unpaired surrogate escape");
        }
    }

    /** Trimmed text, null when blank; refused when too long or not storable. */
    private static String text(String field, String value, int maxLength) throws Invalid {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.indexOf('\0') >= 0) {
            throw new Invalid(field + " contains a NUL character (U+0000)");
        }
        if (Text.hasLoneSurrogate(value)) {
            throw new Invalid(field + " contains an unpaired UTF-16 surrogate: it is not Unicode text");
        }
        String v = value.strip();
        if (v.length() > maxLength) {
            throw new Invalid(field + " is longer than " + maxLength + " characters");
        }
        return v;
    }

    /** A client's mistake: the message is the rejection's reason. Cheap: no stack trace. */
    static final class Invalid extends Exception {
        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }
}
