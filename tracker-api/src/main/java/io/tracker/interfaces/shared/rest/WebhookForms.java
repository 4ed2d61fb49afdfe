package io.tracker.interfaces.shared.rest;

import io.tracker.domain.calltracking.WebhookSignature;
import io.tracker.domain.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What a provider's signed webhook needs besides its body: the form fields of an
 * {@code application/x-www-form-urlencoded} POST (Twilio's), and the URL the provider requested, which Twilio's
 * signature covers.
 */
public final class WebhookForms {

    private WebhookForms() {
    }

    /**
     * The form's fields, in order, each name with its values. The servlet container may have read the body already
     * (then the entity is empty and the fields are its request parameters, less the query's).
     *
     * @throws InvalidInputException for a malformed body
     */
    public static Map<String, List<String>> parameters(byte[] body, HttpServletRequest request) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (body.length == 0) {
            Map<String, List<String>> query = parse(request.getQueryString() == null ? "" : request.getQueryString());
            request.getParameterMap().forEach((name, values) -> {
                List<String> fromQuery = new ArrayList<>(query.getOrDefault(name, List.of()));
                for (String v : values) {
                    if (!fromQuery.remove(v)) {
                        params.computeIfAbsent(name, n -> new ArrayList<>()).add(v);
                    }
                }
            });
            return params;
        }
        return parse(new String(body, StandardCharsets.UTF_8));
    }

    /**
     * Why this request is not signed with {@code secret}, or empty when it is: Twilio's {@code X-Twilio-Signature}
     * (a form POST: HMAC-SHA1 of the requested URL and the sorted fields) or Tracker's {@code X-Tracker-Signature}
     * ({@link WebhookSignature#trackerMatches}: HMAC-SHA256 of {@code t.body}, within 5 minutes).
     *
     * @param whose the secret's owner, for the message ("the account's signing secret")
     */
    public static Optional<String> unsigned(String secret, String whose, HttpHeaders headers, byte[] body, boolean form,
                                            Map<String, List<String>> params, UriInfo uriInfo) {
        String twilio = headers.getHeaderString("X-Twilio-Signature");
        String tracker = headers.getHeaderString("X-Tracker-Signature");
        if (twilio == null && tracker == null) {
            return Optional.of("the request is not signed: X-Twilio-Signature or X-Tracker-Signature");
        }
        boolean signed = twilio != null
                ? form && WebhookSignature.equal(WebhookSignature.twilio(secret, requestedUrl(uriInfo), params), twilio)
                : WebhookSignature.trackerMatches(secret, tracker, body, Instant.now().getEpochSecond());
        if (signed) {
            return Optional.empty();
        }
        // Twilio signs the URL it requested: naming the one checked shows a proxy's or TRACKER_PUBLIC_URL's mistake
        return Optional.of("the signature does not match this request and " + whose + (twilio != null
                ? " (checked for the URL " + requestedUrl(uriInfo) + " and the form fields "
                + String.join(", ", new TreeSet<>(params.keySet())) + ")"
                : " (or its time is more than 5 minutes off)"));
    }

    /** The first value of a field, or null. */
    public static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The URL the provider requested: TRACKER_PUBLIC_URL (behind a proxy) or this request's, with its query. */
    public static String requestedUrl(UriInfo uriInfo) {
        URI requested = uriInfo.getRequestUri();
        String configured = ConfigProvider.getConfig().getOptionalValue("tracker.public-url", String.class).orElse("");
        if (configured.isBlank()) {
            return requested.toString();
        }
        return configured.replaceAll("/+$", "") + requested.getRawPath()
                + (requested.getRawQuery() == null ? "" : "?" + requested.getRawQuery());
    }

    private static Map<String, List<String>> parse(String text) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return params;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("malformed form body: " + e.getMessage());
            }
        }
        return params;
    }
}
