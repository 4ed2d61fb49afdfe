package io.tracker.interfaces.audit.web;

import io.tracker.application.audit.Alert;
import io.tracker.application.audit.AlertChecker;
import io.tracker.application.audit.AlertService;
import io.tracker.application.audit.AlertSettings;
import io.tracker.application.audit.TagHealthReport;
import io.tracker.application.audit.TagHealthService;
import io.tracker.domain.shared.DomainException;
import io.tracker.interfaces.shared.web.Messages;
import io.tracker.interfaces.tenant.web.SignedInUser;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * Backs {@code /app/tag-health.xhtml}: the client's tag health now ({@link TagHealthService}), its alerts
 * ({@link AlertService}) and, for analysts and agency admins, "check now" and mute/unmute (the services refuse
 * anyone else).
 */
@Named
@ViewScoped
public class TagHealthBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private TagHealthService tagHealth;

    @Inject
    private AlertService alerts;

    @Inject
    private AlertChecker checker;

    @Inject
    private SignedInUser user;

    private String tenantId;
    private TagHealthReport report;
    private List<Alert> alertRows = List.of();
    private AlertSettings settings;

    @PostConstruct
    public void init() {
        tenantId = user.getTenantId();
        load();
    }

    public void load() {
        report = tagHealth.report(null);
        alertRows = alerts.list(false);
        settings = alerts.settings();
    }

    /** Runs the checks now. */
    public void checkNow() {
        if (run(() -> {
            int raised = checker.checkNow(null).size();
            Messages.info(raised == 0 ? "Checked: no new alert." : "Checked: " + raised + " new alert(s).");
        })) {
            load();
        }
    }

    public void mute(boolean muted) {
        if (run(() -> alerts.mute(muted))) {
            Messages.info(muted ? "Alerts muted: nothing is sent and the dashboard shows none."
                    : "Alerts unmuted.");
            load();
        }
    }

    private boolean run(Runnable action) {
        if (!user.isStill(tenantId)) {
            Messages.error("You switched to another client in another window. Reload this page.");
            return false;
        }
        try {
            action.run();
            return true;
        } catch (DomainException | EJBException e) {
            Messages.error(Messages.domainCause(e).orElseThrow(() -> e).getMessage());
            return false;
        }
    }

    /** A domain as shown: "(no page URL)" for server hits. */
    public String domain(String domain) {
        return domain == null || domain.isEmpty() ? "(no page URL)" : domain;
    }

    /** A share 0..1 as "12.5%"; "–" without data. */
    public String share(Double share) {
        return share == null ? "–" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    public String baseline(double baseline) {
        return String.format(Locale.ROOT, "%.1f", baseline);
    }

    public TagHealthReport getReport() {
        return report;
    }

    public List<Alert> getAlerts() {
        return alertRows;
    }

    public AlertSettings getSettings() {
        return settings;
    }

    public boolean isMayEditSetup() {
        return user.isMayEditSetup();
    }
}
