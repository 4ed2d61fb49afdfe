import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures event ingestion throughput of a running Tracker: posts batches of events (each visitor
 * two touchpoints and, one time in five, a purchase) from several client threads and prints
 * events per second and batch latency percentiles. A benchmark, not a test: it checks nothing
 * but the HTTP status, and it stops after a fixed number of batches.
 *
 * <pre>
 * java tracker-it/src/bench/IngestionBenchmark.java [baseUrl] [apiKey] [batches] [eventsPerBatch] [threads]
 * java tracker-it/src/bench/IngestionBenchmark.java http://localhost:8080 "$(cat .tracker/demo-api-key)" 200 500 4
 * </pre>
 *
 * Events go to the key's tenant with visitor ids prefixed {@code bench-<run>-}, timestamped within
 * the last hour, so they appear in that tenant's reports.
 */
public class IngestionBenchmark {

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        String key = args.length > 1 ? args[1] : System.getenv("TRACKER_API_KEY");
        int batches = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int perBatch = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        if (key == null || key.isBlank()) {
            System.err.println("usage: IngestionBenchmark baseUrl apiKey [batches] [eventsPerBatch] [threads]");
            System.exit(2);
        }
        String run = Long.toString(System.currentTimeMillis(), 36);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create(base + "/api/v1/events");

        // warm-up: 5 small batches, not measured
        for (int w = 0; w < 5; w++) {
            send(client, uri, key, body(run + "-warm", w, 50));
        }

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Long>> latencies = new ArrayList<>();
        long start = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            String json = body(run, b, perBatch);
            latencies.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                send(client, uri, key, json);
                return System.nanoTime() - t0;
            }));
        }
        List<Long> nanos = new ArrayList<>();
        for (Future<Long> f : latencies) {
            nanos.add(f.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        nanos.sort(Long::compare);
        long events = (long) batches * perBatch;
        System.out.printf(Locale.ROOT, "batches %d x %d events, %d client threads%n", batches, perBatch, threads);
        System.out.printf(Locale.ROOT, "events %d in %.2f s: %.0f events/s%n", events, seconds, events / seconds);
        System.out.printf(Locale.ROOT, "batch latency ms: p50 %.1f, p95 %.1f, max %.1f%n",
                nanos.get(nanos.size() / 2) / 1e6, nanos.get((int) (nanos.size() * 0.95)) / 1e6,
                nanos.get(nanos.size() - 1) / 1e6);
    }

    private static void send(HttpClient client, URI uri, String key, String json) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
        }
    }

    /** One batch: visitors with two touchpoints each, every fifth visitor converting. */
    private static String body(String run, int batch, int events) {
        StringBuilder sb = new StringBuilder("{\"events\":[");
        Instant now = Instant.now().minusSeconds(3600);
        int n = 0;
        for (int v = 0; n < events; v++) {
            String visitor = "bench-" + run + "-" + batch + "-" + v;
            String[] channels = {"utm_medium\":\"email", "gclid\":\"g" + v, "referrer\":\"https://www.google.com/"};
            for (int t = 0; t < 2 && n < events; t++, n++) {
                sb.append(n == 0 ? "" : ",").append("{\"event_id\":\"").append(visitor).append("-t").append(t)
                        .append("\",\"type\":\"touchpoint\",\"timestamp\":\"").append(now.plusSeconds(t * 60L))
                        .append("\",\"visitor_id\":\"").append(visitor).append("\",\"")
                        .append(channels[(v + t) % channels.length]).append("\"}");
            }
            if (v % 5 == 0 && n < events) {
                sb.append(",{\"event_id\":\"").append(visitor).append("-c\",\"type\":\"conversion\",\"timestamp\":\"")
                        .append(now.plusSeconds(300)).append("\",\"visitor_id\":\"").append(visitor)
                        .append("\",\"action\":\"purchase\",\"value\":42.5,\"order_id\":\"").append(visitor).append("\"}");
                n++;
            }
        }
        return sb.append("]}").toString();
    }
}
