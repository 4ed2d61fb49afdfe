package io.tracker.it.support;

import io.tracker.domain.shared.ConflictException;
import io.tracker.domain.shared.DomainException;
import io.tracker.domain.shared.NotFoundException;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.domain.tenant.TenantMember;
import io.tracker.domain.tenant.TenantRole;
import io.tracker.application.tracking.collection.CollectedHit;
import io.tracker.application.tracking.collection.HitOutcome;
import io.tracker.application.tracking.collection.HitType;
import io.tracker.domain.tracking.WayIn;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Server side, added only to test deployments (never part of the product): lets client-side tests,
 * which run in another JVM, set up tenants and memberships and look at what was stored.
 *
 * <ul>
 *   <li>{@code POST /it-fixtures/tenants} with form parameters {@code label}, {@code zone} (IANA id,
 *       default UTC), {@code currency} (default EUR), {@code scopes} (comma-separated
 *       {@link ApiKeyScope} names, default all), optional {@code agency} (id of an existing agency;
 *       default: a new agency) and any number of {@code action} ({@code key:CATEGORY:COUNTING:defaultValue}):
 *       answers 201 with {@code {"id","agency_id","name","time_zone","currency","api_key"}}.</li>
 *   <li>{@code POST /it-fixtures/agencies/<agencyId>/admins} with {@code email}: makes that person
 *       (or service account) an agency admin; 201 {@code {"agency_id","email"}}.</li>
 *   <li>{@code POST /it-fixtures/tenants/<id>/members} with {@code email} and {@code role}
 *       ({@code ANALYST}, {@code VIEWER}): invites through the membership service; 201
 *       {@code {"tenant_id","email","role"}}.</li>
 *   <li>{@code POST /it-fixtures/tenants/<id>/sites} with any number of {@code domain}: a website (no
 *       consent required); 201 {@code {"site_key"}}.</li>
 *   <li>{@code POST /it-fixtures/tenants/<id>/tag-hits} with {@code type} ({@code page_view} starting a
 *       visit, or {@code conversion}), {@code event_id}, {@code vid}, {@code url}, {@code user_agent},
 *       {@code action}, {@code value}, {@code order_id}: one hit of way in TAG through the collector, as the
 *       beacon endpoint hands it over; 200 {@code {"outcome"}} once committed.</li>
 *   <li>{@code GET /it-fixtures/tenants/<id>/counts}: the tenant's stored rows, counted in SQL
 *       straight from the tables through the tenant-scoped JDBC path ({@link TenantRows}), {@code {"touchpoints","conversions","event_receipts",
 *       "attribution_credits","attribution_pending"}}, so a test can prove that a rejected request stored nothing
 *       at all, and wait for the attribution worker ({@code attribution_pending}: visitors waiting).</li>
 *   <li>{@code POST /it-fixtures/tenants/<id>/sites} with {@code name}, {@code domain} (repeated) and
 *       {@code consent} ({@code true}: consent required): adds a website through the product's
 *       {@code SiteService}; 201 {@code {"id","site_key","consent_required"}}.</li>
 *   <li>{@code GET /it-fixtures/tenants/<id>/state}: every row the tenant owns, read in SQL from each
 *       table with a {@code tenant_id} column (found in the database catalogue, so new tables are
 *       included), plus its {@code tenant} row and its agency's {@code agency_member} rows:
 *       {@code {"<table>":[{"<column>":<value>,…},…],…}}, each row as PostgreSQL's {@code to_jsonb}
 *       renders it, rows sorted by that text. Two snapshots are equal exactly when nothing of the
 *       tenant changed.</li>
 * </ul>
 *
 * A domain error (unknown tenant or agency, a duplicate) answers its status (404, 409, 400) with
 * the message as plain text.
 */
@WebServlet("/it-fixtures/*")
public class FixtureServlet extends HttpServlet {

    private static final Pattern AGENCY_ADMINS = Pattern.compile("/agencies/([^/]+)/admins");
    private static final Pattern MEMBERS = Pattern.compile("/tenants/([^/]+)/members");
    private static final Pattern COUNTS = Pattern.compile("/tenants/([^/]+)/counts");
    private static final Pattern STATE = Pattern.compile("/tenants/([^/]+)/state");
    private static final Pattern SITES = Pattern.compile("/tenants/([^/]+)/sites");
    private static final Pattern TAG_HITS = Pattern.compile("/tenants/([^/]+)/tag-hits");

    @Inject
    private TenantFixture fixture;

