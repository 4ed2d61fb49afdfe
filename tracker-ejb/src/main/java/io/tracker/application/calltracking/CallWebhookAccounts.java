package io.tracker.application.calltracking;

import io.tracker.application.tenant.CrossTenant;
import io.tracker.application.tenant.TenantConnections;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Finds the tenant and signing secret of a call webhook's account id, before the tenant is known. */
@Stateless
public class CallWebhookAccounts {

    /** A webhook account: its tenant and the secret its requests are signed with. */
    public record Account(String tenantId, String signingSecret) {
    }

    @Inject
    private TenantConnections connections;

    /** The account, empty for an unknown or malformed id. */
    @CrossTenant("the call webhook names its tenant by a public account id; reads that tenant's id and signing "
            + "secret through the function call_webhook_by_account, nothing else")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Account> find(String accountId) {
        if (accountId == null || !accountId.matches("[0-9A-Za-z_-]{8,64}")) {
            return Optional.empty();
        }
        try (Connection c = connections.forCrossTenantFunctions();
             PreparedStatement ps = c.prepareStatement("select tenant_id, signing_secret from call_webhook_by_account(?)")) {
            ps.setString(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Account(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("looking up the call webhook account failed: " + e.getMessage(), e);
        }
    }
}
