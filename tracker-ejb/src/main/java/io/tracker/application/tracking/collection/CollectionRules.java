package io.tracker.application.tracking.collection;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.conversion.CountingMode;
import io.tracker.domain.conversion.CountingRule;
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
 * seconds): a new or changed conversion action is used for validation about that long after it was saved.
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

    private static Optional<TenantRules> read(Connection c, String tenantId) throws SQLException {
        String currency;
        String zone;
        String defaultAction;
        try (PreparedStatement ps = c.prepareStatement(
                "select currency, time_zone, default_action_key from tenant where id = ?")) {
            ps.setString(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                currency = rs.getString(1).trim();
                zone = rs.getString(2);
                defaultAction = rs.getString(3);
            }
        }
        Map<String, CountingRule> actions = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select id, action_key, default_value, counting from conversion_action where tenant_id = ?")) {
            ps.setString(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    CountingRule rule = new CountingRule(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3),
                            CountingMode.valueOf(rs.getString(4)));
                    actions.put(rule.key(), rule);
                }
            }
        }
        return Optional.of(new TenantRules(tenantId, Currency.getInstance(currency), ZoneId.of(zone), defaultAction,
                actions));
    }
}
