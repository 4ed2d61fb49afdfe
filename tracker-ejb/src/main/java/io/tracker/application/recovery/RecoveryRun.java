package io.tracker.application.recovery;

import io.tracker.application.recovery.sms.SendResult;
import io.tracker.application.recovery.sms.SmsHttp;
import io.tracker.application.recovery.sms.SmsSender;
import io.tracker.application.recovery.sms.TwilioSmsSender;
import io.tracker.application.recovery.sms.WebhookSmsSender;
import io.tracker.application.tenant.CrossTenant;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * One pass of SMS cart recovery for the current tenant: find and decide carts ({@link CartRecoveryWork#findCarts}),
 * then claim due texts in chunks of {@value #CHUNK}, send each through the flow's platform and keep its result. No
 * transaction is open while a platform answers. Claims last {@value CartRecoveryWork#CLAIM_MINUTES} minutes, longer
 * than a chunk can take ({@value #CHUNK} texts of at most 30 s each), so no other server sends them meanwhile; a pass
 * claims no new chunk after {@link #BUDGET} for one tenant.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RecoveryRun {

    static final int CHUNK = 10;
    static final Duration BUDGET = Duration.ofSeconds(60);
    private static final Logger LOG = Logger.getLogger(RecoveryRun.class.getName());
    private static final HttpClient HTTP = SmsHttp.defaultClient();

    @EJB
    private CartRecoveryWork work;

    @Inject
    private TenantConnections connections;

    /**
     * Runs a pass.
     *
     * @return what it did
     */
    @RequiresPermission(Permission.EDIT_SETUP)
    public Pass run() {
        int carts = work.findCarts(work.tenantZone());
        int sent = 0;
        int failed = 0;
        // A tenant whose platform answers slowly must not hold up the others: the next pass goes on.
        Instant stop = Instant.now().plus(BUDGET);
        while (Instant.now().isBefore(stop)) {
            List<DueText> due = work.claimDue(CHUNK);
            if (due.isEmpty()) {
                break;
            }
            for (DueText text : due) {
                SendResult result = sender(text).send(text.outgoing());
                work.recordResult(text, result);
                if (result.outcome() == SendResult.Outcome.ACCEPTED) {
                    sent++;
                } else {
                    failed++;
                    LOG.fine(() -> "recovery text " + text + ": " + result);
                }
            }
        }
        return new Pass(carts, sent, failed);
    }

    /** What a pass did: new carts, texts the platform accepted, attempts that did not succeed. */
    public record Pass(int newCarts, int sent, int notSent) {
    }

    /** The tenants with an enabled flow or a text still scheduled ({@code recovery_tenants_due()}). */
    @CrossTenant("the recovery schedule finds which tenants have flows before it works as each of them; "
            + "reads tenant ids only, through the function recovery_tenants_due")
    public List<String> tenantsDue() {
        List<String> tenants = new ArrayList<>();
        try (Connection c = connections.forCrossTenantFunctions();
             PreparedStatement ps = c.prepareStatement("select tenant_id from recovery_tenants_due()");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tenants.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("finding the tenants with recovery flows failed: " + e.getMessage(), e);
        }
        return tenants;
    }

    private static SmsSender sender(DueText text) {
        if ("TWILIO".equals(text.sender())) {
            return new TwilioSmsSender(text.twilioBaseUrl() == null ? TwilioSmsSender.API : URI.create(text.twilioBaseUrl()),
                    text.twilioAccountSid(), text.twilioAuthToken(), text.twilioFrom(), HTTP);
        }
        return new WebhookSmsSender(URI.create(text.webhookUrl()), text.webhookSecret(), HTTP, Clock.systemUTC());
    }
}
