package io.tracker.interfaces.reporting.web;

import io.tracker.application.reporting.Kpis;
import io.tracker.application.reporting.ReportPeriod;
import io.tracker.application.reporting.ReportService;
import io.tracker.application.tenant.Caller;
import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.TenantService;
import io.tracker.domain.tenant.Tenant;
import io.tracker.domain.tenant.TenantRole;
import io.tracker.interfaces.tenant.web.SignedInUser;
import io.tracker.interfaces.tenant.web.TenantSessionFilter;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Backs {@code /app/admin/portfolio.xhtml} (agency admins): every client of the agencies the caller
 * administers side by side, with its headline KPIs of the last {@value #DAYS} days (today
 * included, days in each client's own time zone, revenue in its own currency).
 *
 * <p>The clients come from {@link TenantService#clientsOf}, which lists only the caller's
 * agencies' clients. For each, the request acts for that client in turn, with agency-admin
 * permissions (the caller administers it), and asks {@link ReportService#kpis}; every query stays
 * tenant-scoped. Afterwards the request acts for the session's selected tenant again.
 */
@Named
@ViewScoped
public class PortfolioBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Length of the period, in days, ending today. */
    static final int DAYS = 30;

    @Inject
    private TenantService tenants;

    @Inject
    private ReportService reports;

    @Inject
    private CurrentTenant currentTenant;

    @Inject
    private SignedInUser user;

    private List<PortfolioLine> lines = List.of();

    @PostConstruct
    public void init() {
        Caller caller = user.caller();
        List<PortfolioLine> result = new ArrayList<>();
        try {
            for (Tenant client : tenants.clientsOf(caller)) {
                currentTenant.set(client.getId(), TenantRole.AGENCY_ADMIN.permissions(), caller.actor());
                LocalDate today = LocalDate.now(client.getTimeZone());
                Kpis kpis = reports.kpis(new ReportPeriod(today.minusDays(DAYS - 1), today, client.getTimeZone()));
                result.add(new PortfolioLine(client.getId(), client.getName(), client.getIndustry(),
                        client.getTimeZone().getId(), client.getCurrency().getCurrencyCode(), kpis));
            }
        } finally {
            if (user.isHasTenant()) {
                TenantSessionFilter.actForSelection(currentTenant, user);
            }
        }
        lines = List.copyOf(result);
    }

    public List<PortfolioLine> getLines() {
        return lines;
    }

    public long getTotalTouchpoints() {
        return lines.stream().mapToLong(PortfolioLine::getTouchpoints).sum();
    }

    public long getTotalConversions() {
        return lines.stream().mapToLong(PortfolioLine::getConversions).sum();
    }

    /** All clients' conversions per touchpoint (each client's own days; revenue is not added up across currencies). */
    public double getOverallConversionRate() {
        long touchpoints = getTotalTouchpoints();
        return touchpoints == 0 ? 0 : (double) getTotalConversions() / touchpoints;
    }

    public int getDays() {
        return DAYS;
    }
}
