package io.tracker.application.conversion.destinations;

import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.conversion.enhanced.Sha256;
import io.tracker.domain.conversion.export.HashedIdentifiers;
import io.tracker.domain.conversion.export.OutgoingAdjustment;
import io.tracker.domain.conversion.export.OutgoingConversion;
import io.tracker.domain.conversion.export.Platform;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The current tenant's conversions as they go out to a platform ({@link OutgoingConversion}), read from the
 * database under row-level security. Only conversions of actions mapped to the platform
 * ({@code destination_action}) and counted ones (not repeats that attribution set aside) go out, under the
 * mapped name.
 *
 * <p>Where each field comes from:
 * <ul>
 *   <li>value, currency, order id, event id, time: the {@code conversion} row (value net of restatements; a
 *       retracted conversion no longer exists);</li>
 *   <li>click ids, their click time, hashed identifiers, {@code ad_user_data} consent: the conversion's
 *       {@code conversion_identity} when it has one (offline rows); otherwise the click ids of the visitor's most
 *       recent click touchpoint at or before the conversion that carries the platform's click id (Google Ads:
 *       gclid, gbraid and wbraid of that one touchpoint; Microsoft Advertising: msclkid; Meta: fbclid), clicked at
 *       that touchpoint's {@code occurred_at};</li>
 *   <li>action source (Meta's names): way in {@code OFFLINE} → {@code physical_store} when the row names a store,
 *       else {@code system_generated}; {@code CALL} → {@code phone_call}; anything else {@code website}.</li>
 * </ul>
 * Adjustments ({@code conversion_adjustment}, Google Ads only) carry the gclid found the same way for their
 * conversion. Times stay instants: the formats show them in the tenant's zone ({@link #zone}).
 */
@Stateless
public class OutgoingConversions {

    private static final String COLUMNS = "select c.id, c.occurred_at, c.value, c.currency, c.order_id, c.event_id, "
            + "c.way_in, d.platform_name, i.conversion_id is not null, i.gclid, i.gbraid, i.wbraid, i.fbclid, i.msclkid, "
            + "i.clicked_at, i.email_google, i.email_meta, i.phone_google, i.phone_meta, i.first_name, i.last_name, "
            + "i.city, i.postal_code, i.country, i.store_id, i.ad_user_data, "
            + "t.gclid, t.gbraid, t.wbraid, t.fbclid, t.msclkid, t.occurred_at, u.status, u.fingerprint "
            + "from conversion c "
            + "join destination_action d on d.tenant_id = c.tenant_id and d.action_id = c.action_id and d.platform = ? "
            + "left join conversion_identity i on i.tenant_id = c.tenant_id and i.conversion_id = c.id "
            + "left join lateral (select tp.gclid, tp.gbraid, tp.wbraid, tp.fbclid, tp.msclkid, tp.occurred_at "
            + "  from touchpoint tp where tp.tenant_id = c.tenant_id and tp.visitor_id = c.visitor_id "
            + "  and tp.occurred_at <= c.occurred_at and tp.interaction = 'CLICK' and (%s) "
            + "  order by tp.occurred_at desc, tp.id desc limit 1) t on i.conversion_id is null "
            + "left join destination_upload u on u.tenant_id = c.tenant_id and u.platform = d.platform "
            + "  and u.kind = 'CONVERSION' and u.item_id = c.id "
            + "where c.counted and c.occurred_at >= ? and c.occurred_at < ? ";

    private static final String ADJUSTMENTS = "select a.id, a.kind, a.order_id, a.conversion_id, a.converted_at, "
            + "a.adjusted_at, a.value_after, a.currency, d.platform_name, coalesce(i.gclid, t.gclid), u.status "
            + "from conversion_adjustment a "
            + "join destination_action d on d.tenant_id = a.tenant_id and d.action_id = a.action_id and d.platform = ? "
            + "left join conversion_identity i on i.tenant_id = a.tenant_id and i.conversion_id = a.conversion_id "
            + "left join lateral (select tp.gclid from touchpoint tp where tp.tenant_id = a.tenant_id "
            + "  and tp.visitor_id = a.visitor_id and tp.occurred_at <= a.converted_at and tp.gclid is not null "
            + "  and tp.interaction = 'CLICK' order by tp.occurred_at desc, tp.id desc limit 1) t on true "
            + "left join destination_upload u on u.tenant_id = a.tenant_id and u.platform = d.platform "
            + "  and u.kind = 'ADJUSTMENT' and u.item_id = a.id "
            + "where a.adjusted_at >= ? and a.adjusted_at < ? ";

    @Inject
    private TenantConnections connections;

    /** A conversion with its result so far at the platform (null: none yet) and its fingerprint now. */
    public record Candidate(OutgoingConversion conversion, String status, String storedFingerprint, String fingerprint) {

        /** New, changed since its result was kept, or waiting to be retried. */
        public boolean unsettled() {
            return status == null || "RETRY".equals(status) || !fingerprint.equals(storedFingerprint);
        }
    }

    /** An adjustment with its result so far at the platform (null: none yet). */
    public record AdjustmentCandidate(OutgoingAdjustment adjustment, String status) {

        public boolean unsettled() {
            return status == null || "RETRY".equals(status);
        }
    }

    /**
     * The conversions of mapped actions that happened in [from, to), oldest first, whatever their results.
     *
     * @param from inclusive
     * @param to   exclusive
     */
    @RequiresPermission({Permission.READ_REPORTS, Permission.EDIT_SETUP})
    public List<OutgoingConversion> between(Platform platform, Instant from, Instant to) {
        try (Connection c = connections.forCurrentTenant()) {
            return candidates(c, platform, from, to).stream().map(Candidate::conversion).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("reading the conversions to export failed: " + e.getMessage(), e);
        }
    }

    /**
     * The adjustments of conversions of mapped actions made in [from, to), oldest first (Google Ads; none for the
     * other platforms).
     */
    @RequiresPermission({Permission.READ_REPORTS, Permission.EDIT_SETUP})
    public List<OutgoingAdjustment> adjustmentsBetween(Platform platform, Instant from, Instant to) {
        try (Connection c = connections.forCurrentTenant()) {
            return adjustmentCandidates(c, platform, from, to).stream().map(AdjustmentCandidate::adjustment).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("reading the adjustments to export failed: " + e.getMessage(), e);
        }
    }

    /** The tenant's time zone, which the formats show times in. */
    @RequiresPermission({Permission.READ_REPORTS, Permission.EDIT_SETUP})
    public ZoneId zone() {
        try (Connection c = connections.forCurrentTenant()) {
            return zone(c);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the time zone failed: " + e.getMessage(), e);
        }
    }

    static ZoneId zone(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select time_zone from tenant where id = current_setting('"
                + TenantConnections.SETTING + "')");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? ZoneId.of(rs.getString(1)) : ZoneId.of("UTC");
        }
    }

    /** Conversions of mapped actions in [from, to) with their stored results, oldest first. */
    static List<Candidate> candidates(Connection c, Platform platform, Instant from, Instant to) throws SQLException {
        String clickColumns = switch (platform) {
            case GOOGLE_ADS -> "tp.gclid is not null or tp.gbraid is not null or tp.wbraid is not null";
            case MICROSOFT_ADS -> "tp.msclkid is not null";
            case META -> "tp.fbclid is not null";
        };
        List<Candidate> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(String.format(COLUMNS, clickColumns) + "order by c.occurred_at, c.id")) {
            ps.setString(1, platform.name());
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OutgoingConversion oc = read(rs, platform);
                    String fingerprint = Sha256.hex(oc.toString());
                    out.add(new Candidate(oc, rs.getString(33), rs.getString(34), fingerprint));
                }
            }
        }
        return out;
    }

    static List<AdjustmentCandidate> adjustmentCandidates(Connection c, Platform platform, Instant from, Instant to)
            throws SQLException {
        if (platform != Platform.GOOGLE_ADS) {
            return List.of();
        }
        List<AdjustmentCandidate> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(ADJUSTMENTS + "order by a.adjusted_at, a.id")) {
            ps.setString(1, platform.name());
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AdjustmentCandidate(adjustment(rs.getLong(1), rs.getString(9), rs.getString(2),
                            rs.getString(3), rs.getString(10), rs.getTimestamp(5).toInstant(),
                            rs.getTimestamp(6).toInstant(), rs.getBigDecimal(7), rs.getString(8).trim()),
                            rs.getString(11)));
                }
            }
        }
        return out;
    }

    /** The one place an {@link OutgoingAdjustment} is made from the ledger's columns. */
    private static OutgoingAdjustment adjustment(long id, String platformName, String kind, String orderId, String gclid,
                                                 Instant convertedAt, Instant adjustedAt, java.math.BigDecimal valueAfter,
                                                 String currency) {
        return new OutgoingAdjustment(id, platformName, orderId, gclid, convertedAt, kind, adjustedAt, valueAfter, currency);
    }

    private static OutgoingConversion read(ResultSet rs, Platform platform) throws SQLException {
        boolean offlineRow = rs.getBoolean(9);
        OutgoingConversion.Clicks clicks;
        Instant clickedAt;
        HashedIdentifiers ids;
        String adUserData = null;
        String wayIn = rs.getString(7);
        String actionSource = switch (wayIn == null ? "" : wayIn) {
            case "OFFLINE" -> rs.getString(25) != null ? "physical_store" : "system_generated";
            case "CALL" -> "phone_call";
            default -> "website";
        };
        if (offlineRow) {
            clicks = new OutgoingConversion.Clicks(rs.getString(10), rs.getString(11), rs.getString(12),
                    rs.getString(13), rs.getString(14));
            clickedAt = instant(rs.getTimestamp(15));
            ids = new HashedIdentifiers(hash(rs, 16), hash(rs, 17), hash(rs, 18), hash(rs, 19), hash(rs, 20),
                    hash(rs, 21), hash(rs, 22), hash(rs, 23), lower(hash(rs, 24)));
            adUserData = rs.getString(26);
        } else {
            clicks = switch (platform) {
                case GOOGLE_ADS -> new OutgoingConversion.Clicks(rs.getString(27), rs.getString(28), rs.getString(29), null, null);
                case MICROSOFT_ADS -> new OutgoingConversion.Clicks(null, null, null, null, rs.getString(31));
                case META -> new OutgoingConversion.Clicks(null, null, null, rs.getString(30), null);
            };
            clickedAt = instant(rs.getTimestamp(32));
            ids = HashedIdentifiers.NONE;
        }
        return new OutgoingConversion(rs.getLong(1), rs.getString(8), rs.getTimestamp(2).toInstant(), rs.getBigDecimal(3),
                rs.getString(4).trim(), rs.getString(5), rs.getString(6), clicks, clickedAt, ids, adUserData, actionSource);
    }

    private static String hash(ResultSet rs, int column) throws SQLException {
        String s = rs.getString(column);
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
