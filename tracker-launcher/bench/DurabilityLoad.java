import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load of durability.sh: sends single-event {@code POST /api/v1/events} requests with unique event
 * ids at a steady rate and records which ids Tracker acknowledged (202: stored, or a duplicate of a
 * stored one). Like a well-behaved client, it sends an unacknowledged event again with the same id after
 * a 429 or 503 (after {@code Retry-After}, at most 5 s), a broken connection or any other answer (after
 * 1 s; a restarting Payara answers 404 until Tracker is deployed), until
 * acknowledged or the final deadline; so an acknowledgement after a retry may be a duplicate of an
 * attempt that was committed but never answered.
 *
 * <p>Run with {@code java DurabilityLoad.java <base url> <api key> <events/s> <seconds> <out dir> <run id>}
 * (JDK 17, no dependencies). Writes {@code <out>/sent.txt} (every id made), {@code <out>/acked.txt}
 * (acknowledged ids) and prints one-line counts every 5 s and at the end. After {@code seconds} it makes no
 * new ids and waits up to 180 s for the outstanding ones.
 */
public class DurabilityLoad {

    private static final int WORKERS = 32;

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: java DurabilityLoad.java <base url> <api key> <events/s> <seconds> <out dir> <run id>");
            System.exit(2);
        }
        URI events = URI.create(args[0].replaceAll("/$", "") + "/api/v1/events");
        String key = args[1];
        int rate = Integer.parseInt(args[2]);
        long seconds = Long.parseLong(args[3]);
        Path out = Path.of(args[4]);
        String run = args[5];
        Files.createDirectories(out);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        BlockingQueue<String> todo = new LinkedBlockingQueue<>();
        ConcurrentMap<String, Boolean> outstanding = new ConcurrentHashMap<>();
        Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
        for (String c : new String[] {"sent", "acked", "stored", "duplicate", "retries", "429", "503", "io", "other"}) {
            counts.put(c, new AtomicLong());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 180);

        try (PrintWriter sent = new PrintWriter(Files.newBufferedWriter(out.resolve("sent.txt")));
             PrintWriter acked = new PrintWriter(Files.newBufferedWriter(out.resolve("acked.txt")))) {
            Thread[] workers = new Thread[WORKERS];
            for (int w = 0; w < WORKERS; w++) {
                workers[w] = new Thread(() -> {
                    try {
                        while (true) {
                            String id = todo.poll(500, TimeUnit.MILLISECONDS);
                            if (id != null) {
                                if (deliver(http, events, key, id, counts, acked, deadline)) {
                                    outstanding.remove(id);
                                }
                            } else if (generatorDone) {
                                return;
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                workers[w].start();
            }

            long start = System.nanoTime();
            long made = 0;
            long lastReport = start;
            while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(seconds)) {
                long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
                while (made < due) {
                    String id = run + "-" + (++made);
                    outstanding.put(id, true);
                    synchronized (sent) {
                        sent.println(id);
                    }
                    counts.get("sent").incrementAndGet();
                    todo.add(id);
                }
                if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(5)) {
                    lastReport = System.nanoTime();
                    report(counts, todo.size());
                }
                Thread.sleep(5);
            }
            generatorDone = true;
            for (Thread t : workers) {
                while (t.isAlive()) {
                    t.join(5_000);
                    if (t.isAlive()) {
                        report(counts, todo.size());
                    }
                }
            }
            report(counts, todo.size());
            System.out.println("DURABILITY-LOAD unacknowledged=" + outstanding.size());
        }
    }

    private static volatile boolean generatorDone;

    private static boolean deliver(HttpClient http, URI events, String key, String id, Map<String, AtomicLong> counts,
                                PrintWriter acked, long deadline) throws InterruptedException {
        String body = "{\"events\":[{\"event_id\":\"" + id + "\",\"type\":\"touchpoint\",\"timestamp\":\""
                + Instant.now() + "\",\"visitor_id\":\"v-" + id + "\",\"utm_source\":\"durability\"}]}";
        HttpRequest request = HttpRequest.newBuilder(events).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        boolean first = true;
        while (System.nanoTime() < deadline) {
            if (!first) {
                counts.get("retries").incrementAndGet();
            }
            first = false;
            long waitMillis;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 202) {
                    counts.get("acked").incrementAndGet();
                    counts.get(response.body().contains("\"accepted\":1") ? "stored" : "duplicate").incrementAndGet();
                    synchronized (acked) {
                        acked.println(id);
                    }
                    return true;
                }
                if (status == 429 || status == 503) {
                    counts.get(Integer.toString(status)).incrementAndGet();
                    waitMillis = 1000L * Math.min(5, Math.max(1,
                            Long.parseLong(response.headers().firstValue("Retry-After").orElse("1"))));
                } else {
                    // 404 while Payara restarts and has not deployed Tracker yet; anything else is worth a look
                    counts.computeIfAbsent(Integer.toString(status), s -> new AtomicLong()).incrementAndGet();
                    if (status != 404 && counts.get("other").incrementAndGet() <= 5) {
                        String answer = response.body();
                        System.err.println("unexpected answer " + status + " for " + id + ": "
                                + answer.substring(0, Math.min(200, answer.length())));
                    }
                    waitMillis = 1000;
                }
            } catch (IOException e) {
                counts.get("io").incrementAndGet();
                waitMillis = 1000;
            }
            Thread.sleep(waitMillis);
        }
        return false;
    }

    private static void report(Map<String, AtomicLong> counts, int queued) {
        StringBuilder line = new StringBuilder("DURABILITY-LOAD " + Instant.now().toString().substring(11, 19));
        counts.forEach((k, v) -> line.append(' ').append(k).append('=').append(v.get()));
        System.out.println(line.append(" queued=").append(queued));
    }
}
