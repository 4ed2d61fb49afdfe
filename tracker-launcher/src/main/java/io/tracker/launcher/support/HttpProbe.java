package io.tracker.launcher.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP GETs to the local servers (health, Keycloak's realm), never throwing for a server that is down. */
public final class HttpProbe {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .build();

    /** A response: HTTP status (0 when nothing answered) and body. */
    public record Answer(int status, String body) {

        /** True for a 200 whose body is MicroProfile Health's {@code "status":"UP"}. */
        public boolean healthUp() {
            return status == 200 && body.replace(" ", "").contains("\"status\":\"UP\"");
        }
    }

    private HttpProbe() {
    }

    /** GETs {@code url} (10 s at most); status 0 and an empty body when the server cannot be reached. */
    public static Answer get(String url) {
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(0, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted");
        }
    }
}
