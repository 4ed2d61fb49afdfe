package io.tracker.launcher;

import io.tracker.launcher.support.LaunchException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * {@code ./run import touchpoints|ga-sessions|offline-conversions|conversion-adjustments|costs FILE [--layout L]}: POSTs
 * a CSV file to the running server's import API ({@code --layout} only for costs: google_ads, microsoft_ads, meta or
 * plain, else detected from the header).
 */
final class CsvImport {

    static final Set<String> KINDS = Set.of("touchpoints", "ga-sessions", "offline-conversions", "conversion-adjustments",
            "costs");

    private CsvImport() {
    }

    /** Sends {@code file} as text/csv with the API key; prints the answer; a {@link LaunchException} unless 200. */
    static void send(String kind, Path file, int port, String apiKey) {
        send(kind, file, null, port, apiKey);
    }

    /** As {@link #send(String, Path, int, String)}, with the cost file's layout (null: detected by the server). */
    static void send(String kind, Path file, String layout, int port, String apiKey) {
        if (!KINDS.contains(kind)) {
            throw new LaunchException("unknown import '" + kind + "': use touchpoints, ga-sessions, offline-conversions, "
                    + "conversion-adjustments or costs");
        }
        if (layout != null && !kind.equals("costs")) {
            throw new LaunchException("--layout is for cost files only");
        }
        if (layout != null && !layout.matches("[a-z_]{1,20}")) {
            throw new LaunchException("--layout is google_ads, microsoft_ads, meta or plain");
        }
        if (!Files.isReadable(file) || !Files.isRegularFile(file)) {
            throw new LaunchException("cannot read " + file);
        }
        try {
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/imports/" + kind
                            + (layout == null ? "" : "?layout=" + layout)))
                            .header("Authorization", "Bearer " + apiKey).header("Content-Type", "text/csv")
                            .POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                            HttpResponse.BodyHandlers.ofString());
            System.out.println(response.body());
            if (response.statusCode() != 200) {
                throw new LaunchException("the import answered HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            throw new LaunchException("the request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted");
        }
    }
}
