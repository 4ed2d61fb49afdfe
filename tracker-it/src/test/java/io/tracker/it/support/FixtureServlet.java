package io.tracker.it.support;

import io.tracker.application.shared.Database;
import io.tracker.domain.tenant.ApiKeyScope;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Server side, added only to test deployments (never part of the product): lets client-side tests,
 * which run in another JVM, make tenants and look at what was stored.
 *
 * <ul>
 *   <li>{@code POST /it-fixtures/tenants} with form parameters {@code label}, {@code zone} (IANA id,
 *       default UTC), {@code currency} (default EUR), {@code scopes} (comma-separated
 *       {@link ApiKeyScope} names, default all) and any number of {@code action}
 *       ({@code key:CATEGORY:COUNTING:defaultValue}): answers 201 with
 *       {@code {"id","agency_id","name","time_zone","currency","api_key"}}.</li>
 *   <li>{@code GET /it-fixtures/tenants/<id>/counts}: the tenant's stored rows, counted in SQL
 *       straight from the tables, {@code {"touchpoints","conversions","event_receipts",
 *       "attribution_credits"}}, so a test can prove that a rejected request stored nothing at all.</li>
 * </ul>
 */
@WebServlet("/it-fixtures/*")
public class FixtureServlet extends HttpServlet {

    private static final List<String> TABLES = List.of("touchpoint", "conversion", "event_receipt",
            "attribution_credit");

    @Inject
    private TenantFixture fixture;

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!"/tenants".equals(req.getPathInfo())) {
            resp.sendError(404);
            return;
        }
        String label = param(req, "label", "it");
        ZoneId zone = ZoneId.of(param(req, "zone", "UTC"));
        String currency = param(req, "currency", "EUR");
        Set<ApiKeyScope> scopes = req.getParameter("scopes") == null ? EnumSet.allOf(ApiKeyScope.class)
                : Arrays.stream(req.getParameter("scopes").split(",")).map(String::trim).map(ApiKeyScope::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ApiKeyScope.class)));
        List<TenantFixture.ActionSpec> actions = req.getParameterValues("action") == null ? List.of()
                : Arrays.stream(req.getParameterValues("action")).map(TenantFixture.ActionSpec::parse).toList();
        TestTenant t = fixture.create(label, zone, currency, scopes, actions);
        resp.setStatus(201);
        resp.setContentType("application/json");
        resp.getWriter().write(Json.createObjectBuilder()
                .add("id", t.id()).add("agency_id", t.agencyId()).add("name", t.name())
                .add("time_zone", t.timeZone()).add("currency", t.currency()).add("api_key", t.apiKey())
                .build().toString());
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        if (!path.matches("/tenants/[^/]+/counts")) {
            resp.sendError(404);
            return;
        }
        String tenantId = path.split("/")[2];
        var counts = Json.createObjectBuilder();
        try (Connection c = dataSource.getConnection()) {
            for (String table : TABLES) {
                try (PreparedStatement ps = c.prepareStatement("select count(*) from " + table + " where tenant_id = ?")) {
                    ps.setString(1, tenantId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        counts.add(table.equals("attribution_credit") ? "attribution_credits"
                                : table.equals("event_receipt") ? "event_receipts" : table + "s", rs.getLong(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("counting rows failed", e);
        }
        resp.setContentType("application/json");
        resp.getWriter().write(counts.build().toString());
    }

    private static String param(HttpServletRequest req, String name, String fallback) {
        String v = req.getParameter(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }
}
