package io.tracker.application.tenant;

import io.tracker.application.shared.Database;
import io.tracker.domain.tenant.TenantRole;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
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
import javax.sql.DataSource;

/**
 * Which client tenants a signed-in caller may open, and with which role. This, like API key
 * authentication, reads across tenants on purpose (the tenant is what it finds out), so it uses
 * plain SQL on the membership tables; everything after it runs tenant-scoped.
 *
 * <p>Rules: a platform admin is agency admin everywhere; an agency admin is agency admin of every
 * client of the agency; otherwise the caller has the role of their {@code tenant_member} row. A
 * person invited by e-mail is bound to their OIDC subject the first time they sign in with that
 * address verified; from then on the subject, not the address, identifies them.
 */
@Stateless
public class AccessService {

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    /** The caller's tenants, by tenant name; binds pending invitations first. */
    public List<TenantAccess> tenantsOf(Caller caller) {
        try (Connection c = dataSource.getConnection()) {
            claimInvitations(c, caller);
            Map<String, TenantAccess> byTenant = new LinkedHashMap<>();
            if (caller.platformAdmin()) {
                query(c, "select t.id, t.name, a.id, a.name from tenant t join agency a on a.id = t.agency_id", null,
                        TenantRole.AGENCY_ADMIN, byTenant);
            }
            query(c, "select t.id, t.name, a.id, a.name from agency_member m join agency a on a.id = m.agency_id "
                    + "join tenant t on t.agency_id = a.id where m.subject = ?", caller.subject(),
                    TenantRole.AGENCY_ADMIN, byTenant);
            try (PreparedStatement ps = c.prepareStatement("select t.id, t.name, a.id, a.name, m.role "
                    + "from tenant_member m join tenant t on t.id = m.tenant_id join agency a on a.id = t.agency_id "
                    + "where m.subject = ?")) {
                ps.setString(1, caller.subject());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        add(byTenant, new TenantAccess(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), TenantRole.valueOf(rs.getString(5))));
                    }
                }
            }
            List<TenantAccess> result = new ArrayList<>(byTenant.values());
            result.sort(Comparator.comparing(TenantAccess::tenantName, String.CASE_INSENSITIVE_ORDER));
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("reading memberships failed", e);
        }
    }

    /** The caller's role in one tenant, if any. */
    public Optional<TenantAccess> access(Caller caller, String tenantId) {
        return tenantsOf(caller).stream().filter(a -> a.tenantId().equals(tenantId)).findFirst();
    }

    /** Ids of the agencies the caller administers (every agency for a platform admin). */
    public List<String> administeredAgencies(Caller caller) {
        try (Connection c = dataSource.getConnection()) {
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

    private static void claimInvitations(Connection c, Caller caller) throws SQLException {
        if (caller.email() == null || !caller.emailVerified()) {
            return;
        }
        for (String table : List.of("agency_member", "tenant_member")) {
            try (PreparedStatement ps = c.prepareStatement("update " + table
                    + " set subject = ?, joined_at = now() where email = ? and subject is null")) {
                ps.setString(1, caller.subject());
                ps.setString(2, caller.email());
                ps.executeUpdate();
            }
        }
    }

    private static void query(Connection c, String sql, String subject, TenantRole role,
                              Map<String, TenantAccess> byTenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (subject != null) {
                ps.setString(1, subject);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    add(byTenant, new TenantAccess(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), role));
                }
            }
        }
    }

    /** Keeps the strongest role when a caller reaches a tenant in several ways (enum order: strongest first). */
    private static void add(Map<String, TenantAccess> byTenant, TenantAccess access) {
        byTenant.merge(access.tenantId(), access, (a, b) -> a.role().ordinal() <= b.role().ordinal() ? a : b);
    }
}
