package io.tracker.it.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A small outdoor shop with Tracker's tag installed, served by the JDK's HTTP server on a free port of
 * the loopback interface, for the tag's browser tests. The shop is {@code http://localhost:<port>/};
 * Tracker (the tag file {@code t.js} and the beacon endpoint {@code /v1/collect}) is the same server
 * under another origin, {@code http://127.0.0.1:<port>}, so the beacons cross origins as they do
 * from a client's site. The endpoint stands in for Tracker's: it records every request (method,
 * headers, body) and answers 204.
 *
 * <p>Pages, each in the four {@link Variant}s ({@code /<variant>/<page>}):
 * <ul>
 *   <li>{@code landing}: a link {@code #to-product} to the product page;</li>
 *   <li>{@code product}: the button {@code #add-to-cart} calls
 *       {@code tracker('event', 'add_to_cart', {sku: 'TENT-2', price: 129.9})} and then shows
 *       "1 item in cart" in {@code #cart}; the link {@code #buy} leads to the thank-you page;</li>
 *   <li>{@code thanks}: calls {@code tracker('identify', {user_id: 'cust-7', email: ' Jane.Doe@Example.COM '})}
 *       and, twice as a careless shop might, {@code tracker('conversion', {action: 'purchase',
 *       value: 129.9, currency: 'EUR', order_id: 'A-1001'})}.</li>
 *   <li>{@code contact}: the business number {@value #BUSINESS_NUMBER} in three formats ({@code #phone-paren}
 *       "Call us: (800) 555-0100", {@code #phone-dots} "800.555.0100", {@code #phone-intl}
 *       "+1 800 555 0100 (24/7)"), a "call now" button {@code #call-now} ({@code href="tel:+18005550100"}),
 *       the number in a {@code #note} textarea (a form field: never swapped), and a button {@code #show-hours}
 *       that adds {@code #hours-phone} "Mon-Fri 9-17: 1-800-555-0100" after load;</li>
 *   <li>{@code checkout?cart=<id>}: a phone field {@code #phone}, an SMS consent box {@code #sms-consent} and a button
 *       {@code #start-checkout} that calls {@code tracker('conversion', {action: 'checkout_started', value: 129.9,
 *       currency: 'EUR', restore_url: '<origin>/<variant>/cart?id=<id>', phone, sms_consent})} and shows "Checkout
 *       started" in {@code #status};</li>
 *   <li>{@code cart?id=<id>}: the restored cart, "Cart &lt;id&gt;" in {@code #cart-id} and a link {@code #pay} to
 *       {@code order?id=R-<id>};</li>
 *   <li>{@code order?id=<id>}: "Order &lt;id&gt;" in {@code #order}, and {@code tracker('conversion', {action:
 *       'purchase', value: 129.9, currency: 'EUR', order_id: <id>})};</li>
 *   <li>{@code call}: the field case of call tracking (issue #9): {@code <a id="tel-link"
 *       href="tel:+18005550100">(800) 555-0100</a>}, {@code <a id="call-button" class="callnow"
 *       href="tel:18005550100">Call</a>} and {@code #footer-phone} "800.555.0100".</li>
 * </ul>
 * and {@code /search?to=<url>}, a page with one link {@code #result} to that URL, on Tracker's
 * origin: a page of another site from which a visitor arrives. {@code /api/v1/dni/number} stands in for
 * Tracker's number insertion endpoint: it records each request's query string and answers what
 * {@link #answerNumbers} set (at first {@code {"numbers":[]}}), to any origin.
 */
final class DemoShop implements AutoCloseable {

    static final String SITE_KEY = "pk_test_outdoor_shop";
    static final String ORDER_ID = "A-1001";
    static final String EMAIL_AS_TYPED = " Jane.Doe@Example.COM ";
    /** The business's own number on the {@code contact} and {@code call} pages (E.164). */
    static final String BUSINESS_NUMBER = "+18005550100";

    /** How the tag is installed on the pages. */
    enum Variant {
        /** The snippet once, as the set-up page shows it. */
        SHOP("shop"),
        /** The snippet with {@code consent: 'required'}, and no consent answer from the page. */
        CONSENT("consent-shop"),
        /**
         * The snippet and the script tag twice in the head (both copies queue before t.js runs) and a
         * third time once the page has loaded (the snippet then talks to the running tag, and the
         * script runs again).
         */
        TWICE("twice"),
        /** The snippet once, in a browser whose {@code navigator.sendBeacon} refuses every beacon. */
        NO_BEACON("no-beacon");

        final String path;

        Variant(String path) {
            this.path = path;
        }
    }

    /** One request that reached the endpoint. */
    record Beacon(String method, String contentType, String origin, String body) {

        /** The body's hits; the envelope's {@code v} and {@code site} are checked on the way. */
        List<JsonObject> hits() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                JsonObject envelope = reader.readObject();
                if (envelope.getInt("v") != 1 || !SITE_KEY.equals(envelope.getString("site"))) {
                    throw new AssertionError("unexpected beacon envelope " + body);
                }
                return envelope.getJsonArray("hits").stream().map(JsonValue::asJsonObject).toList();
            }
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final Path tagFile;
    private final List<Beacon> beacons = new ArrayList<>();
    private final List<String> numberRequests = new ArrayList<>();
    private volatile String numbers = "{\"numbers\":[]}";
    /** A snippet installed instead of the built-in one (see {@link #install}); null: the built-in one. */
    private volatile String installed;

    private DemoShop(Path tagFile) throws IOException {
        this.tagFile = tagFile;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::page);
        server.createContext("/t.js", this::tag);
        server.createContext("/v1/collect", this::collect);
        server.createContext("/api/v1/dni/number", this::dni);
        server.setExecutor(threads);
        server.start();
    }

    /** Starts the shop with the tag read from that file at every request. */
    static DemoShop start(Path tagFile) {
        try {
            return new DemoShop(tagFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tag's source in this checkout: {@code tracker-api/src/main/webapp/t.js}. */
    static Path tagSource() {
        Path module = Path.of(System.getProperty("tracker.it.module-dir", ".")).toAbsolutePath().normalize();
        return module.resolveSibling("tracker-api").resolve("src/main/webapp/t.js");
    }

    /** The shop's base URL, {@code http://localhost:<port>/}. */
    URI base() {
        return URI.create("http://localhost:" + server.getAddress().getPort() + "/");
    }

    /** Tracker's origin as the pages use it, {@code http://127.0.0.1:<port>}. */
    String trackerOrigin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The absolute URL of a page of a variant, with the query string as given (already encoded). */
    String url(Variant variant, String page, String query) {
        return base() + variant.path + "/" + page + (query == null ? "" : "?" + query);
    }

    /** A page on another site (Tracker's origin) with a link {@code #result} to that URL. */
    String searchPageLinkingTo(String url) {
        return trackerOrigin() + "/search?to=" + java.net.URLEncoder.encode(url, StandardCharsets.UTF_8);
    }

    /**
     * Installs this snippet (HTML for the {@code <head>}, such as the one Tracker's set-up page shows) on the
     * pages of {@link Variant#SHOP} and {@link Variant#CONSENT} instead of the built-in one: the tag then
     * loads from and sends to wherever the snippet says (a real Tracker).
     */
    void install(String snippet) {
        this.installed = snippet;
    }

    /** Forgets the requests recorded so far, and answers no numbers again. */
    synchronized void clear() {
        beacons.clear();
        numberRequests.clear();
        numbers = "{\"numbers\":[]}";
    }

    /** What the number insertion endpoint answers from now on (its JSON). */
    void answerNumbers(String json) {
        this.numbers = json;
    }

    /** The raw query strings of the requests for numbers so far, in the order of arrival. */
    synchronized List<String> numberRequests() {
        return List.copyOf(numberRequests);
    }

    /** Waits until that many requests for numbers have arrived (at most 15 s), and returns them all. */
    synchronized List<String> awaitNumberRequests(int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (numberRequests.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + count + " request(s) for numbers; "
                        + "received " + numberRequests);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for requests for numbers");
            }
        }
        return List.copyOf(numberRequests);
    }

    synchronized List<Beacon> beacons() {
        return List.copyOf(beacons);
    }

    /** Every hit recorded so far, in the order of arrival. */
    synchronized List<JsonObject> hits() {
        return beacons.stream().filter(b -> b.method().equals("POST")).flatMap(b -> b.hits().stream()).toList();
    }

    /**
     * Waits until the hits recorded so far satisfy the condition (at most 15 s), and returns them.
     *
     * @throws AssertionError naming what was awaited and listing what arrived
     */
    synchronized List<JsonObject> awaitHits(String what, Predicate<List<JsonObject>> done) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.test(hits())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what + "; received " + hits());
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
        return hits();
    }

    /** Waits until at least that many hits of the type have arrived, and returns those hits. */
    List<JsonObject> awaitHits(String type, int count) {
        return ofType(awaitHits(count + " " + type + " hit(s)", hits -> ofType(hits, type).size() >= count), type);
    }

    static List<JsonObject> ofType(List<JsonObject> hits, String type) {
        return hits.stream().filter(h -> type.equals(h.getString("type"))).toList();
    }

    private void collect(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (this) {
                beacons.add(new Beacon(exchange.getRequestMethod(),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestHeaders().getFirst("Origin"), body));
                notifyAll();
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private void dni(HttpExchange exchange) throws IOException {
        synchronized (this) {
            numberRequests.add(exchange.getRequestURI().getRawQuery());
            notifyAll();
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        respond(exchange, 200, numbers.getBytes(StandardCharsets.UTF_8));
    }

    private void tag(HttpExchange exchange) throws IOException {
        byte[] source = Files.readAllBytes(tagFile);
        exchange.getResponseHeaders().set("Content-Type", "text/javascript; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        respond(exchange, 200, source);
    }

    private void page(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/search")) {
            String to = java.net.URLDecoder.decode(exchange.getRequestURI().getRawQuery().substring("to=".length()),
                    StandardCharsets.UTF_8);
            html(exchange, "<!doctype html><html><head><meta charset=\"utf-8\"><title>Search</title></head><body>"
                    + "<h1>Search results</h1><a id=\"result\" href=\"" + escape(to) + "\">Outdoor Shop</a></body></html>");
            return;
        }
        for (Variant variant : Variant.values()) {
            String prefix = "/" + variant.path + "/";
            if (path.startsWith(prefix)) {
                String body = switch (path.substring(prefix.length())) {
                    case "landing" -> "<h1>Outdoor Shop</h1><a id=\"to-product\" href=\"" + prefix
                            + "product\">Tent Alpine 2</a>";
                    case "product" -> "<h1>Tent Alpine 2</h1><button id=\"add-to-cart\">Add to cart</button>"
                            + "<p id=\"cart\"></p><a id=\"buy\" href=\"" + prefix + "thanks\">Buy</a>"
                            + "<script>document.getElementById('add-to-cart').addEventListener('click', function () {"
                            + " tracker('event', 'add_to_cart', {sku: 'TENT-2', price: 129.9});"
                            + " document.getElementById('cart').textContent = '1 item in cart'; });</script>";
                    case "thanks" -> "<h1>Thank you</h1><p id=\"order\">Order " + ORDER_ID + "</p><script>"
                            + "tracker('identify', {user_id: 'cust-7', email: '" + EMAIL_AS_TYPED + "'});"
                            + "tracker('conversion', {action: 'purchase', value: 129.9, currency: 'EUR', order_id: '"
                            + ORDER_ID + "'});"
                            + "tracker('conversion', {action: 'purchase', value: 129.9, currency: 'EUR', order_id: '"
                            + ORDER_ID + "'});</script>";
                    case "checkout" -> "<h1>Checkout</h1><label>Mobile <input id=\"phone\" type=\"tel\"></label>"
                            + "<label><input id=\"sms-consent\" type=\"checkbox\"> Text me about my cart</label>"
                            + "<button id=\"start-checkout\">Continue to payment</button><p id=\"status\"></p>"
                            + "<script>document.getElementById('start-checkout').addEventListener('click', function () {"
                            + " var cart = new URLSearchParams(location.search).get('cart');"
                            + " tracker('conversion', {action: 'checkout_started', value: 129.9, currency: 'EUR',"
                            + " restore_url: location.origin + '" + prefix + "cart?id=' + encodeURIComponent(cart),"
                            + " phone: document.getElementById('phone').value,"
                            + " sms_consent: document.getElementById('sms-consent').checked});"
                            + " document.getElementById('status').textContent = 'Checkout started'; });</script>";
                    case "cart" -> "<h1>Your cart</h1><p id=\"cart-id\">Cart " + escape(query(exchange, "id")) + "</p>"
                            + "<a id=\"pay\" href=\"" + prefix + "order?id=R-" + escape(query(exchange, "id")) + "\">Pay now</a>";
                    case "order" -> "<h1>Thank you</h1><p id=\"order\">Order " + escape(query(exchange, "id")) + "</p>"
                            + "<script>tracker('conversion', {action: 'purchase', value: 129.9, currency: 'EUR', order_id: "
                            + "new URLSearchParams(location.search).get('id')});</script>";
                    case "contact" -> "<h1>Contact us</h1><p id=\"phone-paren\">Call us: (800) 555-0100</p>"
                            + "<p id=\"phone-dots\">800.555.0100</p><p id=\"phone-intl\">+1 800 555 0100 (24/7)</p>"
                            + "<a id=\"call-now\" class=\"button\" href=\"tel:+18005550100\">Call now</a>"
                            + "<textarea id=\"note\">800-555-0100</textarea>"
                            + "<button id=\"show-hours\">Opening hours</button><div id=\"hours\"></div>"
                            + "<script>document.getElementById('show-hours').addEventListener('click', function () {"
                            + " document.getElementById('hours').innerHTML ="
                            + " '<p id=\"hours-phone\">Mon-Fri 9-17: 1-800-555-0100</p>'; });</script>";
                    case "call" -> "<h1>Outdoor Shop</h1><p><a id=\"tel-link\" href=\"tel:+18005550100\">(800) 555-0100</a>"
                            + "</p><p><a id=\"call-button\" class=\"callnow\" href=\"tel:18005550100\">Call</a></p>"
                            + "<footer><p id=\"footer-phone\">800.555.0100</p></footer>";
                    default -> null;
                };
                if (body != null) {
                    html(exchange, "<!doctype html><html><head><meta charset=\"utf-8\"><title>Outdoor Shop</title>"
                            + head(variant) + "</head><body>" + body + loaded(variant) + "</body></html>");
                    return;
                }
            }
        }
        respond(exchange, 404, new byte[0]); // favicon.ico included
    }

    /** A query parameter of the request, decoded; empty when absent. */
    private static String query(HttpExchange exchange, String name) {
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
                }
            }
        }
        return "";
    }

    /** The installation, as the set-up page shows it (see t.js), in the variant's way. */
    private String head(Variant variant) {
        String snippet = installed;
        if (snippet != null && (variant == Variant.SHOP || variant == Variant.CONSENT)) {
            return snippet;
        }
        String once = snippet(variant == Variant.CONSENT ? ", consent: 'required'" : "");
        return switch (variant) {
            case SHOP, CONSENT -> once;
            case TWICE -> once + once;
            case NO_BEACON -> "<script>navigator.sendBeacon = function () { return false; };</script>" + once;
        };
    }

    private String snippet(String options) {
        return "<script>\n"
                + "window.tracker=window.tracker||function(){(tracker.q=tracker.q||[]).push(arguments)};\n"
                + "tracker('init', {site: '" + SITE_KEY + "', endpoint: '" + trackerOrigin() + "'" + options + "});\n"
                + "</script>\n"
                + "<script async src=\"" + trackerOrigin() + "/t.js\"></script>\n";
    }

    /** TWICE: after the load event (the tag has run by then), the snippet and the script tag once more. */
    private String loaded(Variant variant) {
        if (variant != Variant.TWICE) {
            return "";
        }
        return "<script>window.addEventListener('load', function () {"
                + "window.tracker=window.tracker||function(){(tracker.q=tracker.q||[]).push(arguments)};"
                + "tracker('init', {site: '" + SITE_KEY + "', endpoint: '" + trackerOrigin() + "'});"
                + "var s = document.createElement('script'); s.async = true; s.src = '" + trackerOrigin() + "/t.js';"
                + "s.onload = function () { document.body.setAttribute('data-third-copy', 'loaded'); };"
                + "document.head.appendChild(s); });</script>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    private static void html(HttpExchange exchange, String html) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        respond(exchange, 200, html.getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        try (exchange) {
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
