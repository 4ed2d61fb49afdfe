package io.tracker.application.calltracking;

import io.tracker.application.attribution.PendingAttribution;
import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.calltracking.CallAttribution;
import io.tracker.domain.calltracking.CallStatus;
import io.tracker.domain.calltracking.PhoneNumber;
import io.tracker.domain.campaign.DefaultChannelGrouping;
import io.tracker.domain.campaign.TrafficSignals;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.Text;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stores the calls the telephony provider reports and joins them to the journeys.
 *
 * <p>A call is attributed by its number ({@link CallAttribution}): a pool number to the session that held it
 * when the call started (its landing's channel, campaign, UTM values and click ids), an offline number to its
 * campaign, a source-level number to its source; a pool number no live session held, or the business's own
 * number, leaves it unattributed (logged, never credited to a stale session). An attributed call becomes a
 * touchpoint ({@code way_in = CALL}) of the session's visitor, or of the caller; every active conversion action
 * triggered by a call that it qualifies for (answered and at least the action's minimum seconds) records a
 * conversion at the call's start, credited by the tenant's models like any other.
 *
 * <p>The caller's number is kept only as a keyed hash (HMAC-SHA256 with the tenant's own key) and masked.
 * The hash stitches repeat callers into one person: every visitor a caller's calls belong to is linked to the
 * person key {@code phone:<hash>} ({@code identity_link}). Everything of one call is written in one transaction;
 * the provider's call id makes a repeated report a no-op.
 */
@Stateless
@RequiresPermission(Permission.INGEST)
public class CallService {

    static final int MAX_CALL_ID = 200;
    private static final int MAX_URL = 2048;
    private static final Duration MAX_FUTURE = Duration.ofMinutes(10);

    private static final String NUMBER = "select id, kind, pool_id, campaign_id, utm_source, utm_medium "
            + "from tracking_number where number = ?";
    private static final String BUSINESS_NUMBER = "select exists (select 1 from number_pool where swap_target = ? "
            + "or fallback_number = ?) or exists (select 1 from tracking_number where forwards_to = ?)";
    private static final String HOLD_AT = "select id, visitor_id, channel, utm_source, utm_medium, utm_campaign, utm_term, "
            + "utm_content, landing_url, referrer, gclid, fbclid, msclkid from number_hold "
            + "where number_id = ? and held_from <= ? and held_until > ? order by held_from desc limit 1";
    private static final String CAMPAIGN = "select name, channel, utm_source, utm_medium, utm_campaign from campaign where id = ?";
    private static final String CALL_ACTIONS = "select id, default_value, coalesce(currency, (select currency from tenant "
            + "where id = current_setting('" + TenantConnections.SETTING + "'))), call_min_seconds from conversion_action "
            + "where trigger_type = 'CALL' and status = 'ACTIVE' order by id";
    private static final String INSERT_CALL = "insert into call (tenant_id, provider_call_id, called_number, number_id, "
            + "caller_hash, caller_masked, started_at, duration_seconds, status, recording_url, attribution, hold_id, "
            + "visitor_id, channel, campaign, utm_source, utm_medium, landing_url, gclid, first_time, qualified, "
            + "touchpoint_event, conversion_event) values (current_setting('" + TenantConnections.SETTING + "'), "
            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "not exists (select 1 from call where caller_hash = ? and started_at < ?), ?, ?, ?) "
            + "on conflict (tenant_id, provider_call_id) do nothing returning id, first_time";
    private static final String INSERT_TOUCHPOINT = "insert into touchpoint (tenant_id, event_id, visitor_id, occurred_at, "
            + "channel, campaign, utm_source, utm_medium, utm_campaign, utm_term, utm_content, url, referrer, gclid, "
            + "fbclid, msclkid, interaction, way_in) values (current_setting('" + TenantConnections.SETTING + "'), "
            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'CLICK', 'CALL')";
    private static final String INSERT_CONVERSION = "insert into conversion (tenant_id, event_id, visitor_id, occurred_at, "
            + "action_id, value, currency, way_in) values (current_setting('" + TenantConnections.SETTING + "'), "
            + "?, ?, ?, ?, ?, ?, 'CALL')";
    private static final String LINK = "insert into identity_link (tenant_id, visitor_id, person_key) values "
            + "(current_setting('" + TenantConnections.SETTING + "'), ?, ?) on conflict do nothing";

    @Inject
    private TenantConnections connections;

    @Inject
    private CurrentTenant currentTenant;

    /**
     * Stores one call of the current tenant.
     *
     * @return the call as stored, or as stored before when its provider call id is known ({@code duplicate})
     * @throws InvalidInputException naming the field that is missing or wrong, or a called number that is
     *                               neither one of the tenant's tracking numbers nor its business number;
     *                               nothing is stored
     */
    public RecordedCall record(CallReport report) {
        Checked call = check(report);
        try (Connection c = connections.forCurrentTenant()) {
            Source source = attribute(c, call);
            String callerHash = call.caller() == null ? null : callerHash(CallWebhooks.callerKey(c), call.caller());
            String visitor = source.visitorId() != null ? source.visitorId()
                    : callerHash != null ? "caller-" + callerHash.substring(0, 32) : "call-" + call.callId();
            List<Action> qualifying = call.status() == CallStatus.ANSWERED ? qualifying(c, call.duration()) : List.of();
            String touchEvent = source.attribution() == CallAttribution.UNATTRIBUTED ? null : "call:" + call.callId();
            String conversionEvent = qualifying.isEmpty() ? null : "call:" + call.callId() + ":conversion";

            long id;
            boolean firstTime;
            try (PreparedStatement ps = c.prepareStatement(INSERT_CALL)) {
                int p = 1;
                ps.setString(p++, call.callId());
                ps.setString(p++, call.called().e164());
                ps.setObject(p++, source.numberId());
                ps.setString(p++, callerHash);
                ps.setString(p++, call.caller() == null ? null : call.caller().masked());
                ps.setTimestamp(p++, Timestamp.from(call.startedAt()));
                ps.setInt(p++, call.duration());
                ps.setString(p++, call.status().name());
                ps.setString(p++, call.recordingUrl());
                ps.setString(p++, source.attribution().name());
                ps.setObject(p++, source.holdId());
                ps.setString(p++, visitor);
                ps.setString(p++, source.channel());
                ps.setString(p++, source.campaign());
                ps.setString(p++, source.utmSource());
                ps.setString(p++, source.utmMedium());
                ps.setString(p++, source.landingUrl());
                ps.setString(p++, source.gclid());
                ps.setString(p++, callerHash);
                ps.setTimestamp(p++, Timestamp.from(call.startedAt()));
                ps.setBoolean(p++, !qualifying.isEmpty());
                ps.setString(p++, touchEvent);
                ps.setString(p, conversionEvent);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return CallLog.byProviderId(c, call.callId()).withDuplicate();
                    }
                    id = rs.getLong(1);
                    firstTime = rs.getBoolean(2);
                }
            }
            if (touchEvent != null) {
                touchpoint(c, touchEvent, visitor, call.startedAt(), source);
            }
            for (Action action : qualifying) {
                try (PreparedStatement ps = c.prepareStatement(INSERT_CONVERSION)) {
                    ps.setString(1, conversionEvent + ":" + action.id());
                    ps.setString(2, visitor);
                    ps.setTimestamp(3, Timestamp.from(call.startedAt()));
                    ps.setLong(4, action.id());
                    ps.setBigDecimal(5, action.value());
                    ps.setString(6, action.currency());
                    ps.executeUpdate();
                }
            }
            if (callerHash != null) {
                try (PreparedStatement ps = c.prepareStatement(LINK)) {
                    ps.setString(1, visitor);
                    ps.setString(2, "phone:" + callerHash);
                    ps.executeUpdate();
                }
            }
            PendingAttribution.mark(c, currentTenant.require(), List.of(visitor));
            return new RecordedCall(id, call.callId(), call.called().e164(),
                    call.caller() == null ? null : call.caller().masked(), call.startedAt(), call.duration(),
                    call.status(), source.attribution(), source.channel(), source.campaign(), source.utmSource(),
                    source.utmMedium(), source.landingUrl(), source.gclid(), !qualifying.isEmpty(), firstTime, false);
        } catch (SQLException e) {
            throw new IllegalStateException("storing the call failed: " + e.getMessage(), e);
        }
    }

    /** A report's fields, checked. */
    private record Checked(PhoneNumber called, PhoneNumber caller, Instant startedAt, int duration, CallStatus status,
                           String callId, String recordingUrl) {
    }

    /** What the call is attributed to, with the touchpoint fields it carries. */
    private record Source(CallAttribution attribution, Long numberId, Long holdId, String visitorId, String channel,
                          String campaign, String utmSource, String utmMedium, String utmCampaign, String utmTerm,
                          String utmContent, String landingUrl, String referrer, String gclid, String fbclid,
                          String msclkid) {

        static Source unattributed(Long numberId) {
            return new Source(CallAttribution.UNATTRIBUTED, numberId, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null);
        }
    }

    private record Action(long id, BigDecimal value, String currency) {
    }

    private static Checked check(CallReport r) {
        if (r == null) {
            throw new InvalidInputException("a call is required: to, from, call_id, status, duration, started_at");
        }
        PhoneNumber called = PhoneNumber.parse("to", r.calledNumber(), null);
        PhoneNumber caller = null;
        if (r.callerNumber() != null && !r.callerNumber().isBlank()) {
            try {
                caller = PhoneNumber.parse("from", r.callerNumber(), null);
            } catch (InvalidInputException e) {
                caller = null; // withheld or unreadable (providers send "anonymous", "+266696687"): an unknown caller
            }
        }
        String callId = r.providerCallId();
        if (callId == null || callId.isBlank()) {
            throw new InvalidInputException("call_id is required: the provider's id of the call (Twilio's CallSid)");
        }
        Text.withoutNul("call_id", callId);
        if (callId.length() > MAX_CALL_ID) {
            throw new InvalidInputException("call_id is longer than " + MAX_CALL_ID + " characters");
        }
        CallStatus status = CallStatus.parse(r.status());
        Integer duration = r.durationSeconds();
        if (duration == null || duration < 0 || duration > 86_400) {
            throw new InvalidInputException("duration is required: whole seconds from 0 to 86400");
        }
        Instant startedAt = startedAt(r.startedAt());
        String recording = r.recordingUrl();
        if (recording != null && !recording.isBlank()) {
            Text.withoutNul("recording_url", recording);
            if (recording.length() > MAX_URL || !(recording.startsWith("https://") || recording.startsWith("http://"))) {
                throw new InvalidInputException("recording_url must be an http(s) URL of at most " + MAX_URL + " characters");
            }
            try {
                URI.create(recording);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("recording_url is not a URL: " + e.getMessage());
            }
        } else {
            recording = null;
        }
        return new Checked(called, caller, startedAt, duration, status, callId.strip(), recording);
    }

    private static Instant startedAt(String value) {
        if (value == null || value.isBlank()) {
            return Instant.now();
        }
        Instant at;
        try {
            at = value.strip().matches("[0-9]{1,12}") ? Instant.ofEpochSecond(Long.parseLong(value.strip()))
                    : OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("started_at " + Text.echo(value) + " is not an ISO-8601 instant with an "
                    + "offset (2026-09-07T14:00:00Z) or seconds since 1970");
        }
        if (at.isAfter(Instant.now().plus(MAX_FUTURE))) {
            throw new InvalidInputException("started_at " + Text.echo(value) + " is in the future");
        }
        return at;
    }

    private static Source attribute(Connection c, Checked call) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(NUMBER)) {
            ps.setString(1, call.called().e164());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    if (!isBusinessNumber(c, call.called())) {
                        throw new InvalidInputException("to " + call.called().e164() + " is not one of the client's "
                                + "tracking numbers or business numbers");
                    }
                    return Source.unattributed(null);
                }
                long numberId = rs.getLong(1);
                return switch (rs.getString(2)) {
                    case "POOL" -> heldBy(c, numberId, call.startedAt());
                    case "OFFLINE" -> campaign(c, numberId, rs.getLong(4));
                    default -> {
                        String source = rs.getString(5);
                        String medium = rs.getString(6);
                        String channel = DefaultChannelGrouping.classify(new TrafficSignals(null, source, medium, null,
                                null, null, null, null, null, null, null));
                        yield new Source(CallAttribution.SOURCE, numberId, null, null, channel, null, source, medium,
                                null, null, null, null, null, null, null, null);
                    }
                };
            }
        }
    }

    private static boolean isBusinessNumber(Connection c, PhoneNumber number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(BUSINESS_NUMBER)) {
            ps.setString(1, number.e164());
            ps.setString(2, number.e164());
            ps.setString(3, number.e164());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static Source heldBy(Connection c, long numberId, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HOLD_AT)) {
            ps.setLong(1, numberId);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setTimestamp(3, Timestamp.from(at));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Source.unattributed(numberId);
                }
                return new Source(CallAttribution.SESSION, numberId, rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(6), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                        rs.getString(13));
            }
        }
    }

    private static Source campaign(Connection c, long numberId, long campaignId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CAMPAIGN)) {
            ps.setLong(1, campaignId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Source(CallAttribution.CAMPAIGN, numberId, null, null, rs.getString(2), rs.getString(1),
                        rs.getString(3), rs.getString(4), rs.getString(5), null, null, null, null, null, null, null);
            }
        }
    }

    private static List<Action> qualifying(Connection c, int duration) throws SQLException {
        List<Action> actions = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(CALL_ACTIONS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (duration >= rs.getInt(4)) {
                    actions.add(new Action(rs.getLong(1), rs.getBigDecimal(2), rs.getString(3)));
                }
            }
        }
        return actions;
    }

    private static void touchpoint(Connection c, String eventId, String visitor, Instant at, Source s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_TOUCHPOINT)) {
            int p = 1;
            ps.setString(p++, eventId);
            ps.setString(p++, visitor);
            ps.setTimestamp(p++, Timestamp.from(at));
            ps.setString(p++, s.channel());
            ps.setString(p++, s.campaign());
            ps.setString(p++, s.utmSource());
            ps.setString(p++, s.utmMedium());
            ps.setString(p++, s.utmCampaign());
            ps.setString(p++, s.utmTerm());
            ps.setString(p++, s.utmContent());
            ps.setString(p++, s.landingUrl());
            ps.setString(p++, s.referrer());
            ps.setString(p++, s.gclid());
            ps.setString(p++, s.fbclid());
            ps.setString(p, s.msclkid());
            ps.executeUpdate();
        }
    }

    /** HMAC-SHA256 of the caller's E.164 number with the tenant's caller key, lowercase hex. */
    static String callerHash(String key, PhoneNumber caller) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(caller.e164().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java", e);
        }
    }
}
