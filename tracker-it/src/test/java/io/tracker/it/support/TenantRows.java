package io.tracker.it.support;

import io.tracker.application.reporting.Rollups;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.application.tenant.TenantSelection;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Server side (test deployments only): a tenant's stored rows, read in SQL through the product's
 * one tenant-scoped JDBC path ({@link TenantConnections}, row-level security on) while acting for
 * the tenant as Tracker itself. {@link FixtureServlet} serves them to client-side tests.
 */
@ApplicationScoped
public class TenantRows {

    private static final List<String> COUNTED_TABLES = List.of("touchpoint", "conversion", "event_receipt",
            "attribution_credit", "attribution_pending");

    @EJB
    private TenantSelection selection;

    @Inject
    private TenantConnections connections;

    @EJB
    private Rollups rollups;

    /**
     * {@code {"touchpoints","conversions","event_receipts","attribution_credits","attribution_pending"}}: the
     * tenant's rows in the write path's tables; {@code attribution_pending} counts the visitors waiting for the
     * attribution worker (committed marks: a batch the worker is attributing still counts until it commits).
     */
    @Transactional
    public JsonObject counts(String tenantId) throws SQLException {
        selection.asPlatform(tenantId);
        JsonObjectBuilder counts = Json.createObjectBuilder();
        try (Connection c = connections.forCurrentTenant()) {
            for (String table : COUNTED_TABLES) {
                try (PreparedStatement ps = c.prepareStatement("select count(*) from " + table + " where tenant_id = ?")) {
                    ps.setString(1, tenantId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        counts.add(switch (table) {
                            case "attribution_credit" -> "attribution_credits";
                            case "event_receipt" -> "event_receipts";
                            case "attribution_pending" -> "attribution_pending";
                            default -> table + "s";
                        }, rs.getLong(1));
                    }
                }
            }
        }
        return counts.build();
    }

    /**
     * Every row the tenant owns, read from each table with a {@code tenant_id} column (found in the
     * database catalogue, so new tables are included), plus its {@code tenant} row and its agency's
     * {@code agency_member} rows: {@code {"<table>":[{"<column>":<value>,…},…],…}}, each row as
     * PostgreSQL's {@code to_jsonb} renders it, rows sorted by that text.
     *
     * <p>The roll-ups' pending deltas are folded first (as the server's folder does every few seconds), so
     * a fold between two snapshots, which moves sums without changing any figure, does not tell them apart.
     */
    @Transactional
    public JsonObject state(String tenantId) throws SQLException {
        foldRollups();
        selection.asPlatform(tenantId);
        try (Connection c = connections.forCurrentTenant()) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select table_name from information_schema.columns "
                    + "where table_schema = current_schema() and column_name = 'tenant_id' order by table_name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            JsonObjectBuilder state = Json.createObjectBuilder();
            state.add("tenant", rows(c, "select to_jsonb(t)::text from tenant t where t.id = ?", tenantId));
            state.add("agency_member", rows(c, "select to_jsonb(m)::text from agency_member m where m.agency_id = "
                    + "(select agency_id from tenant where id = ?)", tenantId));
            for (String table : tables) {
                // Table names come from the catalogue, not from the request.
                state.add(table, rows(c, "select to_jsonb(r)::text from \"" + table + "\" r where r.tenant_id = ?", tenantId));
            }
            return state.build();
        }
    }

    /**
     * Folds the visit, credit and conversion roll-ups until each has run once for this call (-1: the server's fold
     * held the lock; it has committed once the lock is free). Each is retried on its own: asking for all three in
     * one round, on a busy machine the server's folder held one of the locks in every round for 30 s.
     */
    private void foldRollups() {
        long deadline = System.nanoTime() + 120_000_000_000L;
        boolean visits = false;
        boolean credits = false;
        boolean conversions = false;
        while (true) {
            visits = visits || rollups.foldVisits() >= 0;
            credits = credits || rollups.foldCredits() >= 0;
            conversions = conversions || rollups.foldConversions() >= 0;
            if (visits && credits && conversions) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("a roll-up's fold stayed locked for 120 s (visits folded: " + visits
                        + ", credits: " + credits + ", conversions: " + conversions + ")");
            }
            try {
                Thread.sleep(20); // polling the lock's holder, which commits within milliseconds
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The rows as PostgreSQL renders them in JSON ({@code to_jsonb}): the same text for the same
     * values however the driver transfers them (its binary mode would print a double 1 as "1.0").
     */
    private static JsonArrayBuilder rows(Connection c, String sql, String tenantId) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        }
        JsonArrayBuilder array = Json.createArrayBuilder();
        rows.stream().sorted().forEach(row -> {
            try (JsonReader reader = Json.createReader(new StringReader(row))) {
                array.add(reader.readObject());
            }
        });
        return array;
    }
}
