package io.tracker.application.calltracking;

import io.tracker.domain.calltracking.CallAttribution;
import io.tracker.domain.calltracking.CallStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads stored calls of the connection's tenant as {@link RecordedCall}s. */
final class CallLog {

    static final String SELECT = "select id, provider_call_id, called_number, caller_masked, started_at, duration_seconds, "
            + "status, attribution, channel, campaign, utm_source, utm_medium, landing_url, gclid, qualified, first_time "
            + "from call ";

    private CallLog() {
    }

    static RecordedCall byProviderId(Connection c, String providerCallId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + "where provider_call_id = ?")) {
            ps.setString(1, providerCallId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("call " + providerCallId + " was stored but cannot be read");
                }
                return read(rs);
            }
        }
    }

    static RecordedCall read(ResultSet rs) throws SQLException {
        return new RecordedCall(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant(), rs.getInt(6), CallStatus.valueOf(rs.getString(7)),
                CallAttribution.valueOf(rs.getString(8)), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getString(12), rs.getString(13), rs.getString(14), rs.getBoolean(15), rs.getBoolean(16), false);
    }
}
