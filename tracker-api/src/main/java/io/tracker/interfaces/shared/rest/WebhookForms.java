package io.tracker.interfaces.shared.rest;

import io.tracker.domain.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
