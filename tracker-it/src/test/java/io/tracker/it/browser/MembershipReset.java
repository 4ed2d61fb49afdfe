package io.tracker.it.browser;

import io.tracker.application.shared.Database;
import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.TrackerClient;
import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Server side, added to the browser tests' deployments only ({@code Deployments.tracker(MembershipReset.class)}): forgets every
 * membership of one person, so that a browser test can give a Keycloak demo user exactly the tenants
 * it asserts (the demo users are shared by all test classes of the build, which make them members
 * of their own tenants).
 *
 * <p>{@code POST /it-browser-fixtures/memberships/reset} with form parameter {@code email}: deletes
 * the person's {@code tenant_member} and {@code agency_member} rows (and the client they used last,
 * {@code last_client}) in plain SQL and answers 204.
 * Deleting across tenants is an operator's job that the application cannot do (row-level security
 * shows its role one tenant at a time), so this test fixture connects as the schema's owner through
 * {@code jdbc/tracker-migration}, as an operator would. Their next sign-in (or the next minute of a
 * session) sees the new state.
 */
@WebServlet("/it-browser-fixtures/memberships/reset")
public class MembershipReset extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = Database.MIGRATION_DATA_SOURCE)
    private DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String email = req.getParameter("email");
        if (email == null || email.isBlank()) {
            resp.sendError(400, "form parameter 'email' is required");
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            // The client the person used last (keyed by the subject their memberships name): forgotten too.
            try (PreparedStatement ps = c.prepareStatement("delete from last_client where subject in "
                    + "(select subject from agency_member where email = ? union select subject from tenant_member "
                    + "where email = ?)")) {
                ps.setString(1, email.trim().toLowerCase(Locale.ROOT));
                ps.setString(2, email.trim().toLowerCase(Locale.ROOT));
                ps.executeUpdate();
            }
            for (String table : new String[] {"tenant_member", "agency_member"}) {
                try (PreparedStatement ps = c.prepareStatement("delete from " + table + " where email = ?")) {
                    ps.setString(1, email.trim().toLowerCase(Locale.ROOT));
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IOException("resetting the memberships of " + email + " failed", e);
        }
        resp.setStatus(204);
    }

    /** Client side: the person has no membership at all afterwards. */
    static void reset(TrackerClient api, String email) {
        ApiResponse r = api.send(api.request("it-browser-fixtures/memberships/reset")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode(email, StandardCharsets.UTF_8))));
        if (r.status() != 204) {
            throw new AssertionError("resetting the memberships of " + email + " failed: " + r);
        }
    }
}
