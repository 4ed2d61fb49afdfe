import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latency of signed-in pages, one GET at a time over one kept-alive connection (what one person clicking through
 * the dashboard sees): {@code java PageLatency.java BASE_URL COOKIE_JAR REQUESTS WARMUP PATH...}.
 *
 * <p>Requests carry the cookies of curl's cookie jar ({@code curl -c}, Netscape format) whose host is the base
 * URL's and whose path the request's path starts with (the session of a sign-in made with curl). A path written
 * {@code anon:/app/welcome.xhtml} is sent without cookies. Per path, over REQUESTS requests after WARMUP
 * unmeasured ones: p50, p95, p99 and max of the client's time (request sent until the whole body is read) and of
 * the server's, the {@code app} entry of the {@code Server-Timing} header ({@code app;dur=12.3}, milliseconds;
 * "-" without it). Any answer other than 200 stops the run with an error, and so does a page that says "sign in"
 * instead of showing figures: a path may end with {@code |MARKER}, text the page must contain.
 */
public final class PageLatency {

    private static final Pattern APP_DURATION = Pattern.compile("(?:^|,)\\s*app\\s*;(?:[^,]*;)?\\s*dur=([0-9.]+)");

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: java PageLatency.java BASE_URL COOKIE_JAR REQUESTS WARMUP PATH[|MARKER]...");
            System.exit(2);
        }
        URI base = URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/");
        List<String[]> jar = cookies(Path.of(args[1]), base.getHost());
        int requests = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        System.out.printf("%-84s %-44s %s%n", "", "server (Server-Timing app), ms", "client (whole answer), ms");
        System.out.printf("%-84s %-44s %s%n", "", "p50     p95     p99     max", "p50     p95     p99     max");
        for (int p = 4; p < args.length; p++) {
            String spec = args[p];
            String marker = null;
            int bar = spec.indexOf('|');
            if (bar >= 0) {
                marker = spec.substring(bar + 1);
                spec = spec.substring(0, bar);
            }
            boolean anonymous = spec.startsWith("anon:");
            String path = anonymous ? spec.substring("anon:".length()) : spec;
            URI uri = base.resolve(path.startsWith("/") ? path.substring(1) : path);
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
            String cookie = anonymous ? "" : cookieHeader(jar, uri.getPath());
            if (!cookie.isEmpty()) {
                builder.header("Cookie", cookie);
            }
            HttpRequest request = builder.build();
            double[] client = new double[requests];
            double[] server = new double[requests];
            boolean timed = true;
            for (int i = -warmup; i < requests; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                long t1 = System.nanoTime();
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("GET " + uri + " answered " + r.statusCode()
                            + r.headers().firstValue("Location").map(l -> " to " + l).orElse("")
                            + " (signed out? the session expires after 30 idle minutes)");
                }
                if (marker != null && !r.body().contains(marker)) {
                    throw new IllegalStateException("GET " + uri + " does not contain '" + marker + "': "
                            + r.body().substring(0, Math.min(2000, r.body().length())));
                }
                Optional<Double> app = serverTiming(r.headers().allValues("Server-Timing"));
                if (i >= 0) {
                    client[i] = (t1 - t0) / 1e6;
                    server[i] = app.orElse(Double.NaN);
                    timed &= app.isPresent();
                }
            }
            Arrays.sort(client);
            Arrays.sort(server);
            String serverColumn = timed ? String.format("%7.1f %7.1f %7.1f %7.1f", pct(server, 50), pct(server, 95),
                    pct(server, 99), server[server.length - 1]) : String.format("%7s %7s %7s %7s", "-", "-", "-", "-");
            System.out.printf("%-84s %-44s %7.1f %7.1f %7.1f %7.1f  (n=%d)%n", "GET " + spec, serverColumn,
                    pct(client, 50), pct(client, 95), pct(client, 99), client[client.length - 1], requests);
        }
    }

    /** The {@code app} entry's duration in milliseconds, if one of the headers has it. */
    static Optional<Double> serverTiming(List<String> headers) {
        for (String header : headers) {
            Matcher m = APP_DURATION.matcher(header);
            if (m.find()) {
                return Optional.of(Double.parseDouble(m.group(1)));
            }
        }
        return Optional.empty();
    }

    /** The jar's cookies of this host: {path, name, value}. */
    static List<String[]> cookies(Path file, String host) throws IOException {
        List<String[]> cookies = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("#HttpOnly_")) {
                line = line.substring("#HttpOnly_".length());
            } else if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length >= 7 && f[0].replaceFirst("^\\.", "").equalsIgnoreCase(host)) {
                cookies.add(new String[] {f[2], f[5], f[6]});
            }
        }
        return cookies;
    }

    static String cookieHeader(List<String[]> jar, String path) {
        StringBuilder header = new StringBuilder();
        for (String[] c : jar) {
            if (path.startsWith(c[0])) {
                header.append(header.length() == 0 ? "" : "; ").append(c[1]).append('=').append(c[2]);
            }
        }
        return header.toString();
    }

    /** Nearest-rank percentile of sorted values. */
    static double pct(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
