package io.tracker.interfaces.tracking.collect;

import io.tracker.application.tracking.collection.CollectedHit;
import io.tracker.application.tracking.collection.HitType;
import io.tracker.domain.tracking.ClickIds;
import io.tracker.domain.tracking.Utm;
import io.tracker.domain.tracking.WayIn;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The pixel's query string ({@code GET /p.gif}, README "The pixel") read into one {@link CollectedHit} of
 * {@link WayIn#PIXEL}. The raw query is decoded here, exactly once, as a form encodes it ({@code +} is a
 * space, {@code %2B} is {@code +}, {@code %2520} is {@code %20}), strictly as UTF-8: a malformed escape
 * ({@code %zz}, {@code %4}) or bytes that are no UTF-8 make the parameter malformed, named in a
 * {@link BadPixel} (answer 400) rather than silently changed. Parameter names are compared without case;
 * the first occurrence of a name wins.
 *
 * <p>{@code k} (required) the site key; {@code type} {@code page_view} (default), {@code event} or
 * {@code conversion}; {@code url} (default: the {@code Referer}); {@code ref}; {@code utm_*} and the click
 * ids ({@code gclid} … {@code trk}; those absent are read from {@code url} by the collector); {@code name};
 * {@code action}, {@code value} (a decimal number), {@code currency}, {@code order_id}; {@code vid};
 * {@code id} (event id); {@code consent}; {@code dbg} (a debug session id, README "Debug mode"). A page view with campaign information starts a visit
 * ({@link Landing#startingVisit}). Unknown parameters are ignored.
 */
public final class PixelQuery {

    /** Longest accepted {@code value} text (a number, not a novel). */
    private static final int MAX_NUMBER = 40;

    private PixelQuery() {
    }

    /**
     * A pixel request read.
     *
     * @param siteKey the {@code k} parameter
     * @param hit     the hit, before the consent rule
     * @param consent the {@code consent} parameter (null: absent)
     * @param debug   the {@code dbg} parameter: a debug session id (README "Debug mode"); null: absent
     */
    public record Pixel(String siteKey, CollectedHit hit, String consent, String debug) {
    }

    /** A parameter is missing or malformed; the message names it. */
    public static final class BadPixel extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public BadPixel(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Reads the request.
     *
     * @param rawQuery  {@code request.getQueryString()}, undecoded (null: none)
     * @param referer   the {@code Referer} header (null: none)
     * @param userAgent the {@code User-Agent} header (null: none)
     * @param prefetch  the request is a browser prefetch
     * @throws BadPixel for a missing {@code k}, an unknown {@code type}, a malformed parameter or {@code value}
     */
    public static Pixel read(String rawQuery, String referer, String userAgent, boolean prefetch) {
        Map<String, String> p = parameters(rawQuery);
        String key = p.get("k");
        if (key == null || key.isBlank()) {
            throw new BadPixel("k: the site key is missing (p.gif?k=site_…)");
        }
        HitType type = switch (p.getOrDefault("type", "page_view")) {
            case "page_view" -> HitType.PAGE_VIEW;
            case "event" -> HitType.EVENT;
            case "conversion" -> HitType.CONVERSION;
            default -> throw new BadPixel("type must be page_view, event or conversion, not "
                    + BeaconBody.shortly(p.get("type")));
        };
        String url = p.get("url") != null ? p.get("url") : blankToNull(referer);
        CollectedHit hit = CollectedHit.builder(WayIn.PIXEL, type)
                .eventId(p.get("id"))
                .visitorId(p.get("vid"))
                .url(url)
                .referrer(p.get("ref"))
                .utm(new Utm(p.get("utm_source"), p.get("utm_medium"), p.get("utm_campaign"), p.get("utm_term"),
                        p.get("utm_content")))
                .clickIds(new ClickIds(p.get("gclid"), p.get("gbraid"), p.get("wbraid"), p.get("fbclid"),
                        p.get("msclkid"), p.get("ttclid"), p.get("li_fat_id"), p.get("trk")))
                .eventName(p.get("name"))
                .actionKey(p.get("action"))
                .value(value(p.get("value")))
                .currency(p.get("currency"))
                .orderId(p.get("order_id"))
                .userAgent(userAgent)
                .prefetch(prefetch)
                .build();
        return new Pixel(key.strip(), hit, p.get("consent"), p.get("dbg"));
    }

    /**
     * The parameters of a raw query, each name (lower-cased) and value percent-decoded once as UTF-8;
     * empty values count as absent.
     *
     * @throws BadPixel naming a parameter with a malformed escape or bytes that are no UTF-8
     */
    static Map<String, String> parameters(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String name = decode(rawName, rawName).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), name);
            if (!value.isEmpty()) {
                params.putIfAbsent(name, value);
            }
        }
        return params;
    }

    /** {@code application/x-www-form-urlencoded} decoding of one component, strictly UTF-8. */
    static String decode(String component, String parameter) {
        if (component.indexOf('%') < 0 && component.indexOf('+') < 0) {
            return component;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(component.length());
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                int hi = i + 2 < component.length() ? Character.digit(component.charAt(i + 1), 16) : -1;
                int lo = hi < 0 ? -1 : Character.digit(component.charAt(i + 2), 16);
                if (lo < 0) {
                    throw new BadPixel(BeaconBody.cut(parameter) + " is malformed: \"%\" must be followed by two hex digits");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadPixel(BeaconBody.cut(parameter) + " is malformed: its escapes are not UTF-8");
        }
    }

    private static BigDecimal value(String text) {
        if (text == null) {
            return null;
        }
        if (text.length() > MAX_NUMBER) {
            throw new BadPixel("value must be a decimal number such as 59.90, at most " + MAX_NUMBER + " characters");
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new BadPixel("value must be a decimal number such as 59.90, not " + BeaconBody.shortly(text));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
