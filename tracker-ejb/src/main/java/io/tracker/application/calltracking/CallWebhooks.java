package io.tracker.application.calltracking;

import io.tracker.application.tenant.TenantConnections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The current tenant's {@code call_webhook} row, made with generated secrets on first use. */
final class CallWebhooks {

    private CallWebhooks() {
    }

    /** The tenant's webhook, in the connection's transaction. */
    static CallWebhook ensure(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into call_webhook (tenant_id, account_id, signing_secret, "
                + "caller_key) values (current_setting('" + TenantConnections.SETTING + "'), ?, ?, ?) on conflict do nothing")) {
            ps.setString(1, "acct_" + CallTrackingSetupService.randomSecret().substring(0, 24));
            ps.setString(2, CallTrackingSetupService.randomSecret());
            ps.setString(3, CallTrackingSetupService.randomSecret());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("select account_id, signing_secret from call_webhook");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new CallWebhook(rs.getString(1), rs.getString(2));
        }
    }

    /** The key of the caller hash (made with the webhook when missing). */
    static String callerKey(Connection c) throws SQLException {
        ensure(c);
        try (PreparedStatement ps = c.prepareStatement("select caller_key from call_webhook");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
