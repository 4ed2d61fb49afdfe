package io.tracker.interfaces.reporting.web;

import io.tracker.application.reporting.Kpis;
import io.tracker.application.reporting.PortfolioService;
import io.tracker.interfaces.tenant.web.SignedInUser;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * Backs {@code /app/admin/portfolio.xhtml} (agency admins): every client of the agencies the caller
 * administers side by side, with its headline KPIs of the last {@value #DAYS} days (today
 * included, days in each client's own time zone, revenue in its own currency), from one call of
 * {@link PortfolioService#portfolio}. The request keeps acting for the session's selected tenant.
 */
@Named
@ViewScoped
public class PortfolioBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Length of the period, in days, ending today. */
    static final int DAYS = 30;

    @Inject
    private PortfolioService portfolio;

    @Inject
    private SignedInUser user;

    private List<PortfolioLine> lines = List.of();

    @PostConstruct
    public void init() {
        lines = portfolio.portfolio(user.caller(), DAYS, Instant.now()).stream()
                .map(c -> new PortfolioLine(c.tenantId(), c.name(), c.industry(), c.timeZone(), c.currency(), c.kpis()))
                .toList();
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

    /**
     * All clients' converted visits ÷ visits (each client's own days; see {@code Kpis}), a fraction in [0, 1];
     * revenue is not added up across currencies.
     */
    public double getOverallConversionRate() {
        return Kpis.rate(lines.stream().mapToLong(PortfolioLine::getConvertedVisits).sum(), getTotalTouchpoints());
    }

    public int getDays() {
        return DAYS;
    }
}