    @Inject
    private TenantRows rows;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = path(req);
        try {
            Matcher m;
            if ("/tenants".equals(path)) {
                createTenant(req, resp);
            } else if ((m = AGENCY_ADMINS.matcher(path)).matches()) {
                String email = fixture.addAgencyAdmin(m.group(1), required(req, "email"));
                json(resp, 201, Json.createObjectBuilder().add("agency_id", m.group(1)).add("email", email).build());
            } else if ((m = MEMBERS.matcher(path)).matches()) {
                TenantMember member = fixture.invite(m.group(1), required(req, "email"),
                        TenantRole.valueOf(required(req, "role").toUpperCase(Locale.ROOT)));
                json(resp, 201, Json.createObjectBuilder().add("tenant_id", m.group(1))
                        .add("email", member.getEmail()).add("role", member.getRole().name()).build());
            } else if ((m = SITES.matcher(path)).matches()) {
                createSite(m.group(1), req, resp);
            } else if ((m = TAG_HITS.matcher(path)).matches()) {
                tagHit(m.group(1), req, resp);
            } else {
                resp.sendError(404);
            }
        } catch (RuntimeException e) {
            domainError(resp, e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = path(req);
        Matcher m;
        try {
            if ((m = COUNTS.matcher(path)).matches()) {
                json(resp, 200, rows.counts(m.group(1)));
            } else if ((m = STATE.matcher(path)).matches()) {
                json(resp, 200, rows.state(m.group(1)));
            } else {
                resp.sendError(404);
            }
        } catch (SQLException e) {
            throw new IOException("reading the tenant's rows failed", e);
        }
    }

    private void createTenant(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String label = param(req, "label", "it");
        ZoneId zone = ZoneId.of(param(req, "zone", "UTC"));
        String currency = param(req, "currency", "EUR");
        Set<ApiKeyScope> scopes = req.getParameter("scopes") == null ? EnumSet.allOf(ApiKeyScope.class)
                : Arrays.stream(req.getParameter("scopes").split(",")).map(String::trim).map(ApiKeyScope::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ApiKeyScope.class)));
        List<TenantFixture.ActionSpec> actions = req.getParameterValues("action") == null ? List.of()
                : Arrays.stream(req.getParameterValues("action")).map(TenantFixture.ActionSpec::parse).toList();
        TestTenant t = fixture.create(param(req, "agency", null), label, zone, currency, scopes, actions);
        json(resp, 201, Json.createObjectBuilder()
                .add("id", t.id()).add("agency_id", t.agencyId()).add("name", t.name())
                .add("time_zone", t.timeZone()).add("currency", t.currency()).add("api_key", t.apiKey())
                .build());
    }

    /** {@code POST /it-fixtures/tenants/<id>/sites}: {@code name}, {@code domain} (repeated), {@code consent} (true/false). */
    private void createSite(String tenantId, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<String> domains = req.getParameterValues("domain") == null ? List.of()
                : Arrays.asList(req.getParameterValues("domain"));
        io.tracker.application.tracking.collection.Site site = fixture.createSite(tenantId,
                param(req, "name", "IT site"), domains, Boolean.parseBoolean(param(req, "consent", "false")));
        json(resp, 201, Json.createObjectBuilder().add("id", site.id()).add("site_key", site.siteKey())
                .add("consent_required", site.consentRequired()).build());
    }

    private void tagHit(String tenantId, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        boolean conversion = "conversion".equals(param(req, "type", "page_view"));
        CollectedHit.Builder hit = CollectedHit.builder(WayIn.TAG, conversion ? HitType.CONVERSION : HitType.PAGE_VIEW)
                .eventId(param(req, "event_id", null)).visitorId(param(req, "vid", null))
                .url(param(req, "url", null)).userAgent(param(req, "user_agent", null)).startsVisit(!conversion)
                .actionKey(param(req, "action", null)).orderId(param(req, "order_id", null));
        String value = param(req, "value", null);
        if (value != null) {
            hit.value(new java.math.BigDecimal(value));
        }
        HitOutcome outcome = fixture.collect(tenantId, List.of(hit.build())).get(0);
        json(resp, 200, Json.createObjectBuilder().add("outcome", outcome.status().name()).build());
    }

    private static void domainError(HttpServletResponse resp, RuntimeException e) throws IOException {
        Throwable cause = e;
        while (cause instanceof EJBException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (!(cause instanceof DomainException) && !(cause instanceof IllegalArgumentException)) {
            throw e;
        }
        int status = cause instanceof NotFoundException ? 404
                : cause instanceof ConflictException ? 409 : 400;
        resp.setStatus(status);
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().write(String.valueOf(cause.getMessage()));
    }

    private static void json(HttpServletResponse resp, int status, JsonObject body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.getWriter().write(body.toString());
    }

    private static String path(HttpServletRequest req) {
        return req.getPathInfo() == null ? "" : req.getPathInfo();
    }

    private static String required(HttpServletRequest req, String name) {
        String v = param(req, name, null);
        if (v == null) {
            throw new IllegalArgumentException("form parameter '" + name + "' is required");
        }
        return v;
    }

    private static String param(HttpServletRequest req, String name, String fallback) {
        String v = req.getParameter(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }
}
