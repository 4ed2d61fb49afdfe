package io.tracker.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stand-in for the SMS platforms of SMS cart recovery on 127.0.0.1 (a free port): no SMS provider is reachable
 * from the test machines. It checks every request against the documented shape and answers as the platform does.
 *
 * <p><b>The tenant's own platform</b> ({@code POST /sms/webhook}, {@link #webhookUrl()}): {@code Content-Type:
 * application/json}, {@code User-Agent: Tracker-SMS/1}, an {@code Idempotency-Key} (a UUID, equal to the body's
 * {@code message_id}), {@code X-Tracker-Signature: t=<unix s>,v1=<hex HMAC-SHA256 of "<t>.<body>">} that verifies
 * with the secret and has {@code t} within {@value #TOLERANCE_SECONDS} s of now — recomputed here with
 * {@code javax.crypto}, not with the application's {@code WebhookSignature}, so a fault there shows — and exactly
 * the body {@code {"message_id", "to" (E.164), "body", "link" (in the body), "flow": {"id", "name"}, "cart_id",
 * "step" (1..3), "status_callback" (optional)}}. Answer: 200 {@code {"id": "sms_<n>", "status": "queued"}}. A repeated
 * {@code Idempotency-Key} with the same body is answered 200 with the same id and not recorded again, as real
 * platforms de-duplicate ({@link #repeats()}); with a different body it is a problem.
 *
 * <p><b>Twilio</b> ({@code POST /twilio/2010-04-01/Accounts/{AccountSid}/Messages.json}, base {@link #twilioBase()},
 * https://www.twilio.com/docs/messaging/api/message-resource): HTTP Basic {@code AccountSid:AuthToken} of
 * {@link #TWILIO_ACCOUNT_SID}/{@link #TWILIO_AUTH_TOKEN} (or those given to {@link #start(String, String, String)}),
 * a form of {@code To} (E.164), {@code Body} (1 to 1,600 characters), exactly one of {@code From} (E.164) and
 * {@code MessagingServiceSid} ({@code MG…}), and {@code StatusCallback} (optional, an absolute URL); nothing else.
 * Answer: 201 with a Message resource ({@code sid} {@code SM…}, {@code status: queued}). Twilio does not
 * de-duplicate; each accepted request is recorded, its form in {@link #twilioForms()} too.
 *
 * <p>A request that fails a check is answered 400 and listed in {@link #problems()} with why: a test asserts none.
 * {@link #failNext} makes the next requests that pass the checks answer a status instead (not recorded as received).
 */
public final class SmsPlatformStandIn implements AutoCloseable {

    public static final String TWILIO_ACCOUNT_SID = "AC5ca1ab1e0ddba11c0ffee5ca1ab1e0dd";
    public static final String TWILIO_AUTH_TOKEN = "standin-twilio-auth-token-0001";
    public static final long TOLERANCE_SECONDS = 300;

    private static final Pattern TWILIO_PATH = Pattern.compile("/twilio/2010-04-01/Accounts/([^/]+)/Messages\\.json");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern MESSAGING_SERVICE = Pattern.compile("MG[0-9a-fA-F]{32}");
    private static final Pattern SIGNATURE = Pattern.compile("t=([0-9]{1,12}),v1=([0-9a-f]{64})");
    private static final Pattern URL_IN_TEXT = Pattern.compile("https?://\\S+");
    private static final Set<String> WEBHOOK_FIELDS = Set.of("message_id", "to", "body", "link", "flow", "cart_id",
            "step", "status_callback");
    private static final Set<String> TWILIO_FIELDS = Set.of("To", "From", "MessagingServiceSid", "Body",
            "StatusCallback");
    private static final int MAX_REQUEST_BYTES = 1 << 20;

    /**
     * One accepted request. For Twilio, which carries neither, {@code messageKey} is null and {@code cartId} and
     * {@code step} are 0; {@code link} is then the first URL in the body.
     *
     * @param headers the request's headers, names lower-cased, first value each
     */
    public record Received(String messageKey, String to, String body, String link, long cartId, int step,
                           Map<String, String> headers) {
    }

    /** A webhook message taken once: its id and the body it came with. */
    private record Taken(String id, JsonObject json) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final String webhookSecret;
    private final String twilioAccountSid;
    private final String twilioAuthToken;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> twilioForms = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final Map<String, Taken> taken = new HashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private int repeats;
    private int failuresLeft;
    private int failureStatus;

    private SmsPlatformStandIn(String webhookSecret, String twilioAccountSid, String twilioAuthToken) throws IOException {
        this.webhookSecret = webhookSecret;
        this.twilioAccountSid = twilioAccountSid;
        this.twilioAuthToken = twilioAuthToken;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a stand-in whose webhook checks signatures with this secret, and whose Twilio takes the default account. */
    public static SmsPlatformStandIn start(String webhookSecret) {
        return start(webhookSecret, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN);
    }

    public static SmsPlatformStandIn start(String webhookSecret, String twilioAccountSid, String twilioAuthToken) {
        try {
            return new SmsPlatformStandIn(webhookSecret, twilioAccountSid, twilioAuthToken);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:{port}/sms/webhook}: the tenant's own platform. */
    public URI webhookUrl() {
        return URI.create(origin() + "/sms/webhook");
    }

    /** {@code http://127.0.0.1:{port}/twilio}: the base to put in place of {@code https://api.twilio.com}. */
    public URI twilioBase() {
        return URI.create(origin() + "/twilio");
    }

    /** The accepted requests, in the order they came (repeats of a webhook message once). */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The forms of the accepted Twilio requests, in order: {@code To}, {@code From} or {@code MessagingServiceSid}, … */
    public List<Map<String, String>> twilioForms() {
        return List.copyOf(twilioForms);
    }

    /** The requests that failed the checks (answered 400), each with why. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** How many webhook requests repeated an Idempotency-Key already taken (answered with the same id). */
    public synchronized int repeats() {
        return repeats;
    }

    /** The next {@code n} requests that pass the checks are answered {@code status} and not taken. */
    public synchronized void failNext(int n, int status) {
        if (n < 0 || status < 100 || status > 599) {
            throw new IllegalArgumentException("failNext(" + n + ", " + status + ")");
        }
        failuresLeft = n;
        failureStatus = status;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int number = requests.incrementAndGet();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_REQUEST_BYTES + 1);
            }
            String path = exchange.getRequestURI().getPath();
            if (body.length > MAX_REQUEST_BYTES) {
                refuse(exchange, number, path, List.of("body larger than " + MAX_REQUEST_BYTES + " bytes"), false);
            } else if (path.equals("/sms/webhook")) {
                webhook(exchange, number, body);
            } else if (TWILIO_PATH.matcher(path).matches()) {
                twilio(exchange, number, body);
            } else {
                problems.add("request " + number + ": unexpected " + exchange.getRequestMethod() + " " + path);
                send(exchange, 404, "{\"error\":\"not found\"}");
            }
        }
    }

    private void webhook(HttpExchange exchange, int number, byte[] body) throws IOException {
        List<String> why = new ArrayList<>();
        var h = exchange.getRequestHeaders();
        if (!"POST".equals(exchange.getRequestMethod())) {
            why.add("method " + exchange.getRequestMethod());
        }
        String type = h.getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            why.add("Content-Type " + type);
        }
        if (!"Tracker-SMS/1".equals(h.getFirst("User-Agent"))) {
            why.add("User-Agent " + h.getFirst("User-Agent"));
        }
        String key = h.getFirst("Idempotency-Key");
        if (key == null || !UUID_TEXT.matcher(key).matches()) {
            why.add("Idempotency-Key " + (key == null ? "missing" : "not a UUID: " + key));
        }
        String signatureProblem = signatureProblem(h.getFirst("X-Tracker-Signature"), body);
        if (signatureProblem != null) {
            why.add(signatureProblem);
        }
        JsonObject json = null;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            json = reader.read() instanceof JsonObject o ? o : null;
            if (json == null) {
                why.add("body is no JSON object");
            }
        } catch (RuntimeException e) {
            why.add("body is no JSON: " + e.getMessage());
        }
        if (json != null) {
            checkWebhookBody(json, key, why);
        }
        if (!why.isEmpty()) {
            refuse(exchange, number, "webhook", why, false);
            return;
        }
        Integer failure = failure();
        if (failure != null) {
            send(exchange, failure, "{\"error\":\"stand-in: told to answer " + failure + "\"}");
            return;
        }
        String id = take(key, json, headers(exchange));
        if (id == null) {
            refuse(exchange, number, "webhook", List.of("Idempotency-Key " + key + " reused with a different body"),
                    false);
            return;
        }
        send(exchange, 200, Json.createObjectBuilder().add("id", id).add("status", "queued").build().toString());
    }

    /**
     * Records a webhook message the first time its key comes; a repeat with the same body counts in {@link #repeats}.
     *
     * @return the message's id, or null when the key came before with a different body
     */
    private synchronized String take(String key, JsonObject json, Map<String, String> headers) {
        Taken before = taken.get(key);
        if (before != null) {
            if (!before.json.equals(json)) {
                return null;
            }
            repeats++;
            return before.id;
        }
        String id = "sms_" + (taken.size() + 1);
        taken.put(key, new Taken(id, json));
        received.add(new Received(key, json.getString("to"), json.getString("body"), json.getString("link"),
                json.getJsonNumber("cart_id").longValueExact(), json.getJsonNumber("step").intValueExact(), headers));
        return id;
    }

    private static void checkWebhookBody(JsonObject json, String key, List<String> why) {
        for (String field : json.keySet()) {
            if (!WEBHOOK_FIELDS.contains(field)) {
                why.add("unexpected field " + field);
            }
        }
        String messageId = string(json, "message_id");
        if (messageId == null || !messageId.equals(key)) {
            why.add("message_id " + json.get("message_id") + " is not the Idempotency-Key " + key);
        }
        String to = string(json, "to");
        if (to == null || !E164.matcher(to).matches()) {
            why.add("to " + json.get("to"));
        }
        String text = string(json, "body");
        String link = string(json, "link");
        if (text == null || text.isBlank()) {
            why.add("body " + json.get("body"));
        }
        if (link == null || !absoluteHttp(link)) {
            why.add("link " + json.get("link"));
        } else if (text != null && !text.contains(link)) {
            why.add("the body does not contain the link");
        }
        if (!(json.get("flow") instanceof JsonObject flow) || !flow.keySet().equals(Set.of("id", "name"))
                || !integral(flow.get("id")) || string(flow, "name") == null) {
            why.add("flow " + json.get("flow"));
        }
        if (!integral(json.get("cart_id"))) {
            why.add("cart_id " + json.get("cart_id"));
        }
        if (!integral(json.get("step")) || json.getJsonNumber("step").longValue() < 1
                || json.getJsonNumber("step").longValue() > 3) {
            why.add("step " + json.get("step"));
        }
        if (json.containsKey("status_callback")) {
            String callback = string(json, "status_callback");
            if (callback == null || !absoluteHttp(callback)) {
                why.add("status_callback " + json.get("status_callback") + " (leave it out when there is none)");
            }
        }
    }

    /** Null when the header signs this body with the secret, within the tolerance; else why not. */
    private String signatureProblem(String header, byte[] body) {
        return signatureProblem(webhookSecret, header, body);
    }

    /**
     * Null when an {@code X-Tracker-Signature} header signs this body with the secret, within the tolerance; else why
     * not. Checked by hand (HMAC-SHA256 of {@code "<t>.<body>"}), as a receiver of Tracker's webhooks would.
     */
    public static String signatureProblem(String webhookSecret, String header, byte[] body) {
        if (header == null) {
            return "X-Tracker-Signature missing";
        }
        Matcher m = SIGNATURE.matcher(header);
        if (!m.matches()) {
            return "X-Tracker-Signature malformed: " + header;
        }
        long t = Long.parseLong(m.group(1));
        long now = Instant.now().getEpochSecond();
        if (Math.abs(now - t) > TOLERANCE_SECONDS) {
            return "X-Tracker-Signature t=" + t + " is " + Math.abs(now - t) + " s off the stand-in's clock (at most "
                    + TOLERANCE_SECONDS + ")";
        }
        byte[] prefix = (t + ".").getBytes(StandardCharsets.UTF_8);
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(webhookSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(prefix);
            expected = mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        if (!MessageDigest.isEqual(expected, HexFormat.of().parseHex(m.group(2)))) {
            return "X-Tracker-Signature does not verify with the secret";
        }
        return null;
    }

    private void twilio(HttpExchange exchange, int number, byte[] body) throws IOException {
        List<String> why = new ArrayList<>();
        var h = exchange.getRequestHeaders();
        if (!"POST".equals(exchange.getRequestMethod())) {
            why.add("method " + exchange.getRequestMethod());
        }
        Matcher path = TWILIO_PATH.matcher(exchange.getRequestURI().getPath());
        if (path.matches() && !path.group(1).equals(twilioAccountSid)) {
            why.add("account " + path.group(1) + " in the path, not " + twilioAccountSid);
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString((twilioAccountSid + ":" + twilioAuthToken)
                .getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(h.getFirst("Authorization"))) {
            why.add("Authorization is not Basic " + twilioAccountSid + ":<auth token>");
        }
        String type = h.getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            why.add("Content-Type " + type);
        }
        Map<String, String> form = form(new String(body, StandardCharsets.UTF_8), why);
        for (String field : form.keySet()) {
            if (!TWILIO_FIELDS.contains(field)) {
                why.add("unexpected field " + field);
            }
        }
        String to = form.get("To");
        if (to == null || !E164.matcher(to).matches()) {
            why.add("To " + to);
        }
        String text = form.get("Body");
        if (text == null || text.isBlank() || text.length() > 1600) {
            why.add("Body " + (text == null ? "missing" : text.length() + " characters"));
        }
        String from = form.get("From");
        String service = form.get("MessagingServiceSid");
        if ((from == null) == (service == null)) {
            why.add("exactly one of From and MessagingServiceSid is needed");
        } else if (from != null && !E164.matcher(from).matches()) {
            why.add("From " + from);
        } else if (service != null && !MESSAGING_SERVICE.matcher(service).matches()) {
            why.add("MessagingServiceSid " + service);
        }
        String callback = form.get("StatusCallback");
        if (callback != null && !absoluteHttp(callback)) {
            why.add("StatusCallback " + callback);
        }
        if (!why.isEmpty()) {
            refuse(exchange, number, "twilio", why, true);
            return;
        }
        Integer failure = failure();
        if (failure != null) {
            int code = failure == 400 ? 21211 : failure == 401 ? 20003 : 20000 + failure;
            send(exchange, failure, Json.createObjectBuilder().add("code", code)
                    .add("message", "stand-in: told to answer " + failure)
                    .add("more_info", "https://www.twilio.com/docs/errors/" + code).add("status", failure)
                    .build().toString());
            return;
        }
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        Matcher url = URL_IN_TEXT.matcher(text);
        received.add(new Received(null, to, text, url.find() ? url.group() : null, 0, 0, headers(exchange)));
        twilioForms.add(Collections.unmodifiableMap(form));
        var answer = Json.createObjectBuilder().add("sid", sid).add("account_sid", twilioAccountSid)
                .add("api_version", "2010-04-01").add("body", text).add("direction", "outbound-api")
                .add("to", to).add("status", "queued").add("num_segments", "1")
                .add("uri", "/2010-04-01/Accounts/" + twilioAccountSid + "/Messages/" + sid + ".json");
        if (from != null) {
            answer.add("from", from);
        } else {
            answer.addNull("from").add("messaging_service_sid", service);
        }
        send(exchange, 201, answer.build().toString());
    }

    /** The status to answer instead of taking the request, while {@link #failNext} has some left. */
    private synchronized Integer failure() {
        if (failuresLeft <= 0) {
            return null;
        }
        failuresLeft--;
        return failureStatus;
    }

    private void refuse(HttpExchange exchange, int number, String what, List<String> why, boolean twilio)
            throws IOException {
        problems.add(what + " request " + number + ": " + why);
        String message = "stand-in: " + why;
        send(exchange, 400, twilio
                ? Json.createObjectBuilder().add("message", message).add("status", 400).build().toString()
                : Json.createObjectBuilder().add("error", message).build().toString());
    }

    private static Map<String, String> form(String body, List<String> why) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                why.add("form pair " + pair);
                continue;
            }
            String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            if (form.put(name, URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)) != null) {
                why.add(name + " sent twice");
            }
        }
        return form;
    }

    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        return Collections.unmodifiableMap(headers);
    }

    private static String string(JsonObject o, String field) {
        return o.get(field) instanceof JsonString s ? s.getString() : null;
    }

    private static boolean integral(JsonValue v) {
        return v instanceof JsonNumber n && n.isIntegral();
    }

    private static boolean absoluteHttp(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
