package io.tracker.domain.conversion.export;

import io.tracker.domain.conversion.enhanced.Sha256;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Request bodies of Meta's Conversions API: {@code POST https://graph.facebook.com/v{N}/{pixel_id}/events}
 * ("Using the API", https://developers.facebook.com/docs/marketing-api/conversions-api/using-the-api). Shape:
 * <pre>
 * {"data":[{"event_name":"Purchase","event_time":1634799909,"event_id":"evt-4","action_source":"website",
 *   "user_data":{"em":["…"],"ph":["…"],"fn":"…","ln":"…","ct":"…","zp":"…","country":"…",
 *                "fbc":"fb.1.1634774399123.IwAR…"},
 *   "custom_data":{"value":15.5,"currency":"USD","order_id":"ORD-4"}}],
 *  "test_event_code":"TEST123"}
 * </pre>
 * <ul>
 *   <li>{@code event_time}: Unix seconds (UTC) of the conversion ("Server Event Parameters",
 *       https://developers.facebook.com/docs/marketing-api/conversions-api/parameters/server-event);
 *       {@code event_id} (Meta de-duplicates the pixel's event against it) and {@code action_source} as
 *       stored.</li>
 *   <li>{@code user_data} ("Customer Information Parameters",
 *       https://developers.facebook.com/docs/marketing-api/conversions-api/parameters/customer-information-parameters):
 *       {@code em} / {@code ph} arrays of one SHA-256 hex each, normalised as Meta specifies
 *       ({@code emailMeta}, {@code phoneMeta}); {@code fn}, {@code ln}, {@code ct}, {@code zp} hashes as stored;
 *       {@code country} the SHA-256 of the lowercase two-letter ISO 3166-1 code (hashed here: it is stored
 *       plain); {@code fbc} built from the {@code fbclid} by {@link #fbc}.</li>
 *   <li>{@code custom_data}: {@code value} a JSON number with the scale given, {@code currency} the ISO 4217
 *       code, {@code order_id} when known.</li>
 *   <li>Absent values are left out, never {@code null}; {@code test_event_code} only when given (events sent
 *       with it show in Events Manager's Test Events tool).</li>
 * </ul>
 * Not written, because {@link OutgoingConversion} does not carry them: {@code event_source_url},
 * {@code client_user_agent} and {@code client_ip_address}, which Meta requires for {@code website} events.
 * At most {@link Platform#maxRowsPerRequest()} events a request, none older than Meta accepts: check each
 * with {@link ExportValidator} first (one bad {@code event_time} fails the whole request).
 */
public final class MetaPayloads {

    private MetaPayloads() {
    }

    /**
     * The {@code /events} body for these conversions.
     *
     * @param testEventCode the Test Events code, or null for live events
     */
    public static String events(List<OutgoingConversion> conversions, String testEventCode) {
        JsonArrayBuilder data = JsonSupport.PROVIDER.createArrayBuilder();
        for (OutgoingConversion c : conversions) {
            data.add(event(c));
        }
        JsonObjectBuilder body = JsonSupport.PROVIDER.createObjectBuilder().add("data", data);
        JsonSupport.addIfPresent(body, "test_event_code", testEventCode);
        return JsonSupport.write(body.build());
    }

    /**
     * The {@code fbc} parameter for a click id: {@code fb.1.{creationTime}.{fbclid}} ("ClickID and the fbp and fbc
     * Parameters", https://developers.facebook.com/docs/marketing-api/conversions-api/parameters/fbp-and-fbc):
     * version {@code fb}; subdomain index {@code 1} (the value for an {@code fbc} made on a server rather than
     * read from the {@code _fbc} cookie); creation time in Unix milliseconds; the {@code fbclid} unchanged
     * ("ClickID value is case sensitive - do not apply any modifications").
     *
     * @param clickedAt when the click happened (when Tracker first saw the {@code fbclid})
     */
    public static String fbc(String fbclid, Instant clickedAt) {
        return "fb.1." + clickedAt.toEpochMilli() + "." + fbclid;
    }

    private static JsonObjectBuilder event(OutgoingConversion c) {
        JsonObjectBuilder event = JsonSupport.PROVIDER.createObjectBuilder()
                .add("event_name", c.platformName())
                .add("event_time", c.convertedAt().getEpochSecond());
        JsonSupport.addIfPresent(event, "event_id", c.eventId());
        JsonSupport.addIfPresent(event, "action_source", c.actionSource());
        event.add("user_data", userData(c));
        JsonObjectBuilder custom = JsonSupport.PROVIDER.createObjectBuilder();
        JsonSupport.addAmount(custom, "value", c.value());
        JsonSupport.addIfPresent(custom, "currency", c.currency());
        JsonSupport.addIfPresent(custom, "order_id", c.orderId());
        return event.add("custom_data", custom);
    }

    private static JsonObjectBuilder userData(OutgoingConversion c) {
        JsonObjectBuilder user = JsonSupport.PROVIDER.createObjectBuilder();
        HashedIdentifiers ids = c.identifiers() == null ? HashedIdentifiers.NONE : c.identifiers();
        addArray(user, "em", ids.emailMeta());
        addArray(user, "ph", ids.phoneMeta());
        JsonSupport.addIfPresent(user, "fn", ids.firstName());
        JsonSupport.addIfPresent(user, "ln", ids.lastName());
        JsonSupport.addIfPresent(user, "ct", ids.city());
        JsonSupport.addIfPresent(user, "zp", ids.postalCode());
        if (ids.country() != null && !ids.country().isBlank()) {
            user.add("country", Sha256.hex(ids.country().strip().toLowerCase(Locale.ROOT)));
        }
        String fbclid = c.clicks() == null ? null : c.clicks().fbclid();
        if (fbclid != null && !fbclid.isBlank()) {
            // an offline row's fbclid may come without its click's time: the conversion is the latest instant
            // by which Tracker had seen it
            user.add("fbc", fbc(fbclid, c.clickedAt() != null ? c.clickedAt() : c.convertedAt()));
        }
        return user;
    }

    private static void addArray(JsonObjectBuilder user, String name, String hash) {
        if (hash != null && !hash.isBlank()) {
            user.add(name, JsonSupport.PROVIDER.createArrayBuilder().add(hash));
        }
    }
}
