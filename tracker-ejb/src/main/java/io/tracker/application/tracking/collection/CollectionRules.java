package io.tracker.application.tracking.collection;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.conversion.ActionStatus;
import io.tracker.domain.conversion.ActionTrigger;
import io.tracker.domain.conversion.CountingMode;
import io.tracker.domain.conversion.CountingRule;
import io.tracker.domain.conversion.TriggerType;
import io.tracker.domain.conversion.UrlMatch;
import io.tracker.domain.conversion.UrlRule;
import io.tracker.domain.conversion.ValueSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Each tenant's {@link TenantRules}, read through row-level security (the tenant set for the read's
 * own short transaction). Once {@value #TTL_SECONDS} seconds old they are read again by the next
 * caller while every other caller goes on with the rules it has (no request waits for the reload;
 * measured under load, a plain expiry made every request of the tenant wait for one slow read every few
 * seconds): a conversion action changed on another server is used for validation about that long after it
 * was saved (the server that saved it drops the tenant's rules at once, {@link #forget}).
 * Rules that could not be read again for {@value #EXPIRY_SECONDS} seconds (the database unreachable) are
 * dropped, and the next caller reads them or fails. At most
 * {@value #MAX_TENANTS} tenants are kept (least recently used go first).
 */
final class CollectionRules {

    static final int TTL_SECONDS = 5;
    static final int EXPIRY_SECONDS = 60;
    static final int MAX_TENANTS = 10_000;

    private final DataSource dataSource;
    private final LoadingCache<String, Optional<TenantRules>> cache = Caffeine.newBuilder()
            .refreshAfterWrite(Duration.ofSeconds(TTL_SECONDS))
            .expireAfterWrite(Duration.ofSeconds(EXPIRY_SECONDS))
            .maximumSize(MAX_TENANTS)
            .executor(Runnable::run) // maintenance and reloads on the caller's thread, no unmanaged pool
            .build(this::load);

    CollectionRules(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The tenant's rules; empty for an unknown tenant.
     *
     * @throws CollectionUnavailableException when the database cannot be read
     */
    Optional<TenantRules> of(String tenantId) {
        return cache.get(tenantId);
    }

    /**
     * The tenant's rules read now (and cached afresh), for a caller that found the cached ones refusing
     * something, such as a conversion action created a moment ago.
     *
     * @throws CollectionUnavailableException when the database cannot be read
     */
    Optional<TenantRules> fresh(String tenantId) {
        Optional<TenantRules> rules = load(tenantId);
        cache.put(tenantId, rules);
        return rules;
    }

    /** Drops the tenant's cached rules (its conversion actions changed): the next hit reads them afresh. */
    void forget(String tenantId) {
        cache.invalidate(tenantId);
    }

    private Optional<TenantRules> load(String tenantId) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement(
                        "select set_config('" + TenantConnections.SETTING + "', ?, true)")) {
                    ps.setString(1, tenantId);
                    ps.executeQuery().close();
                }
                Optional<TenantRules> rules = read(c, tenantId);
                c.commit();
                return rules;
            } finally {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // nothing was open
                }
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new CollectionUnavailableException("reading the tenant's conversion actions failed: " + e.getMessage(), e);
        }
    }

    private static CountingRule rule(ResultSet rs) throws SQLException {
        TriggerType type = TriggerType.valueOf(rs.getString(6));
        UrlRule url = type == TriggerType.URL ? UrlRule.of(UrlMatch.valueOf(rs.getString(8)), rs.getString(9)) : null;
        int minSeconds = rs.getInt(10);
        Integer callMinSeconds = rs.wasNull() ? null : minSeconds;
        String currency = rs.getString(12);
        return new CountingRule(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3),
                CountingMode.valueOf(rs.getString(4)), ActionStatus.valueOf(rs.getString(5)),
                new ActionTrigger(type, rs.getString(7), url, callMinSeconds), ValueSource.valueOf(rs.getString(11)),
                currency == null ? null : Currency.getInstance(currency.trim()));
    }

    private static Optional<TenantRules> read(Connection c, String tenantId) throws SQLException {
        String currency;
        String zone;
        String defaultAction;
        String phoneRegion;
        try (PreparedStatement ps = c.prepareStatement(
                "select currency, time_zone, default_action_key, phone_region from tenant where id = ?")) {
            ps.setString(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                currency = rs.getString(1).trim();
                zone = rs.getString(2);
                defaultAction = rs.getString(3);
                phoneRegion = rs.getString(4).strip();
            }
        }
        Map<String, CountingRule> actions = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select id, action_key, default_value, counting, status, "
                + "trigger_type, trigger_event, url_match, url_pattern, call_min_seconds, value_source, currency "
                + "from conversion_action where tenant_id = ?")) {
            ps.setString(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    CountingRule rule = rule(rs);
                    actions.put(rule.key(), rule);
                }
            }
        }
        return Optional.of(new TenantRules(tenantId, Currency.getInstance(currency), ZoneId.of(zone), defaultAction,
                actions, phoneRegion));
    }
}
