package io.tracker.application.calltracking;

import io.tracker.application.tenant.AuditLog;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.calltracking.NumberKind;
import io.tracker.domain.calltracking.PhoneNumber;
import io.tracker.domain.shared.ConflictException;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.NotFoundException;
import io.tracker.domain.shared.Text;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The current tenant's tracking numbers, number pools and call webhook: analysts and agency admins change
 * them ({@link Permission#EDIT_SETUP}, audited like campaigns), every member reads them. Numbers are parsed
 * and validated with libphonenumber ({@link PhoneNumber}) and stored in E.164; a number belongs to one
 * tenant over all tenants (the provider reports calls by the number called).
 */
@Stateless
public class CallTrackingSetupService {

    /** Sizing advice: the measured peak times this, rounded up. */
    static final double SIZING_MARGIN = 1.25;
    private static final int MAX_NAME = 200;
    private static final BigDecimal MAX_COST = new BigDecimal("100000");
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String NUMBERS = "select n.id, n.number, n.forwards_to, n.kind, n.pool_id, n.campaign_id, c.name, "
            + "n.utm_source, n.utm_medium, n.label, n.monthly_cost, n.active, n.held_until, n.created_at "
            + "from tracking_number n left join campaign c on c.tenant_id = n.tenant_id and c.id = n.campaign_id ";

    /**
     * Pools with their figures. Peak: per minute of the last 30 days that saw a hold start or an exhaustion,
     * the holds overlapping that minute plus its exhaustions, the largest.
     */
    private static final String POOLS = "select p.id, p.name, p.swap_target, p.hold_minutes, p.fallback_number, p.created_at, "
            + "(select count(*) from tracking_number n where n.tenant_id = p.tenant_id and n.pool_id = p.id "
            + "and n.kind = 'POOL' and n.active), "
            + "(select count(*) from tracking_number n where n.tenant_id = p.tenant_id and n.pool_id = p.id "
            + "and n.kind = 'POOL' and n.active and n.held_until > now()), "
            + "(select count(*) from pool_exhaustion e where e.tenant_id = p.tenant_id and e.pool_id = p.id "
            + "and e.occurred_at > now() - interval '30 days'), "
            + "(select coalesce(max((select count(*) from number_hold h where h.tenant_id = p.tenant_id and h.pool_id = p.id "
            + "and h.held_from < m.minute + interval '1 minute' and h.held_until > m.minute) "
            + "+ (select count(*) from pool_exhaustion e where e.tenant_id = p.tenant_id and e.pool_id = p.id "
            + "and e.occurred_at >= m.minute and e.occurred_at < m.minute + interval '1 minute')), 0) "
            + "from (select date_trunc('minute', h.held_from) as minute from number_hold h where h.tenant_id = p.tenant_id "
            + "and h.pool_id = p.id and h.held_from > now() - interval '30 days' "
            + "union select date_trunc('minute', e.occurred_at) from pool_exhaustion e where e.tenant_id = p.tenant_id "
            + "and e.pool_id = p.id and e.occurred_at > now() - interval '30 days') m) "
            + "from number_pool p ";

    @Inject
    private TenantConnections connections;

    @EJB
    private AuditLog audit;

    /**
     * Adds a pool.
     *
     * @param swapTarget     the business number as the site shows it (any common format)
     * @param holdMinutes    1 to 1,440; null for 30
     * @param fallbackNumber shown when the pool is exhausted; null for the swap target itself
     * @throws InvalidInputException naming what is wrong; {@link ConflictException} for a name or swap target
     *                               the tenant already has
     */
    @RequiresPermission(Permission.EDIT_SETUP)
    public NumberPool createPool(String name, String swapTarget, Integer holdMinutes, String fallbackNumber) {
        String n = name(name);
        PhoneNumber target = PhoneNumber.parse("swap_target", swapTarget, null);
        PhoneNumber fallback = fallbackNumber == null || fallbackNumber.isBlank() ? target
                : PhoneNumber.parse("fallback_number", fallbackNumber, null);
        int hold = holdMinutes == null ? 30 : holdMinutes;
        if (hold < 1 || hold > 1440) {
            throw new InvalidInputException("hold_minutes must be a whole number of minutes from 1 to 1440");
        }
        try (Connection c = connections.forCurrentTenant();
             PreparedStatement ps = c.prepareStatement("insert into number_pool (tenant_id, name, swap_target, hold_minutes, "
                     + "fallback_number) values (current_setting('" + TenantConnections.SETTING + "'), ?, ?, ?, ?) "
                     + "on conflict do nothing returning id")) {
            ps.setString(1, n);
            ps.setString(2, target.e164());
            ps.setInt(3, hold);
            ps.setString(4, fallback.e164());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ConflictException("the client already has a pool named " + Text.echo(n)
                            + " or one that swaps " + target.e164());
                }
                long id = rs.getLong(1);
                audit.record("number_pool.created", String.valueOf(id), n + ": swaps " + target.e164());
                return pool(c, id);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storing the pool failed: " + e.getMessage(), e);
        }
    }

    /** The tenant's pools, oldest first, with their figures. */
    @RequiresPermission(Permission.READ_REPORTS)
    public List<NumberPool> pools() {
        try (Connection c = connections.forCurrentTenant();
             PreparedStatement ps = c.prepareStatement(POOLS + "order by p.id");
             ResultSet rs = ps.executeQuery()) {
            List<NumberPool> pools = new ArrayList<>();
            while (rs.next()) {
                pools.add(readPool(rs));
            }
            return pools;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the pools failed: " + e.getMessage(), e);
        }
    }

    /**
     * Adds a tracking number.
     *
     * @param kind        offline (needs a campaign), source (needs a pool and a utm_source; utm_medium optional)
     *                    or pool (needs a pool)
     * @param forwardsTo  the business number calls are put through to; null for the pool's swap target
     * @param monthlyCost what the number costs a month in the tenant's currency (0 or more; null for 0)
     * @throws InvalidInputException naming what is wrong; {@link ConflictException} when any tenant has the number
     */
    @RequiresPermission(Permission.EDIT_SETUP)
    public TrackingNumber createNumber(String number, String forwardsTo, String kind, Long poolId, Long campaignId,
                                       String utmSource, String utmMedium, String label, BigDecimal monthlyCost) {
        PhoneNumber tracking = PhoneNumber.parse("number", number, null);
        NumberKind k = kind(kind);
        String source = optional("utm_source", utmSource);
        String medium = optional("utm_medium", utmMedium);
        String l = optional("label", label);
        BigDecimal cost = monthlyCost == null ? BigDecimal.ZERO : monthlyCost;
        if (cost.signum() < 0 || cost.compareTo(MAX_COST) >= 0 || cost.scale() > 2) {
            throw new InvalidInputException("monthly_cost must be from 0 to 99999.99, in cents at most");
        }
        switch (k) {
            case OFFLINE -> {
                if (campaignId == null) {
                    throw new InvalidInputException("campaign is required for an offline number: its calls are that campaign's");
                }
                poolId = null;
                source = null;
                medium = null;
            }
            case SOURCE -> {
                if (poolId == null || source == null) {
                    throw new InvalidInputException("pool and utm_source are required for a source-level number: it "
                            + "replaces the pool's business number for that source's visitors");
                }
                campaignId = null;
            }
            case POOL -> {
                if (poolId == null) {
                    throw new InvalidInputException("pool is required for a pool number");
                }
                campaignId = null;
                source = null;
                medium = null;
            }
        }
        try (Connection c = connections.forCurrentTenant()) {
            String target = null;
            if (poolId != null) {
                try (PreparedStatement ps = c.prepareStatement("select swap_target from number_pool where id = ?")) {
                    ps.setLong(1, poolId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new InvalidInputException("pool " + poolId + " is not one of the client's pools");
                        }
                        target = rs.getString(1);
                    }
                }
            }
            if (campaignId != null) {
                try (PreparedStatement ps = c.prepareStatement("select 1 from campaign where id = ?")) {
                    ps.setLong(1, campaignId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new InvalidInputException("campaign " + campaignId + " is not one of the client's campaigns");
                        }
                    }
                }
            }
            PhoneNumber forwards = forwardsTo == null || forwardsTo.isBlank()
                    ? (target == null ? null : new PhoneNumber(target)) : PhoneNumber.parse("forwards_to", forwardsTo, null);
            if (forwards == null) {
                throw new InvalidInputException("forwards_to is required: the business number calls are put through to");
            }
            if (forwards.equals(tracking)) {
                throw new InvalidInputException("forwards_to must differ from the tracking number");
            }
            long id;
            // A number of another tenant is invisible here (row-level security): the unique index finds it.
            try (PreparedStatement ps = c.prepareStatement("insert into tracking_number (tenant_id, number, forwards_to, kind, "
                    + "pool_id, campaign_id, utm_source, utm_medium, label, monthly_cost) values (current_setting('"
                    + TenantConnections.SETTING + "'), ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (number) do nothing returning id")) {
                ps.setString(1, tracking.e164());
                ps.setString(2, forwards.e164());
                ps.setString(3, k.name());
                ps.setObject(4, poolId);
                ps.setObject(5, campaignId);
                ps.setString(6, source);
                ps.setString(7, medium);
                ps.setString(8, l);
                ps.setBigDecimal(9, cost);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new ConflictException(tracking.e164() + " is already a tracking number");
                    }
                    id = rs.getLong(1);
                }
            }
            audit.record("tracking_number.created", tracking.e164(), k.name().toLowerCase(Locale.ROOT)
                    + (poolId != null ? ", pool " + poolId : "") + (campaignId != null ? ", campaign " + campaignId : "")
                    + (source != null ? ", " + source + " / " + medium : ""));
            return number(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException("storing the tracking number failed: " + e.getMessage(), e);
        }
    }

    /** The tenant's tracking numbers, newest first, inactive ones included. */
    @RequiresPermission(Permission.READ_REPORTS)
    public List<TrackingNumber> numbers() {
        try (Connection c = connections.forCurrentTenant();
             PreparedStatement ps = c.prepareStatement(NUMBERS + "order by n.id desc");
             ResultSet rs = ps.executeQuery()) {
            List<TrackingNumber> numbers = new ArrayList<>();
            while (rs.next()) {
                numbers.add(readNumber(rs));
            }
            return numbers;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the tracking numbers failed: " + e.getMessage(), e);
        }
    }

    /**
     * Deactivates a number: no longer handed out or shown; calls to it are still logged and attributed by its
     * history (a session's hold, its campaign). Its calls and holds stay.
     *
     * @throws NotFoundException when it is not one of the tenant's numbers
     */
    @RequiresPermission(Permission.EDIT_SETUP)
    public TrackingNumber deactivate(long id) {
        try (Connection c = connections.forCurrentTenant()) {
            try (PreparedStatement ps = c.prepareStatement("update tracking_number set active = false where id = ? and active")) {
                ps.setLong(1, id);
                if (ps.executeUpdate() == 1) {
                    audit.record("tracking_number.deactivated", String.valueOf(id), null);
                }
            }
            return number(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException("deactivating the tracking number failed: " + e.getMessage(), e);
        }
    }

    /**
     * The tenant's call webhook, made on first use: the account id for the webhook's URL and the signing secret
     * (for Twilio, give Tracker your auth token instead with {@link #useSigningSecret}).
     */
    @RequiresPermission(Permission.EDIT_SETUP)
    public CallWebhook webhook() {
        try (Connection c = connections.forCurrentTenant()) {
            return CallWebhooks.ensure(c);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the call webhook failed: " + e.getMessage(), e);
        }
    }

    /**
     * Sets the signing secret (Twilio: the account's auth token, which signs its webhooks).
     *
     * @param secret 16 to 200 characters
     */
    @RequiresPermission(Permission.EDIT_SETUP)
    public CallWebhook useSigningSecret(String secret) {
        if (secret == null || secret.strip().length() < 16 || secret.length() > 200) {
            throw new InvalidInputException("signing_secret must be 16 to 200 characters");
        }
        try (Connection c = connections.forCurrentTenant()) {
            CallWebhooks.ensure(c);
            try (PreparedStatement ps = c.prepareStatement("update call_webhook set signing_secret = ?")) {
                ps.setString(1, secret.strip());
                ps.executeUpdate();
            }
            audit.record("call_webhook.secret_changed", "signing secret", null);
            return CallWebhooks.ensure(c);
        } catch (SQLException e) {
            throw new IllegalStateException("storing the signing secret failed: " + e.getMessage(), e);
        }
    }

    /** 32 random bytes, base64url: generated secrets and keys. */
    static String randomSecret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static NumberKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            throw new InvalidInputException("kind is required: offline, source or pool");
        }
        try {
            return NumberKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind " + Text.echo(kind) + " is not offline, source or pool");
        }
    }

    private static String name(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name is required");
        }
        return optional("name", name);
    }

    private static String optional(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Text.withoutNul(field, value);
        if (value.length() > MAX_NAME) {
            throw new InvalidInputException(field + " is longer than " + MAX_NAME + " characters");
        }
        return value.strip();
    }

    private NumberPool pool(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(POOLS + "where p.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("no pool " + id);
                }
                return readPool(rs);
            }
        }
    }

    private TrackingNumber number(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(NUMBERS + "where n.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("no tracking number " + id);
                }
                return readNumber(rs);
            }
        }
    }

    private static NumberPool readPool(ResultSet rs) throws SQLException {
        int peak = rs.getInt(10);
        return new NumberPool(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                rs.getInt(7), rs.getInt(8), rs.getLong(9), peak, (int) Math.ceil(peak * SIZING_MARGIN),
                rs.getTimestamp(6).toInstant());
    }

    private static TrackingNumber readNumber(ResultSet rs) throws SQLException {
        long pool = rs.getLong(5);
        Long poolId = rs.wasNull() ? null : pool;
        long campaign = rs.getLong(6);
        Long campaignId = rs.wasNull() ? null : campaign;
        Timestamp held = rs.getTimestamp(13);
        return new TrackingNumber(rs.getLong(1), rs.getString(2), rs.getString(3), NumberKind.valueOf(rs.getString(4)),
                poolId, campaignId, rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getBigDecimal(11), rs.getBoolean(12), held == null ? null : held.toInstant(),
                rs.getTimestamp(14).toInstant());
    }
}
