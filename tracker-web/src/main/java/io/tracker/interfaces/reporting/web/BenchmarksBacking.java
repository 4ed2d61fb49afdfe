package io.tracker.interfaces.reporting.web;

import io.tracker.application.reporting.BenchmarkService;
import io.tracker.application.reporting.Benchmarks;
import io.tracker.application.reporting.IndustryBenchmark;
import io.tracker.application.reporting.Kpis;
import io.tracker.application.reporting.PeerComparison;
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
 * Backs the benchmark card {@code /WEB-INF/includes/benchmarks.xhtml}, which a page includes with the
 * period it shows ({@code from}, {@code to}: days in the client's time zone; null means the last 30 days):
 * the client's conversion rate (counted macro conversions ÷ visits) beside its industry's published figures
 * (source and year) and its anonymised peers, from {@link BenchmarkService#benchmarks}. The answer for the
 * last period asked is kept for the view, so the card's many expressions read the database once.
 */
@Named
@ViewScoped
public class BenchmarksBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private BenchmarkService benchmarks;

    @EJB
    private TenantService tenants;

    private LocalDate cachedFrom;
    private LocalDate cachedTo;
    private Benchmarks cached;
    private LocalDate knownFrom;
    private LocalDate knownTo;
    private Kpis known;

    /**
     * The headline figures of the period {@code from}..{@code to}, as the page including the card has just read
     * them ({@code ReportService.kpis}): the card's next read of that period uses them instead of reading them
     * again.
     */
    public void knownKpis(LocalDate from, LocalDate to, Kpis kpis) {
        knownFrom = from;
        knownTo = to;
        known = kpis;
    }

    /** The comparison over the period (read once per view and period). */
    public Benchmarks card(LocalDate from, LocalDate to) {
        if (cached == null || !Objects.equals(from, cachedFrom) || !Objects.equals(to, cachedTo)) {
            ZoneId zone = tenants.current().getTimeZone();
            ReportPeriod period = from == null || to == null ? ReportPeriod.parse(null, null, zone)
                    : new ReportPeriod(from, to, zone);
            boolean figuresKnown = known != null && from != null && from.equals(knownFrom) && to.equals(knownTo);
            cached = figuresKnown ? benchmarks.benchmarks(period, known) : benchmarks.benchmarks(period);
            cachedFrom = from;
            cachedTo = to;
        }
        return cached;
    }

    /** How the client's rate stands against a figure, such as "+0.60 pts above" or "1.20 pts below". */
    public String versus(double rate, IndustryBenchmark benchmark) {
        return versus(rate, benchmark.value().doubleValue());
    }

    /** {@link #versus(double, IndustryBenchmark)} against the peers' median. */
    public String versusMedian(double rate, PeerComparison peers) {
        return versus(rate, peers.median().doubleValue());
    }

    /** Why the peers are not shown, in words. */
    public String peersHiddenText(Benchmarks b) {
        if (b.peersHidden() == null) {
            return "";
        }
        return switch (b.peersHidden()) {
            case NO_INDUSTRY -> "Set the client's industry to compare it with other clients.";
            case PERIOD_TOO_SHORT -> "Peer comparison needs a period of at least " + PeerComparison.MIN_DAYS + " days.";
            case TOO_FEW_PEERS -> "Peer comparison appears when at least " + PeerComparison.MIN_PEERS
                    + " other clients in your industry have data.";
        };
    }

    static String versus(double rate, double figure) {
        double points = (rate - figure) * 100;
        if (Math.abs(points) < 0.005) {
            return "level with it";
        }
        return String.format(java.util.Locale.ROOT, "%.2f pts %s", Math.abs(points), points > 0 ? "above" : "below");
    }
}
