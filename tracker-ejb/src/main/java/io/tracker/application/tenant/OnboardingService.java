package io.tracker.application.tenant;

import io.tracker.domain.tenant.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The current client's set-up checklist ({@link Onboarding}), in one statement: keys, sites, whether any event
 * is stored (the visit roll-up and its deltas, then conversions by their time index: each an index probe),
 * imports, and each conversion action's last day from the conversion roll-up (its deltas' minutes in the
 * tenant's zone), so it is cheap for a client of any size.
 */
@Stateless
@RequiresPermission(Permission.READ_REPORTS)
public class OnboardingService {

    private static final String STATUS = "select "
            + "(select count(*) from api_key k where k.tenant_id = t.id and k.revoked_at is null), "
            + "(select count(*) from site s where s.tenant_id = t.id), "
            + "exists (select 1 from visit_daily d where d.tenant_id = t.id) "
            + "or exists (select 1 from visit_daily_delta d where d.tenant_id = t.id) "
            + "or exists (select 1 from conversion c where c.tenant_id = t.id), "
            + "(select count(*) from offline_import i where i.tenant_id = t.id) "
            + "from tenant t where t.id = ?";

    private static final String ACTIONS = "select a.action_key, a.name, a.category = 'MACRO', greatest("
            + "(select max(d.day) from conversion_daily d where d.tenant_id = a.tenant_id and d.action_id = a.id), "
            + "(select max(tenant_local_date(d.minute_start, t.time_zone)) from conversion_daily_delta d "
            + " where d.tenant_id = a.tenant_id and d.action_id = a.id and d.conversions > 0)) "
            + "from conversion_action a join tenant t on t.id = a.tenant_id where a.tenant_id = ? "
            + "order by a.category, a.name";

    @Inject
    private TenantConnections connections;

    @Inject
    private CurrentTenant currentTenant;

    public Onboarding status() {
        String tenantId = currentTenant.require();
        try (Connection c = connections.forCurrentTenant()) {
            long keys;
            long sites;
            boolean events;
            long imports;
            try (PreparedStatement ps = c.prepareStatement(STATUS)) {
                ps.setString(1, tenantId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    keys = rs.getLong(1);
                    sites = rs.getLong(2);
                    events = rs.getBoolean(3);
                    imports = rs.getLong(4);
                }
            }
            List<Onboarding.Action> actions = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(ACTIONS)) {
                ps.setString(1, tenantId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        actions.add(new Onboarding.Action(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                                rs.getObject(4, LocalDate.class)));
                    }
                }
            }
            return new Onboarding(keys, sites, events, imports, List.copyOf(actions));
        } catch (SQLException e) {
            throw new IllegalStateException("reading the set-up checklist failed: " + e.getMessage(), e);
        }
    }
}
