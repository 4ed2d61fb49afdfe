package io.tracker.application.recovery.sms;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP server on 127.0.0.1 (a free port) for the senders' tests: it keeps every request as it came and answers
 * with the next scripted answer (201 {@code {}} when none is left).
 */
final class LocalServer implements AutoCloseable {

    /** A request as received: header names lower-cased, first value each. */
    record Request(String method, String path, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** What to answer; {@code delayMillis} before the headers go out. */
    record Answer(int status, String contentType, byte[] body, long delayMillis) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Answer> answers = new ArrayDeque<>();

    LocalServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 20);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    LocalServer answer(int status, String json) {
        return answer(new Answer(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8), 0));
    }

    synchronized LocalServer answer(Answer answer) {
        answers.add(answer);
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    Request only() {
        if (requests.size() != 1) {
            throw new AssertionError("expected one request, got " + requests.size());
        }
        return requests.get(0);
    }

    private synchronized Answer next() {
        Answer a = answers.poll();
        return a != null ? a : new Answer(201, "application/json", "{}".getBytes(StandardCharsets.UTF_8), 0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT),
                    values.get(0)));
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), headers, body));
            Answer a = next();
            if (a.delayMillis() > 0) {
                try {
                    Thread.sleep(a.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            exchange.getResponseHeaders().set("Content-Type", a.contentType());
            exchange.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
            if (a.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(a.body());
                }
            }
        } catch (IOException e) {
            // The client went away (a test of a bounded read or a timeout): nothing to answer.
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
