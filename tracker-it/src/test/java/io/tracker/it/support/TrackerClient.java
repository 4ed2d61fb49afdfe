package io.tracker.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Client side: talks HTTP to the Tracker under test as an API user would, with
 * {@link java.net.http.HttpClient}, plus the test-only fixture endpoints ({@link FixtureServlet}).
 * The base URL is the system property {@code tracker.it.base-url} (failsafe sets it to the test
 * domain, {@code http://localhost:28080/}).
 *
 * <p>A {@code bearer} is what goes after {@code Authorization: Bearer}: a tenant API key
 * ({@code trk_…}) or an OpenID Connect access token (see {@link KeycloakLogin}); a {@code tenant}
 * is sent as the {@code X-Tracker-Tenant} header. Either may be null to leave the header out.
 */
public final class TrackerClient {

    /** Longest wait for the attribution worker ({@link #awaitAttribution}); it needs about a second. */
    public static final Duration ATTRIBUTION_TIMEOUT = Duration.ofSeconds(60);

    /** Base URL of the application under test, ending in {@code /}. */
    public static final URI BASE_URL = URI.create(System.getProperty("tracker.it.base-url", "http://localhost:28080/"));

    /** HTTP/1.1 as most API clients speak it (the JDK client would otherwise try an h2c upgrade). */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** A fresh tenant whose key holds every scope; {@code actions} as in the method below. */
    public TestTenant createTenant(String label, ZoneId zone, String currency, String... actions) {
        return createTenantWithScopes(label, zone, currency, "READ,WRITE", actions);
    }

    /**
     * A fresh tenant (every scope on its key) holding these events, each accepted (none rejected, none a
     * duplicate), and attributed ({@link #awaitAttribution}): the set-up of tests that read reports of
     * known events.
     *
     * @param events an events API body, {@code {"events":[…]}} (see {@link Events#batch})
     * @throws AssertionError when the events API does not accept every event
     */
    public TestTenant createTenantWithEvents(String label, ZoneId zone, String currency, String events) {
        TestTenant tenant = createTenant(label, zone, currency);
        int sent;
        try (JsonReader reader = Json.createReader(new StringReader(events))) {
            sent = reader.readObject().getJsonArray("events").size();
        }
        ApiResponse r = postEvents(tenant.apiKey(), events);
        if (r.status() != 202 || r.json().getInt("accepted") != sent) {
            throw new AssertionError("expected all " + sent + " events of tenant '" + label + "' accepted, got " + r);
        }
        awaitAttribution(tenant);
        return tenant;
    }

    /**
     * A fresh tenant.
     *
     * @param scopes  comma-separated API key scopes ({@code READ}, {@code WRITE})
     * @param actions extra conversion actions as {@code key:MACRO|MICRO:EVERY|ONE:defaultValue}
     */
    public TestTenant createTenantWithScopes(String label, ZoneId zone, String currency, String scopes,
                                             String... actions) {
        List<String> form = new ArrayList<>(List.of("label=" + enc(label), "zone=" + enc(zone.getId()),
                "currency=" + enc(currency), "scopes=" + enc(scopes)));
        for (String a : actions) {
            form.add("action=" + enc(a));
        }
        ApiResponse r = send(request("it-fixtures/tenants")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", form))));
        if (r.status() != 201) {
            throw new AssertionError("creating a test tenant failed: " + r);
        }
        JsonObject j = r.json();
        return new TestTenant(j.getString("id"), j.getString("agency_id"), j.getString("name"),
                j.getString("time_zone"), j.getString("currency"), j.getString("api_key"));
    }

    /**
     * A fresh tenant with an API key in an existing agency (a second client of the same agency).
     *
     * @param scopes comma-separated API key scopes ({@code READ}, {@code WRITE})
     */
    public TestTenant createTenantInAgency(String agencyId, String label, String scopes) {
        ApiResponse r = send(request("it-fixtures/tenants")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", "label=" + enc(label),
                        "scopes=" + enc(scopes), "agency=" + enc(agencyId)))));
        if (r.status() != 201) {
            throw new AssertionError("creating a test tenant failed: " + r);
        }
        JsonObject j = r.json();
        return new TestTenant(j.getString("id"), j.getString("agency_id"), j.getString("name"),
                j.getString("time_zone"), j.getString("currency"), j.getString("api_key"));
    }

    /** As {@link #createTenantInAgency(String, String, String)}, with the client's time zone and currency. */
    public TestTenant createTenantInAgency(String agencyId, String label, ZoneId zone, String currency, String scopes) {
        ApiResponse r = send(request("it-fixtures/tenants")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", "label=" + enc(label),
                        "scopes=" + enc(scopes), "agency=" + enc(agencyId), "zone=" + enc(zone.getId()),
                        "currency=" + enc(currency)))));
        if (r.status() != 201) {
            throw new AssertionError("creating a test tenant failed: " + r);
        }
        JsonObject j = r.json();
        return new TestTenant(j.getString("id"), j.getString("agency_id"), j.getString("name"),
                j.getString("time_zone"), j.getString("currency"), j.getString("api_key"));
    }

    /**
     * Makes the person or service account with this address an agency admin of the agency (the test
     * database has no demo memberships); they act as such from their next access token on.
     */
    public void addAgencyAdmin(String agencyId, String email) {
        fixturePost("it-fixtures/agencies/" + agencyId + "/admins", "email=" + enc(email));
    }

    /**
     * Invites the address into the tenant with the role ({@code ANALYST} or {@code VIEWER}), through
     * the product's membership service (audit actor {@code system}).
     */
    public void invite(String tenantId, String email, String role) {
        fixturePost("it-fixtures/tenants/" + tenantId + "/members", "email=" + enc(email) + "&role=" + enc(role));
    }

    /**
     * Every row the tenant owns, table by table, read in SQL (see {@link FixtureServlet}): two
     * snapshots are equal exactly when nothing of the tenant changed in between.
     */
    public JsonObject tenantState(String tenantId) {
        ApiResponse r = send(request("it-fixtures/tenants/" + tenantId + "/state").GET());
        if (r.status() != 200) {
            throw new AssertionError("reading the tenant's rows failed: " + r);
        }
        return r.json();
    }

    /**
     * Adds a website to the tenant (see {@link FixtureServlet}) and returns its public site key.
     *
     * @param consentRequired true: the site requires consent before identifiers
     */
    public String createSite(String tenantId, String name, List<String> domains, boolean consentRequired) {
        List<String> form = new ArrayList<>(List.of("name=" + enc(name), "consent=" + consentRequired));
        domains.forEach(d -> form.add("domain=" + enc(d)));
        ApiResponse r = send(request("it-fixtures/tenants/" + tenantId + "/sites")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", form))));
        if (r.status() != 201) {
            throw new AssertionError("creating a test site failed: " + r);
        }
        return r.json().getString("site_key");
    }

    /** A website of the tenant with these domains (no consent required); answers its site key. */
    public String addSite(String tenantId, String... domains) {
        return createSite(tenantId, "IT site", List.of(domains), false);
    }

    /**
     * One hit of way in TAG through the collection core, as the beacon endpoint hands it over (form
     * fields of {@code /it-fixtures/tenants/<id>/tag-hits}); answers its outcome ({@code STORED}…).
     */
    public String tagHit(String tenantId, Map<String, String> fields) {
        ApiResponse r = send(request("it-fixtures/tenants/" + tenantId + "/tag-hits")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(query(fields))));
        if (r.status() != 200) {
            throw new AssertionError("sending a test tag hit failed: " + r);
        }
        return r.json().getString("outcome");
    }

    private void fixturePost(String path, String form) {
        ApiResponse r = send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (r.status() != 201) {
            throw new AssertionError("fixture " + path + " failed: " + r);
        }
    }

    /** What the tenant has stored, counted straight from the tables. */
    public StoredCounts storedCounts(TestTenant tenant) {
        return storedCounts(tenant.id());
    }

    /** What the tenant with this id has stored, counted straight from the tables. */
    public StoredCounts storedCounts(String tenantId) {
        ApiResponse r = send(request("it-fixtures/tenants/" + tenantId + "/counts").GET());
        if (r.status() != 200) {
            throw new AssertionError("counting stored rows failed: " + r);
        }
        JsonObject j = r.json();
        return new StoredCounts(j.getJsonNumber("touchpoints").longValue(), j.getJsonNumber("conversions").longValue(),
                j.getJsonNumber("event_receipts").longValue(), j.getJsonNumber("attribution_credits").longValue());
    }

    /**
     * Visitors of the tenant waiting for the attribution worker ({@code attribution_pending}, see
     * {@link FixtureServlet}).
     */
    public long pendingAttribution(String tenantId) {
        ApiResponse r = send(request("it-fixtures/tenants/" + tenantId + "/counts").GET());
        if (r.status() != 200) {
            throw new AssertionError("counting stored rows failed: " + r);
        }
        return r.json().getJsonNumber("attribution_pending").longValue();
    }

    /** {@link #awaitAttribution(String)} for a test tenant. */
    public void awaitAttribution(TestTenant tenant) {
        awaitAttribution(tenant.id());
    }

    /**
     * Waits until the attribution worker has re-attributed every visitor of the tenant marked so far
     * (no committed mark left, so every credit of the events stored before this call is committed).
     * Attribution runs off the request path: call this after sending events and before reading
     * reports or credits. Polls every 50 ms, for at most {@link #ATTRIBUTION_TIMEOUT}.
     *
     * @throws AssertionError when marks are still there after the timeout (with {@code /health}'s answer)
     */
    public void awaitAttribution(String tenantId) {
        Waits.until(() -> pendingAttribution(tenantId) == 0, ATTRIBUTION_TIMEOUT,
                () -> "the attribution worker did not re-attribute tenant " + tenantId + "'s "
                        + pendingAttribution(tenantId) + " pending visitors within " + ATTRIBUTION_TIMEOUT
                        + "; /health: " + send(request("health").GET()).body());
    }

    /** {@code POST /api/v1/events} with a JSON body; {@code apiKey} null sends no Authorization header. */
    public ApiResponse postEvents(String apiKey, String json) {
        return post("api/v1/events", apiKey, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** A POST with any body and content type; {@code apiKey} null sends no Authorization header. */
    public ApiResponse post(String path, String apiKey, String contentType, byte[] body) {
        HttpRequest.Builder b = request(path)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return send(authorized(b, apiKey));
    }

    /** A GET of a path relative to the base URL, such as {@code api/v1/reports/summary?from=...}. */
    public ApiResponse get(String pathAndQuery, String apiKey) {
        return send(authorized(request(pathAndQuery).GET(), apiKey));
    }

    /** A GET with a bearer credential and, when not null, {@code X-Tracker-Tenant}. */
    public ApiResponse get(String pathAndQuery, String bearer, String tenant) {
        return send(headers(request(pathAndQuery).GET(), bearer, tenant));
    }

    /** A POST of a JSON body ({@code json} null: an empty body). */
    public ApiResponse postJson(String path, String bearer, String tenant, String json) {
        return send(headers(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)), bearer, tenant));
    }

    /** A PUT of a JSON body. */
    public ApiResponse putJson(String path, String bearer, String tenant, String json) {
        return send(headers(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), bearer, tenant));
    }

    /** A DELETE. */
    public ApiResponse delete(String path, String bearer, String tenant) {
        return send(headers(request(path).DELETE(), bearer, tenant));
    }

    private static HttpRequest.Builder headers(HttpRequest.Builder b, String bearer, String tenant) {
        authorized(b, bearer);
        return tenant == null ? b : b.header("X-Tracker-Tenant", tenant);
    }

    /** {@code GET /api/v1/reports/attribution}; fails unless it answers 200. */
    public JsonObject attribution(TestTenant t, String model, String from, String to, String dimension) {
        return attribution(t, Map.of("model", model, "from", from, "to", to, "dimension", dimension));
    }

    /** {@code GET /api/v1/reports/attribution} with these query parameters; fails unless it answers 200. */
    public JsonObject attribution(TestTenant t, Map<String, String> query) {
        return ok(get("api/v1/reports/attribution?" + query(query), t.apiKey()));
    }

    /** {@code GET /api/v1/reports/summary}; fails unless it answers 200. */
    public JsonObject summary(TestTenant t, String from, String to) {
        return ok(get("api/v1/reports/summary?" + query(Map.of("from", from, "to", to)), t.apiKey()));
    }

    /** The URL-encoded query string of these parameters, in name order. */
    public static String query(Map<String, String> params) {
        return new TreeMap<>(params).entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static JsonObject ok(ApiResponse r) {
        if (r.status() != 200) {
            throw new AssertionError("expected HTTP 200, got " + r);
        }
        return r.json();
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder b, String apiKey) {
        return apiKey == null ? b : b.header("Authorization", "Bearer " + apiKey);
    }

    /**
     * A request builder for a path relative to the base URL (5-minute timeout: a large import is
     * slow on a busy 2-core machine), for requests the methods above cannot make.
     */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(BASE_URL.resolve(path)).timeout(Duration.ofMinutes(5));
    }

    /** Sends any request. */
    public ApiResponse send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String type = r.headers().firstValue("Content-Type").orElse("");
            int semicolon = type.indexOf(';');
            type = (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
            Map<String, List<String>> headers = new TreeMap<>();
            r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
            return new ApiResponse(r.statusCode(), type, r.body(), headers);
        } catch (IOException e) {
            throw new AssertionError("HTTP request to " + request.build().uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
