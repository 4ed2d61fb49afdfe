package io.tracker.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for a client's alert webhook on 127.0.0.1: takes {@code POST /alerts} with a JSON body signed with
 * {@code X-Tracker-Signature} (checked by hand, {@link SmsPlatformStandIn#signatureProblem}) with the secret the test
 * hands it ({@link #secret}, as Tracker generated it), and answers 204. A request that fails a check is answered 400
 * and listed in {@link #problems()}: a test asserts none.
 */
public final class AlertWebhookStandIn implements AutoCloseable {

    private final HttpServer server;
    private final List<JsonObject> received = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private volatile String secret;

    private AlertWebhookStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 20);
        server.createContext("/", this::handle);
        server.start();
    }

    public static AlertWebhookStandIn start() {
        try {
            return new AlertWebhookStandIn();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:{port}/alerts}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/alerts");
    }

    /** The signing secret to check with. */
    public void secret(String secret) {
        this.secret = secret;
    }

    /** The bodies of the accepted requests, in order. */
    public List<JsonObject> received() {
        return List.copyOf(received);
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String why = null;
            if (!"POST".equals(exchange.getRequestMethod()) || !"/alerts".equals(exchange.getRequestURI().getPath())) {
                why = exchange.getRequestMethod() + " " + exchange.getRequestURI();
            } else if (!"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                why = "Content-Type " + exchange.getRequestHeaders().getFirst("Content-Type");
            } else if (secret == null) {
                why = "no secret handed to the stand-in yet";
            } else {
                why = SmsPlatformStandIn.signatureProblem(secret,
                        exchange.getRequestHeaders().getFirst("X-Tracker-Signature"), body);
            }
            if (why != null) {
                problems.add(why);
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            received.add(Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8))).readObject());
            exchange.sendResponseHeaders(204, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
