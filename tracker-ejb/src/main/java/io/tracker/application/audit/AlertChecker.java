package io.tracker.application.audit;

import io.tracker.application.reporting.schedules.MailSettings;
import io.tracker.application.tenant.CrossTenant;
import io.tracker.application.tenant.PlatformJob;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Runs the current client's alert checks: the accuracy check, then the tag-health checks, recording the failed
 * checks as alerts ({@link AlertWork}); then, unless the client muted alerts, delivers the open alerts not yet
 * notified by webhook and e-mail ({@link AlertDelivery}) with no transaction open, and marks them notified when at
 * least one way delivered them. An alert that could not be delivered (no webhook nor address yet, a failed webhook)
 * is tried again at the next check.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AlertChecker {

    private static final Logger LOG = Logger.getLogger(AlertChecker.class.getName());

    @EJB
    private AlertWork work;

    @Inject
    private MailSettings mail;

    @Inject
    private TenantConnections connections;

    /**
     * Checks now (or as at {@code at}), for the API's "check now".
     *
     * @param at the check's "now"; null: now
     * @return the alerts this check raised (not those already open)
     */
    @RequiresPermission(Permission.EDIT_SETUP)
    public List<Alert> checkNow(Instant at) {
        return run(at);
    }

    /** The scheduler's check of the current tenant. */
    @PlatformJob("the alert checker checks each tenant's tag health and data accuracy as that tenant")
    public List<Alert> checkAsPlatform() {
        return run(null);
    }

    /** The tenants with hits in the last 29 days or an open alert ({@code alert_tenants_to_check()}). */
    @CrossTenant("the alert checker finds which tenants to check before it works as each of them; reads tenant ids "
            + "only, through the function alert_tenants_to_check")
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<String> tenantsToCheck() {
        List<String> tenants = new ArrayList<>();
        try (Connection c = connections.forCrossTenantFunctions();
             PreparedStatement ps = c.prepareStatement("select tenant_id from alert_tenants_to_check()");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tenants.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("finding the tenants to check failed: " + e.getMessage(), e);
        }
        return tenants;
    }

    private List<Alert> run(Instant given) {
        Instant at = given == null ? Instant.now() : given;
        List<AlertFinding> accuracy;
        try {
            accuracy = work.accuracy(at);
        } catch (RuntimeException e) {
            // The tag-health checks go on; the open accuracy alerts stay as they are.
            LOG.warning(() -> "the accuracy check failed, tried again at the next check: " + e);
            accuracy = null;
        }
        AlertWork.Recorded recorded = work.record(at, accuracy);
        AlertWork.Delivery d = recorded.delivery();
        List<Alert> pending = recorded.pending();
        if (d.muted() || pending.isEmpty()) {
            return recorded.raised();
        }
        boolean delivered = false;
        if (d.webhookUrl() != null && d.secret() != null) {
            try {
                AlertDelivery.webhook(d.webhookUrl(), d.secret(), d.client(), pending, Clock.systemUTC());
                delivered = true;
            } catch (Exception e) {
                LOG.warning(() -> "alert webhook to " + d.webhookUrl() + " failed, tried again at the next check: " + e);
            }
        }
        Optional<MailSettings.Smtp> smtp = mail.smtp();
        if (!d.emails().isEmpty() && smtp.isPresent()) {
            try {
                AlertDelivery.email(smtp.get(), d.emails(), d.client(), pending);
                delivered = true;
            } catch (Exception e) {
                LOG.warning(() -> "alert e-mail through " + smtp.get().where() + " failed, tried again at the next "
                        + "check: " + e);
            }
        }
        if (delivered) {
            work.markNotified(pending.stream().map(Alert::id).toList());
        }
        return recorded.raised();
    }
}
