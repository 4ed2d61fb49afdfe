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
 * {@code ./run import touchpoints|ga-sessions|offline-conversions|conversion-adjustments|costs|store-orders|
 * platform-conversions FILE [--layout L | --platform P]}: POSTs a CSV file to the running server's import API
 * ({@code --layout} only for costs: google_ads, microsoft_ads, meta or plain; {@code --platform} only for platform
 * conversions: google_ads, microsoft_ads or meta; else detected from the header).
 */
final class CsvImport {

    static final Set<String> KINDS = Set.of("touchpoints", "ga-sessions", "offline-conversions", "conversion-adjustments",
            "costs", "store-orders", "platform-conversions");

    private CsvImport() {
    }

    /** Sends {@code file} as text/csv with the API key; prints the answer; a {@link LaunchException} unless 200. */
    static void send(String kind, Path file, int port, String apiKey) {
        send(kind, file, null, port, apiKey);
    }

    /** The option naming a kind's layout ({@code --layout}, {@code --platform}), null when the kind takes none. */
    static String option(String kind) {
        return switch (kind) {
            case "costs" -> "--layout";
            case "platform-conversions" -> "--platform";
            default -> null;
        };
    }

    /**
     * As {@link #send(String, Path, int, String)}, with the cost file's layout or the platform conversions file's
     * platform (null: detected by the server).
     */
    static void send(String kind, Path file, String layout, int port, String apiKey) {
        if (!KINDS.contains(kind)) {
            throw new LaunchException("unknown import '" + kind + "': use touchpoints, ga-sessions, offline-conversions, "
                    + "conversion-adjustments, costs, store-orders or platform-conversions");
        }
        if (layout != null && option(kind) == null) {
            throw new LaunchException("--layout is for cost files only, --platform for platform conversions");
        }
        if (layout != null && !layout.matches("[a-z_]{1,20}")) {
            throw new LaunchException(option(kind) + " is google_ads, microsoft_ads, meta"
                    + (kind.equals("costs") ? " or plain" : ""));
        }
        if (!Files.isReadable(file) || !Files.isRegularFile(file)) {
            throw new LaunchException("cannot read " + file);
        }
        try {
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/imports/" + kind
                            + (layout == null ? "" : "?" + option(kind).substring(2) + "=" + layout)))
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
