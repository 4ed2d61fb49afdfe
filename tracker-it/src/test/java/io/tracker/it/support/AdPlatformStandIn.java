package io.tracker.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the Google Ads API's {@code uploadClickConversions} and Meta's Conversions API {@code /events} on
 * 127.0.0.1 (a free port), for the uploader's tests: neither platform is reachable from the test machines. It
 * checks each request against the documented format and answers as the platform does.
 *
 * <p>Google Ads ({@code POST /google/v19/customers/{id}:uploadClickConversions},
 * https://developers.google.com/google-ads/api/rest/reference/rest/v19/customers/uploadClickConversions): the
 * headers {@code Authorization: Bearer …}, {@code developer-token}, {@code login-customer-id} as configured; a JSON
 * body {@code {"conversions":[…], "partialFailure": true}} of 1 to 2,000 {@code ClickConversion}s, each with at most
 * one of {@code gclid}/{@code gbraid}/{@code wbraid} (none only with {@code userIdentifiers}), a
 * {@code conversionAction} resource name, a {@code conversionDateTime} as {@code yyyy-mm-dd hh:mm:ss+|-hh:mm}, a
 * numeric {@code conversionValue} and a {@code currencyCode}. A conversion whose click id starts with
 * {@code REJECT} is refused as a partial failure ({@code partialFailureError.details[].errors[]} with
 * {@code location.fieldPathElements[{fieldName:"conversions", index:n}]} and {@link #GOOGLE_REJECTION}).
 *
 * <p>Meta ({@code POST /meta/v21.0/{pixel id}/events?access_token=…},
 * https://developers.facebook.com/docs/marketing-api/conversions-api/using-the-api): {@code {"data":[…]}} of 1 to
 * 1,000 events, each with {@code event_name}, {@code event_time} in Unix seconds, {@code action_source},
 * {@code user_data} (an {@code fbc} as {@code fb.1.{ms}.{fbclid}} when there is one) and {@code custom_data} with
 * {@code value} and {@code currency}; answers {@code {"events_received": n, "fbtrace_id": …}}, or the
 * {@code error} object for the whole request for the request numbers told to fail.
 *
 * <p>A request that breaks the format is answered 400 and listed in {@link #violations()}: a test asserts none.
 * Requests numbered in {@link #answer503ToGoogleRequest} are answered 503 (after the checks).
 */
public final class AdPlatformStandIn implements AutoCloseable {

    public static final String GOOGLE_REJECTION = "The imported gclid could not be decoded.";
    public static final String META_REJECTION = "Invalid parameter";
    public static final String META_USER_MESSAGE = "The event time is too far in the past.";

    private static final Pattern GOOGLE_PATH = Pattern.compile("/google/v19/customers/([0-9]+):uploadClickConversions");
    private static final Pattern META_PATH = Pattern.compile("/meta/v21\\.0/([0-9]+)/events");
    private static final Pattern DATE_TIME = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{2}:[0-9]{2}");
    private static final Pattern ACTION = Pattern.compile("customers/[0-9]+/conversionActions/[0-9]+");
    private static final Pattern FBC = Pattern.compile("fb\\.1\\.([0-9]{13})\\.(.+)");
    private static final Set<String> ACTION_SOURCES = Set.of("email", "website", "app", "phone_call", "chat",
            "physical_store", "system_generated", "business_messaging", "other");

    /** One request received, with the rows it carried and what was answered per row. */
    public record Received(String platform, int number, int status, List<Row> rows) {
    }

    /**
     * One row of a request.
     *
     * @param orderId the row's order id ({@code orderId} / {@code custom_data.order_id})
     * @param clickId the click id sent (Google's one of three, Meta's fbclid out of {@code fbc}), or null
     * @param answer  ACCEPTED, FAILED or RETRY as answered
     * @param error   the error text answered for it, or null
     */
    public record Row(String orderId, String clickId, JsonObject sent, String answer, String error) {
    }

    private final HttpServer server;
    private final String googleToken;
    private final String developerToken;
    private final String loginCustomerId;
    private final String metaToken;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicInteger googleRequests = new AtomicInteger();
    private final AtomicInteger metaRequests = new AtomicInteger();
    private final Set<Integer> google503 = Collections.synchronizedSet(new java.util.HashSet<>());
    private final Set<Integer> metaErrors = Collections.synchronizedSet(new java.util.HashSet<>());

    public AdPlatformStandIn(String googleToken, String developerToken, String loginCustomerId, String metaToken)
            throws IOException {
        this.googleToken = googleToken;
        this.developerToken = developerToken;
        this.loginCustomerId = loginCustomerId;
        this.metaToken = metaToken;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    /** {@code http://127.0.0.1:{port}/google/v19}: the Google Ads destination's endpoint. */
    public String googleEndpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/google/v19";
    }

    /** {@code http://127.0.0.1:{port}/meta/v21.0}: the Meta destination's endpoint. */
    public String metaEndpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/meta/v21.0";
    }

    /** Answers the Google request with this number (1 = the first ever received) 503 Service Unavailable. */
    public void answer503ToGoogleRequest(int number) {
        google503.add(number);
    }

    /** Answers the Meta request with this number (1 = the first ever received) with an error for the whole request. */
    public void answerErrorToMetaRequest(int number) {
        metaErrors.add(number);
    }

    public List<Received> received(String platform) {
        return received.stream().filter(r -> r.platform.equals(platform)).toList();
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] bytes;
            try (InputStream in = exchange.getRequestBody()) {
                bytes = in.readAllBytes();
            }
            String body = new String(bytes, StandardCharsets.UTF_8);
            Matcher google = GOOGLE_PATH.matcher(path);
            Matcher meta = META_PATH.matcher(path);
            if (google.matches()) {
                google(exchange, body);
            } else if (meta.matches()) {
                meta(exchange, body);
            } else {
                violations.add("unexpected " + exchange.getRequestMethod() + " " + path);
                send(exchange, 404, "{\"error\":{\"code\":404,\"message\":\"not found\",\"status\":\"NOT_FOUND\"}}");
            }
        }
    }

    private void google(HttpExchange exchange, String body) throws IOException {
        List<String> problems = new ArrayList<>();
        if (!"POST".equals(exchange.getRequestMethod())) {
            problems.add("method " + exchange.getRequestMethod());
        }
        var h = exchange.getRequestHeaders();
        if (!("Bearer " + googleToken).equals(h.getFirst("Authorization"))) {
            problems.add("Authorization " + h.getFirst("Authorization"));
        }
        if (!developerToken.equals(h.getFirst("developer-token"))) {
            problems.add("developer-token " + h.getFirst("developer-token"));
        }
        if (loginCustomerId != null && !loginCustomerId.equals(h.getFirst("login-customer-id"))) {
            problems.add("login-customer-id " + h.getFirst("login-customer-id"));
        }
        String type = h.getFirst("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            problems.add("Content-Type " + type);
        }
        JsonObject json = parse(body, problems);
        JsonArray conversions = json == null ? null : array(json, "conversions");
        if (json != null && json.get("partialFailure") != JsonValue.TRUE) {
            problems.add("partialFailure is not true");
        }
        if (conversions == null || conversions.isEmpty() || conversions.size() > 2000) {
            problems.add("conversions: " + (conversions == null ? "missing" : conversions.size() + " rows"));
        }
        int number = googleRequests.incrementAndGet();
        if (!problems.isEmpty()) {
            refuse(exchange, "google", number, problems);
            return;
        }
        List<Row> rows = new ArrayList<>();
        JsonArrayBuilder errors = Json.createArrayBuilder();
        JsonArrayBuilder results = Json.createArrayBuilder();
        boolean unavailable = google503.contains(number);
        for (int i = 0; i < conversions.size(); i++) {
            JsonObject c = conversions.getJsonObject(i);
            String click = null;
            int clicks = 0;
            for (String field : List.of("gclid", "gbraid", "wbraid")) {
                if (c.containsKey(field)) {
                    clicks++;
                    click = c.getString(field, null);
                }
            }
            if (clicks > 1 || (clicks == 0 && !c.containsKey("userIdentifiers"))) {
                problems.add("conversions[" + i + "] has " + clicks + " click ids: " + c);
            }
            if (!ACTION.matcher(c.getString("conversionAction", "")).matches()) {
                problems.add("conversions[" + i + "].conversionAction " + c.get("conversionAction"));
            }
            if (!DATE_TIME.matcher(c.getString("conversionDateTime", "")).matches()) {
                problems.add("conversions[" + i + "].conversionDateTime " + c.get("conversionDateTime"));
            }
            if (!(c.get("conversionValue") instanceof JsonNumber)) {
                problems.add("conversions[" + i + "].conversionValue " + c.get("conversionValue"));
            }
            if (!c.getString("currencyCode", "").matches("[A-Z]{3}")) {
                problems.add("conversions[" + i + "].currencyCode " + c.get("currencyCode"));
            }
            String orderId = c.getString("orderId", null);
            if (unavailable) {
                rows.add(new Row(orderId, click, c, "RETRY", null));
            } else if (click != null && click.startsWith("REJECT")) {
                errors.add(Json.createObjectBuilder()
                        .add("errorCode", Json.createObjectBuilder().add("conversionUploadError", "UNPARSEABLE_GCLID"))
                        .add("message", GOOGLE_REJECTION)
                        .add("trigger", Json.createObjectBuilder().add("stringValue", click))
                        .add("location", Json.createObjectBuilder().add("fieldPathElements", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("fieldName", "conversions").add("index", i))
                                .add(Json.createObjectBuilder().add("fieldName", "gclid")))));
                results.add(Json.createObjectBuilder());
                rows.add(new Row(orderId, click, c, "FAILED", GOOGLE_REJECTION));
            } else {
                results.add(Json.createObjectBuilder().add("gclid", click == null ? "" : click)
                        .add("conversionAction", c.getString("conversionAction", ""))
                        .add("conversionDateTime", c.getString("conversionDateTime", "")));
                rows.add(new Row(orderId, click, c, "ACCEPTED", null));
            }
        }
        if (!problems.isEmpty()) {
            refuse(exchange, "google", number, problems);
            return;
        }
        exchange.getResponseHeaders().add("request-id", "standin-" + number);
        if (unavailable) {
            received.add(new Received("google", number, 503, rows));
            send(exchange, 503, "{\"error\":{\"code\":503,\"message\":\"The service is currently unavailable.\","
                    + "\"status\":\"UNAVAILABLE\"}}");
            return;
        }
        JsonObject answer = Json.createObjectBuilder().add("results", results)
                .add("partialFailureError", Json.createObjectBuilder().add("code", 3)
                        .add("message", "Partial failure")
                        .add("details", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("@type", "type.googleapis.com/google.ads.googleads.v19.errors.GoogleAdsFailure")
                                .add("errors", errors))))
                .build();
        received.add(new Received("google", number, 200, rows));
        send(exchange, 200, answer.toString());
    }

    private void meta(HttpExchange exchange, String body) throws IOException {
        List<String> problems = new ArrayList<>();
        if (!"POST".equals(exchange.getRequestMethod())) {
            problems.add("method " + exchange.getRequestMethod());
        }
        Map<String, String> query = query(exchange.getRequestURI());
        if (!metaToken.equals(query.get("access_token"))) {
            problems.add("access_token " + query.get("access_token"));
        }
        JsonObject json = parse(body, problems);
        JsonArray data = json == null ? null : array(json, "data");
        if (data == null || data.isEmpty() || data.size() > 1000) {
            problems.add("data: " + (data == null ? "missing" : data.size() + " events"));
        }
        int number = metaRequests.incrementAndGet();
        if (!problems.isEmpty()) {
            refuse(exchange, "meta", number, problems);
            return;
        }
        boolean error = metaErrors.contains(number);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            JsonObject e = data.getJsonObject(i);
            if (e.getString("event_name", "").isBlank()) {
                problems.add("data[" + i + "].event_name");
            }
            if (!(e.get("event_time") instanceof JsonNumber t) || !t.isIntegral() || t.longValue() > 10_000_000_000L) {
                problems.add("data[" + i + "].event_time (Unix seconds) " + e.get("event_time"));
            }
            if (!ACTION_SOURCES.contains(e.getString("action_source", ""))) {
                problems.add("data[" + i + "].action_source " + e.get("action_source"));
            }
            String fbclid = null;
            if (!(e.get("user_data") instanceof JsonObject user)) {
                problems.add("data[" + i + "].user_data missing");
            } else if (user.get("fbc") instanceof JsonString fbc) {
                Matcher m = FBC.matcher(fbc.getString());
                if (m.matches()) {
                    fbclid = m.group(2);
                } else {
                    problems.add("data[" + i + "].user_data.fbc " + fbc);
                }
            }
            String orderId = null;
            if (!(e.get("custom_data") instanceof JsonObject custom) || !(custom.get("value") instanceof JsonNumber)
                    || custom.getString("currency", "").isBlank()) {
                problems.add("data[" + i + "].custom_data " + e.get("custom_data"));
            } else {
                orderId = custom.getString("order_id", null);
            }
            rows.add(new Row(orderId, fbclid, e, error ? "FAILED" : "ACCEPTED",
                    error ? META_REJECTION + " (" + META_USER_MESSAGE + ")" : null));
        }
        if (!problems.isEmpty()) {
            refuse(exchange, "meta", number, problems);
            return;
        }
        received.add(new Received("meta", number, error ? 400 : 200, rows));
        if (error) {
            send(exchange, 400, Json.createObjectBuilder().add("error", Json.createObjectBuilder()
                    .add("message", META_REJECTION).add("type", "OAuthException").add("code", 100)
                    .add("error_subcode", 2804003).add("is_transient", false)
                    .add("error_user_title", "Event Timestamp Too Old").add("error_user_msg", META_USER_MESSAGE)
                    .add("fbtrace_id", "standin-" + number)).build().toString());
            return;
        }
        send(exchange, 200, "{\"events_received\":" + data.size() + ",\"messages\":[],\"fbtrace_id\":\"standin-"
                + number + "\"}");
    }

    private void refuse(HttpExchange exchange, String platform, int number, List<String> problems) throws IOException {
        violations.add(platform + " request " + number + ": " + problems);
        received.add(new Received(platform, number, 400, List.of()));
        send(exchange, 400, Json.createObjectBuilder().add("error", Json.createObjectBuilder()
                .add("code", 400).add("message", "stand-in: " + problems)).build().toString());
    }

    private static JsonObject parse(String body, List<String> problems) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            problems.add("body is no JSON object: " + e.getMessage());
            return null;
        }
    }

    private static JsonArray array(JsonObject o, String field) {
        return o.get(field) instanceof JsonArray a ? a : null;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        String q = uri.getRawQuery();
        if (q != null) {
            for (String pair : q.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
