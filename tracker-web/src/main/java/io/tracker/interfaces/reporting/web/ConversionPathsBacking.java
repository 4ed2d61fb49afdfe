package io.tracker.interfaces.reporting.web;

import io.tracker.application.reporting.ConversionPathService;
import io.tracker.application.reporting.ConversionPaths;
import io.tracker.application.reporting.ReportPeriod;
import io.tracker.application.tenant.TenantService;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Backs the conversion paths card {@code /WEB-INF/includes/conversion-paths.xhtml}, which a page includes with the
 * period it shows ({@code from}, {@code to}: days in the client's time zone; null means the last 30 days): the
 * {@value #PATHS_SHOWN} most frequent channel paths of the macro conversions, and their time lag and path length
 * histograms, from {@link ConversionPathService}. The card loads after the page ({@code p:outputPanel deferred}):
 * the page's own time stays the figures it shows first. The answer for the last period asked is kept for the view.
 */
@Named
@ViewScoped
public class ConversionPathsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int PATHS_SHOWN = 10;

    @EJB
    private ConversionPathService paths;

    @EJB
    private TenantService tenants;

    private LocalDate cachedFrom;
    private LocalDate cachedTo;
    private ConversionPaths cached;

    /** The paths of the period (read once per view and period). */
    public ConversionPaths card(LocalDate from, LocalDate to) {
        if (cached == null || !Objects.equals(from, cachedFrom) || !Objects.equals(to, cachedTo)) {
            ZoneId zone = tenants.current().getTimeZone();
            ReportPeriod period = from == null || to == null ? ReportPeriod.parse(null, null, zone)
                    : new ReportPeriod(from, to, zone);
            cached = paths.paths(period, null, PATHS_SHOWN);
            cachedFrom = from;
            cachedTo = to;
        }
        return cached;
    }
}
