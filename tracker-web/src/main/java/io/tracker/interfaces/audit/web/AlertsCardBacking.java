package io.tracker.interfaces.audit.web;

import io.tracker.application.audit.Alert;
import io.tracker.application.audit.AlertService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Backs the dashboard's alerts card ({@code WEB-INF/includes/alerts.xhtml}): the client's open alerts, read once per
 * request with one small query ({@link AlertService#forDashboard()}: none while muted); the card is hidden when
 * there are none.
 */
@Named
@RequestScoped
public class AlertsCardBacking {

    @Inject
    private AlertService alerts;

    private List<Alert> open;

    public List<Alert> getOpen() {
        if (open == null) {
            open = alerts.forDashboard();
        }
        return open;
    }

    public boolean isShown() {
        return !getOpen().isEmpty();
    }
}
