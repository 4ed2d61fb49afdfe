package io.tracker.application.recovery.sms;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP side both senders share: the client they are meant to get ({@link #defaultClient()}), one bounded
 * exchange ({@value #MAX_ANSWER_BYTES} bytes of an answer at most, {@link #REQUEST_TIMEOUT} for the whole exchange,
 * body included) and the reading of answers into outcomes.
 *
 * <p>The JSON-P provider is looked up once ({@code Json.createReader} and friends go through {@code ServiceLoader} on
 * every call, as tracker-api's {@code StrictJson} notes), and its reader and writer factories with it.
 */
public final class SmsHttp {

    /** How long a sender waits for a connection (set on the client: {@link #defaultClient()}). */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How long one exchange may take, from sending to the answer's last byte read. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** The most of an answer that is read; the rest is dropped (the connection is then closed). */
    public static final int MAX_ANSWER_BYTES = 64 * 1024;

    static final String USER_AGENT = "Tracker-SMS/1";

    static final JsonProvider JSON = JsonProvider.provider();
    static final JsonWriterFactory WRITERS = JSON.createWriterFactory(Map.of());
    private static final JsonReaderFactory READERS = JSON.createReaderFactory(Map.of());

    private SmsHttp() {
    }

    /**
     * A client as the senders expect: HTTP/1.1 (plain {@code http} stand-ins get no h2c upgrade; TLS endpoints
     * negotiate as usual), no redirects, a {@link #CONNECT_TIMEOUT} connect timeout. One is enough for the
     * application; it is thread-safe.
     */
    public static HttpClient defaultClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * A redirect would re-send a signed or authenticated request (Basic credentials included) to wherever the
     * {@code Location} points, so a client that follows them is refused.
     */
    static HttpClient requireNoRedirects(HttpClient http) {
        if (http.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("the SMS senders need a client that follows no redirects");
        }
        return http;
    }

    /** An answer: its status and at most {@value #MAX_ANSWER_BYTES} bytes of its body. */
    record Answer(int status, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        boolean success() {
            return status >= 200 && status < 300;
        }

        /** The answer's JSON object, or null when it is not one. */
        JsonObject json() {
            if (body.length == 0) {
                return null;
            }
            try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(body))) {
                return reader.read() instanceof JsonObject o ? o : null;
            } catch (JsonException | IllegalStateException e) {
                return null;
            }
        }
    }

    /** The exchange ended without an answer; the message says why. */
    static final class NoAnswer extends Exception {
        NoAnswer(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Sends the request and reads the answer, within {@code timeout} for everything: {@link HttpRequest#timeout()}
     * alone bounds the wait for the answer's headers only, not a body that trickles in.
     *
     * @throws NoAnswer for a timeout, a refused or broken connection, an interruption (the thread's interrupt flag is
     *                  set again)
     */
    static Answer exchange(HttpClient http, HttpRequest request, Duration timeout) throws NoAnswer {
        CompletableFuture<HttpResponse<byte[]>> pending;
        try {
            pending = http.sendAsync(request, info -> new Bounded(MAX_ANSWER_BYTES));
        } catch (IllegalArgumentException e) {
            throw new NoAnswer("the request cannot be sent: " + e.getMessage());
        }
        try {
            HttpResponse<byte[]> response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(response.statusCode(), response.body());
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new NoAnswer("no answer within " + (timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s"
                    : timeout.toMillis() + " ms"));
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new NoAnswer("interrupted while waiting for the answer");
        } catch (ExecutionException e) {
            throw new NoAnswer("no answer: " + describe(e.getCause() == null ? e : e.getCause()));
        }
    }

    /** The exception's class and the first message in its chain ({@code ConnectException} often has none). */
    private static String describe(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null && message == null; t = t.getCause()) {
            message = t.getMessage();
        }
        return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }

    /** RETRY for the statuses that may pass later (408, 425, 429, 5xx), FAILED for the others. */
    static SendResult.Outcome unsuccessful(int status) {
        return status == 408 || status == 425 || status == 429 || status >= 500
                ? SendResult.Outcome.RETRY : SendResult.Outcome.FAILED;
    }

    /** Text of an answer for an error message: white space runs folded, at most a few hundred characters. */
    static String excerpt(String text) {
        String folded = text.strip().replaceAll("\\s+", " ");
        return folded.length() <= 300 ? folded : folded.substring(0, 299) + "…";
    }

    /**
     * Keeps at most {@code limit} bytes of a body, then cancels the rest: the caller never holds more than that,
     * whatever the platform sends.
     */
    static final class Bounded implements HttpResponse.BodySubscriber<byte[]> {

        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Bounded(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                int room = limit - bytes.size();
                int take = Math.min(room, buffer.remaining());
                byte[] chunk = new byte[take];
                buffer.get(chunk);
                bytes.write(chunk, 0, take);
                if (buffer.hasRemaining()) {
                    subscription.cancel();
                    result.complete(bytes.toByteArray());
                    return;
                }
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
