package io.tracker.it;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.interceptor.ExcludeDefaultInterceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;

/**
 * Test-only EJB of {@link RowLevelSecurityIT}: native queries through EclipseLink that deliberately
 * leave out {@code where tenant_id} and set no tenant themselves (no interceptor), run in the
 * caller's transaction. What they return is what row-level security lets that transaction's
 * connection see.
 */
@Stateless
@ExcludeDefaultInterceptors
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class UnscopedQueries {

    /** The tenant-owned tables (every table with a {@code tenant_id} column). */
    static final Set<String> TABLES = Set.of("api_key", "campaign", "conversion_action", "event_receipt", "touchpoint",
            "conversion", "tenant_member", "audit_entry",
            // V4__collection.sql
            "custom_event", "order_receipt", "site", "collection_count", "identity_link", "attribution_pending",
            // V6__tracked_links.sql
            "tracked_link", "link_click",
            // V8__credit_rollups_data_driven_runs.sql
            "credit_daily", "data_driven_run",
            // V9__path_analysis.sql
            "path_analysis", "path_analysis_credit",
            // V14__summary_rollups.sql
            "visit_daily", "visit_daily_delta",
            // V15__credit_rollup_deltas.sql (attribution_credit became a view over the first two)
            "conversion_credit", "data_driven_credit", "credit_daily_delta",
            // V16__conversion_rollup.sql
            "conversion_daily", "conversion_daily_delta",
            // V18__call_tracking.sql
            "number_pool", "tracking_number", "number_hold", "pool_exhaustion", "call_webhook", "call",
            // V19__offline_conversions.sql
            "offline_import", "conversion_identity", "conversion_adjustment", "destination", "destination_action",
            "destination_upload", "destination_request",
            // V20__cart_recovery.sql
            "recovery_flow", "recovery_checkout", "recovery_cart", "recovery_message", "recovery_attempt",
            "sms_suppression",
            // V21__ad_cost.sql
            "ad_cost_import", "ad_cost",
            // V29__report_schedules.sql
            "report_schedule",
            // V30__accuracy_audit.sql
            "accuracy_import", "store_order", "platform_conversion", "accuracy_setting",
            // V31__tag_health_alerts.sql
            "tag_health_hour", "alert", "alert_settings",
            // V32__debug_hits.sql
            "debug_session", "debug_hit");

    /** Views over tenant-owned tables, read with the reader's row-level security ({@code security_invoker}). */
    static final Set<String> VIEWS = Set.of("attribution_credit");

    /**
     * EclipseLink refuses native SQL in a unit with multitenant entities (it could not add the tenant
     * filter); this hint lets one query through anyway, which is the mistake this test makes on purpose.
     */
    private static final String ALLOW_NATIVE = "eclipselink.jdbc.allow-native-sql-query";

    @PersistenceContext(unitName = "tracker")
    private EntityManager em;

    /** The distinct {@code tenant_id}s of one of {@link #TABLES} or {@link #VIEWS}, without a {@code where}. */
    @SuppressWarnings("unchecked")
    public List<String> tenantIds(String table) {
        if (!TABLES.contains(table) && !VIEWS.contains(table)) {
            throw new IllegalArgumentException(table);
        }
        return em.createNativeQuery("select distinct tenant_id from " + table + " order by 1")
                .setHint(ALLOW_NATIVE, true).getResultList();
    }

    /** The ids of every tenant row, without a {@code where}. */
    @SuppressWarnings("unchecked")
    public List<String> tenantRows() {
        return em.createNativeQuery("select id from tenant order by 1").setHint(ALLOW_NATIVE, true).getResultList();
    }
}
