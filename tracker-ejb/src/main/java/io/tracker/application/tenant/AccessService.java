package io.tracker.application.tenant;

import io.tracker.domain.tenant.TenantRole;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which client tenants a signed-in caller may open, and with which role. This, like API key
 * authentication, reads across tenants on purpose (the tenant is what it finds out), so it reads
 * through the database functions {@code memberships_of} and {@code claim_invitations}
 * ({@code SECURITY DEFINER}, see {@code V3__row_level_security.sql}), which return only the caller's
 * own memberships; everything after it runs tenant-scoped.
 *
 * <p>Rules: a platform admin is agency admin everywhere; an agency admin is agency admin of every
 * client of the agency; otherwise the caller has the role of their {@code tenant_member} row. A
 * person invited by e-mail is bound to their OIDC subject the first time they sign in with that
 * address verified; from then on the subject, not the address, identifies them.
 */
@Stateless
public class AccessService {

    @Inject
    private TenantConnections connections;

    /** The caller's tenants, by tenant name; binds pending invitations first. */
    @CrossTenant("a signed-in person's memberships across clients: what the tenant switcher offers")
    public List<TenantAccess> tenantsOf(Caller caller) {
        try (Connection c = connections.forCrossTenantFunctions()) {
            claimInvitations(c, caller);
            List<TenantAccess> result = new ArrayList<>(memberships(c, caller).values());
            result.sort(Comparator.comparing(TenantAccess::tenantName, String.CASE_INSENSITIVE_ORDER));
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("reading memberships failed", e);
        }
    }

    /**
     * The caller's role in one tenant, if any. Binds the caller's pending invitations only when the
     * tenant is not among their memberships yet (the first call of an invited person), so the usual
     * call is one read.
     */
    @CrossTenant("a signed-in person's role in one client, before acting for it")
    public Optional<TenantAccess> access(Caller caller, String tenantId) {
        try (Connection c = connections.forCrossTenantFunctions()) {
            TenantAccess found = memberships(c, caller).get(tenantId);
            if (found == null && caller.email() != null && caller.emailVerified()) {
                claimInvitations(c, caller);
                found = memberships(c, caller).get(tenantId);
            }
            return Optional.ofNullable(found);
        } catch (SQLException e) {
            throw new IllegalStateException("reading memberships failed", e);
        }
    }

    /** Ids of the agencies the caller administers (every agency for a platform admin). */
    @CrossTenant("a signed-in person's administered agencies (agency tables are not tenant-owned)")
    public List<String> administeredAgencies(Caller caller) {
        try (Connection c = connections.forCrossTenantFunctions()) {
            claimInvitations(c, caller);
            String sql = caller.platformAdmin() ? "select id from agency where ? is not null order by name"
                    : "select agency_id from agency_member where subject = ? order by agency_id";
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, caller.subject());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("reading agency memberships failed", e);
        }
    }

    /**
     * Remembers the client the caller switched to (table {@code last_client}, by subject): where they
     * land after their next sign-in. The id grants nothing by itself: {@link #landingClient} answers it
     * only while the caller's memberships hold it.
     */
    @CrossTenant("a person's own setting (last_client, keyed by subject, not tenant-owned)")
    public void rememberClient(Caller caller, String tenantId) {
        try (Connection c = connections.forCrossTenantFunctions();
             PreparedStatement ps = c.prepareStatement("insert into last_client (subject, client_id, chosen_at) "
                     + "values (?, ?, now()) on conflict (subject) do update set client_id = excluded.client_id, "
                     + "chosen_at = excluded.chosen_at")) {
            ps.setString(1, caller.subject());
            ps.setString(2, tenantId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("remembering the last client failed", e);
        }
    }

    /**
     * Where the caller lands among these clients of theirs (ids in the order the switcher lists them,
     * by name): the client they last switched to, if listed; else the first listed with any visit
     * stored; else the first listed.
     *
     * @return empty only for an empty list
     */
    @CrossTenant("a person's own setting (last_client, by subject), and which of their own clients have "
            + "visits (database function clients_with_visits: yes or no per client)")
    public Optional<LandingClient> landingClient(Caller caller, List<String> tenantIds) {
        if (tenantIds.isEmpty()) {
            return Optional.empty();
        }
        try (Connection c = connections.forCrossTenantFunctions()) {
            try (PreparedStatement ps = c.prepareStatement("select client_id from last_client where subject = ?")) {
                ps.setString(1, caller.subject());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && tenantIds.contains(rs.getString(1))) {
                        return Optional.of(new LandingClient(rs.getString(1), true));
                    }
                }
            }
            java.util.Set<String> withVisits = new java.util.HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("select * from clients_with_visits(?)")) {
                ps.setArray(1, c.createArrayOf("text", tenantIds.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        withVisits.add(rs.getString(1));
                    }
                }
            }
            return Optional.of(new LandingClient(tenantIds.stream().filter(withVisits::contains).findFirst()
                    .orElse(tenantIds.get(0)), false));
        } catch (SQLException e) {
            throw new IllegalStateException("reading the last client failed", e);
        }
    }

    private static void claimInvitations(Connection c, Caller caller) throws SQLException {
        if (caller.email() == null || !caller.emailVerified()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("select claim_invitations(?, ?)")) {
            ps.setString(1, caller.subject());
            ps.setString(2, caller.email());
            ps.executeQuery().close();
        }
    }

    /** The caller's tenants by id, each with the strongest role the caller reaches it with. */
    private static Map<String, TenantAccess> memberships(Connection c, Caller caller) throws SQLException {
        Map<String, TenantAccess> byTenant = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select tenant_id, tenant_name, agency_id, agency_name, role "
                + "from memberships_of(?, ?)")) {
            ps.setString(1, caller.subject());
            ps.setBoolean(2, caller.platformAdmin());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    add(byTenant, new TenantAccess(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), TenantRole.valueOf(rs.getString(5))));
                }
            }
        }
        return byTenant;
    }

    /** Keeps the strongest role when a caller reaches a tenant in several ways (enum order: strongest first). */
    private static void add(Map<String, TenantAccess> byTenant, TenantAccess access) {
        byTenant.merge(access.tenantId(), access, (a, b) -> a.role().ordinal() <= b.role().ordinal() ? a : b);
    }
}
