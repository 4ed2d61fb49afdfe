package io.tracker.interfaces.reporting.web;

import io.tracker.application.attribution.AttributionQueue;
import io.tracker.application.reporting.AttributionReport;
import io.tracker.application.reporting.AttributionReportCsv;
import io.tracker.application.reporting.AttributionRow;
import io.tracker.application.reporting.Kpis;
import io.tracker.application.reporting.ReportDimension;
import io.tracker.application.reporting.ReportPeriod;
import io.tracker.application.reporting.ReportService;
import io.tracker.domain.attribution.AttributionModel;
import io.tracker.domain.shared.DomainException;
import io.tracker.interfaces.shared.web.Messages;
import io.tracker.interfaces.tenant.web.SignedInUser;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * Backs {@code /app/dashboard.xhtml}: the selected tenant's headline KPIs, attribution by channel
 * under the chosen model, a chart of it and every model side by side, for a range of whole
 * days in the tenant's time zone (both ends included; by default the last 30 days up to today).
 * Reports cover the tenant's macro conversions. Every change of model or dates reloads all of it. The
 * attribution table can be downloaded as CSV ({@link #getCsv}).
 */
@Named
@ViewScoped
public class DashboardBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Every model has a label and a description (DashboardBackingTest checks none is missing). */
    static final Map<AttributionModel, String> LABELS = new EnumMap<>(Map.of(
            AttributionModel.LAST_TOUCH, "Last touch",
            AttributionModel.FIRST_TOUCH, "First touch",
            AttributionModel.LINEAR, "Linear",
            AttributionModel.POSITION_BASED, "Position-based",
            AttributionModel.TIME_DECAY, "Time decay",
            AttributionModel.MARKOV, "Markov",
            AttributionModel.SHAPLEY, "Shapley"));

    static final Map<AttributionModel, String> DESCRIPTIONS = new EnumMap<>(Map.of(
            AttributionModel.LAST_TOUCH, "All credit goes to the last non-direct touch before the conversion.",
            AttributionModel.FIRST_TOUCH, "All credit goes to the touch that started the journey.",
            AttributionModel.LINEAR, "Credit is shared equally by all touches of the journey.",
            AttributionModel.POSITION_BASED, "40% to the first touch, 40% to the last, 20% shared by the touches "
                    + "in between.",
            AttributionModel.TIME_DECAY, "Touches closer to the conversion get more: a touch's weight halves with "
                    + "every half-life (7 days unless set) before the conversion.",
            AttributionModel.MARKOV, "Data-driven: each channel's share is its removal effect, how many conversions "
                    + "would be lost without it, fitted on all journeys, converting or not (after a data-driven run).",
            AttributionModel.SHAPLEY, "Data-driven: each channel gets its average contribution to the conversion "
                    + "rate of every combination of channels (Shapley values; after a data-driven run)."));

    @Inject
    private ReportService reports;

    @Inject
    private AttributionQueue attributionQueue;

    @Inject
    private SignedInUser tenant;

    /** The tenant the page was opened for (see {@code SignedInUser#isStill}). */
    private String tenantId;
    private LocalDate from;
    private LocalDate to;
    private AttributionModel model = AttributionModel.LAST_TOUCH;

    private boolean loaded;
    private long touchpoints;
    private long conversions;
    private double conversionRate;
    private double revenue;
    private List<ChannelLine> channels = List.of();
    private double totalConversions;
    private double totalRevenue;
    private List<ModelComparisonLine> comparison = List.of();
    private String chartJson;
    private String attributionStatus;

    /** The last 30 days up to today in the tenant's time zone, last-touch model. */
    @PostConstruct
    public void init() {
        tenantId = tenant.getTenantId();
        to = LocalDate.now(tenant.getTimeZone());
        from = to.minusDays(29);
        load();
    }

    /** Recomputes every figure for the current dates and model; a bad range leaves a message instead. */
    public void load() {
        loaded = false;
        if (!tenant.isStill(tenantId)) {
            Messages.error("You switched to another client in another window. Reload this page to see its figures.");
            return;
        }
        if (from == null || to == null) {
            Messages.error("Choose both a start and an end date.");
            return;
        }
        if (from.isAfter(to)) {
            Messages.error("The start date " + from + " is after the end date " + to + ".");
            return;
        }
        if (from.plusDays(ReportPeriod.MAX_DAYS).isBefore(to)) {
            Messages.error("Choose a shorter range: the dashboard covers at most " + ReportPeriod.MAX_DAYS + " days.");
            return;
        }
        try {
            ReportPeriod period = new ReportPeriod(from, to, tenant.getTimeZone());
            Kpis kpis = reports.kpis(period);
            Map<AttributionModel, AttributionReport> byModel = reports.attributionByModel(period, ReportDimension.CHANNEL, null);
            show(kpis, byModel);
            // Credits lag the events by the attribution worker's queue: say so next to the figures.
            attributionStatus = attributionQueue.tenantLag().summary();
        } catch (DomainException | EJBException e) {
            // Only a domain rule (such as "at most 1098 days") is the user's to fix; anything else is a fault.
            DomainException cause = Messages.domainCause(e).orElseThrow(() -> e);
            Messages.error(cause.getMessage());
        }
    }

    private void show(Kpis kpis, Map<AttributionModel, AttributionReport> byModel) {
        touchpoints = kpis.touchpoints();
        conversions = kpis.conversions();
        conversionRate = kpis.conversionRate();
        revenue = kpis.revenue();

        AttributionReport selected = byModel.get(model);
        totalConversions = selected.totalConversions();
        totalRevenue = selected.totalRevenue();
        List<ChannelLine> lines = new ArrayList<>();
        for (AttributionRow row : selected.rows()) {
            double share = totalConversions == 0 ? 0 : row.conversions() / totalConversions;
            lines.add(new ChannelLine(row.key(), row.conversions(), row.revenue(), share));
        }
        channels = List.copyOf(lines);
        chartJson = ChannelChart.config(channels, tenant.getCurrencyCode());
        comparison = compare(byModel);
        loaded = true;
    }

    /** Every channel any model credits, most credited by the selected model first, then by name. */
    private List<ModelComparisonLine> compare(Map<AttributionModel, AttributionReport> byModel) {
        Map<String, Map<AttributionModel, Double>> byChannel = new LinkedHashMap<>();
        byModel.forEach((m, report) -> report.rows().forEach(row -> byChannel
                .computeIfAbsent(row.key(), k -> new EnumMap<>(AttributionModel.class))
                .merge(m, row.conversions(), Double::sum)));
        List<ModelComparisonLine> lines = new ArrayList<>();
        byChannel.forEach((channel, credits) -> lines.add(new ModelComparisonLine(channel, credits)));
        lines.sort(Comparator.comparingDouble((ModelComparisonLine l) -> -l.conversions(model))
                .thenComparing(ModelComparisonLine::getChannel));
        return List.copyOf(lines);
    }

    /**
     * The attribution table as a CSV download, for the dates and model on screen: the same report, and the
     * same bytes, as {@code GET /api/v1/reports/attribution.csv?dimension=channel} answers
     * ({@link AttributionReportCsv}: plain decimals, the tenant's days). Read again when the button is
     * pressed, so it holds what the roll-up holds at that moment. Null (nothing to download, a message
     * instead) when the page no longer belongs to the selected tenant or its figures are not loaded.
     */
    public StreamedContent getCsv() {
        if (!loaded || !tenant.isStill(tenantId)) {
            Messages.error("Reload this page before exporting: its figures are not those of the selected client.");
            return null;
        }
        AttributionReport report = reports.attribution(model, new ReportPeriod(from, to, tenant.getTimeZone()),
                ReportDimension.CHANNEL, null);
        byte[] csv = AttributionReportCsv.bytes(report, tenant.getCurrencyCode());
        return DefaultStreamedContent.builder().name(AttributionReportCsv.fileName(report))
                .contentType(AttributionReportCsv.MEDIA_TYPE).contentLength((long) csv.length)
                .stream(() -> new ByteArrayInputStream(csv)).build();
    }

    public List<AttributionModel> getModels() {
        return List.of(AttributionModel.values());
    }

    public String label(AttributionModel m) {
        return LABELS.get(m);
    }

    public String getModelDescription() {
        return DESCRIPTIONS.get(model);
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public AttributionModel getModel() {
        return model;
    }

    public void setModel(AttributionModel model) {
        this.model = model == null ? AttributionModel.LAST_TOUCH : model;
    }

    /** Whether the figures belong to the dates and model on screen (false after a bad range). */
    public boolean isLoaded() {
        return loaded;
    }

    public long getTouchpoints() {
        return touchpoints;
    }

    public long getConversions() {
        return conversions;
    }

    /** Converted visits ÷ visits, a fraction in [0, 1] (shown as a percentage); see {@code Kpis}. */
    public double getConversionRate() {
        return conversionRate;
    }

    public double getRevenue() {
        return revenue;
    }

    public List<ChannelLine> getChannels() {
        return channels;
    }

    public double getTotalConversions() {
        return totalConversions;
    }

    public double getTotalRevenue() {
        return totalRevenue;
    }

    public List<ModelComparisonLine> getComparison() {
        return comparison;
    }

    public String getChartJson() {
        return chartJson;
    }

    /** "Attribution up to date", or how many visitors wait and for how long (see AttributionLag). */
    public String getAttributionStatus() {
        return attributionStatus;
    }

    public String getCurrencyCode() {
        return tenant.getCurrencyCode();
    }

    public String getTimeZone() {
        return tenant.getTimeZone().getId();
    }

    /** Today in the tenant's time zone: the latest day the date pickers offer. */
    public LocalDate getToday() {
        return LocalDate.now(tenant.getTimeZone());
    }
}
