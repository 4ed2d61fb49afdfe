import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/**
 * Latency of GET requests, one at a time over one kept-alive connection (what one dashboard user or
 * report client sees): {@code java ReportLatency.java BASE_URL API_KEY REQUESTS WARMUP PATH...}. Prints
 * one line per path: p50, p95, p99 and max in milliseconds over REQUESTS requests after WARMUP unmeasured
 * ones; any answer other than 200 stops the run with an error.
 */
public final class ReportLatency {

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: java ReportLatency.java BASE_URL API_KEY REQUESTS WARMUP PATH...");
            System.exit(2);
        }
        URI base = URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/");
        String key = args[1];
        int requests = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        for (int p = 4; p < args.length; p++) {
            String path = args[p].startsWith("/") ? args[p].substring(1) : args[p];
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + key)
                    .timeout(Duration.ofSeconds(30)).GET().build();
            double[] millis = new double[requests];
            for (int i = -warmup; i < requests; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                long t1 = System.nanoTime();
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("GET /" + path + " answered " + r.statusCode() + ": " + r.body());
                }
                if (i >= 0) {
                    millis[i] = (t1 - t0) / 1e6;
                }
            }
            Arrays.sort(millis);
            System.out.printf("%-110s p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  max %7.2f ms  (n=%d)%n", "GET /" + path,
                    pct(millis, 50), pct(millis, 95), pct(millis, 99), millis[millis.length - 1], requests);
        }
    }

    /** Nearest-rank percentile of sorted values. */
    static double pct(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
