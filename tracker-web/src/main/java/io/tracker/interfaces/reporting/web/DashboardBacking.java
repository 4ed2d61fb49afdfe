package io.tracker.interfaces.reporting.web;

import io.tracker.application.attribution.AttributionQueue;
import io.tracker.application.conversion.ConversionActionService;
import io.tracker.application.reporting.AttributionReport;
import io.tracker.application.reporting.AttributionReportCsv;
import io.tracker.application.reporting.AttributionRow;
import io.tracker.application.reporting.ClientSummaryService;
import io.tracker.application.reporting.CostFigures;
import io.tracker.application.reporting.CreditedConversion;
import io.tracker.application.reporting.CreditedConversionService;
import io.tracker.application.reporting.DateRange;
import io.tracker.application.reporting.FunnelService;
import io.tracker.application.reporting.FunnelStep;
import io.tracker.application.reporting.Kpis;
import io.tracker.application.reporting.ReportDimension;
import io.tracker.application.reporting.ReportLabels;
import io.tracker.application.reporting.ReportPeriod;
import io.tracker.application.reporting.ReportService;
import io.tracker.application.reporting.SummaryPdf;
import io.tracker.application.reporting.TrendInterval;
import io.tracker.application.reporting.TrendService;
import io.tracker.domain.attribution.AttributionModel;
import io.tracker.domain.conversion.ConversionCategory;
import io.tracker.domain.shared.DomainException;
import io.tracker.interfaces.shared.web.Formats;
import io.tracker.interfaces.shared.web.Messages;
import io.tracker.interfaces.shared.web.OneTransaction;
import io.tracker.interfaces.tenant.web.SignedInUser;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.PrimeFaces;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * Backs {@code /app/dashboard.xhtml}: the selected tenant's KPIs with their change against a comparison period, a
 * trend, attribution by channel, campaign, source / medium or conversion action under the chosen model (drilling
 * down from a channel to its campaigns and to the conversions credited to them), every model side by side and a
 * funnel, for a range of whole days in the tenant's time zone (both ends included; by default the last 30 days up to
 * today, compared with the 30 days before).
 *
 * <p>The view's state is in the URL ({@link DashboardState}): reloading keeps it, and a copied address opens the
 * same view for anyone allowed to see the client. Every change reloads the figures and rewrites the address
 * ({@code history.replaceState}, no new history entry per click). Every figure is one the report API gives for the
 * same query.
 */
@Named
@ViewScoped
public class DashboardBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Every model has a label and a description (DashboardBackingTest checks none is missing). */
    static final Map<AttributionModel, String> LABELS = ReportLabels.MODELS;

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

    static final Map<ReportDimension, String> DIMENSIONS = ReportLabels.DIMENSIONS;

    static final int CONVERSIONS_SHOWN = 100;

    @Inject
    private ReportService reports;

    @Inject
    private TrendService trends;

    @Inject
    private ClientSummaryService summaries;

    @Inject
    private FunnelService funnels;

    @Inject
    private CreditedConversionService creditedConversions;

    @Inject
    private ConversionActionService conversionActions;

    @Inject
    private AttributionQueue attributionQueue;

    @Inject
    private SignedInUser tenant;

    /** The benchmark card of the same view, handed the period's KPIs so that it does not read them again. */
    @Inject
    private BenchmarksBacking benchmarksCard;

    /** The tenant the page was opened for (see {@code SignedInUser#isStill}). */
    private String tenantId;
    private DashboardState state;
    /** The URL's parameters, as sent (read by {@link #open}). */
    private final Map<String, String> parameters = new LinkedHashMap<>();

    private boolean loaded;
    private Headline headline;
    private Headline previous;
    private String trendChart;
    private AttributionRows lines = new AttributionRows(List.of());
    private double totalConversions;
    private double totalRevenue;
    private List<ModelComparisonLine> comparison = List.of();
    private String chartJson;
    private List<CreditedConversion> conversions = List.of();
    private List<FunnelStep> funnel = List.of();
    private List<String> funnelSteps;
    private boolean comparisonRevenue;
    private boolean comparisonDifference;
    private String attributionStatus;
    /** The period's ad cost with CPA and ROAS over the table's totals; null when no cost is known. */
    private CostFigures totalCost;
    /** The comparison period's cost figures under the same model; null without a comparison or cost. */
    private CostFigures previousCost;

    /** Defaults: the last 30 days up to today in the tenant's time zone, compared with the 30 before, last touch. */
    @PostConstruct
    public void init() {
        tenantId = tenant.getTenantId();
        state = DashboardState.defaults(getToday());
    }

    /**
     * The view action: reads the URL's state (a bad value is named in a message and left at its default). The
     * request's parameters are read as sent, not through {@code f:viewParam}, which turns an empty value into
     * none: {@code campaign=} (touches without a campaign) must stay an empty campaign.
     */
    public void open() {
        Map<String, String> request = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        for (String name : DashboardState.PARAMETERS) {
            if (request.containsKey(name)) {
                parameters.put(name, request.get(name));
            }
        }
        List<String> problems = new ArrayList<>();
        state = DashboardState.fromUrl(parameters, getToday(), problems);
        problems.forEach(Messages::error);
        load();
    }

    /** A preset was chosen: its days, then the figures. */
    public void rangeChanged() {
        state = state.withRange(state.range(), getToday());
        load();
    }

    /** A date was typed or picked: the range becomes custom. */
    public void datesChanged() {
        state = state.withCustomDates();
        load();
    }

    /** Opens a line of the attribution table: a channel's campaigns, or a campaign's conversions. */
    public void drillDown(String key) {
        state = state.drillDown(key);
        load();
    }

    /** Back up the drill-down: to every channel ({@code all}), or to the channel's campaigns ({@code channel}). */
    public void drillUp(String level) {
        state = state.drillUp(level);
        load();
    }

    /** Recomputes every figure for the current state; a bad range leaves a message instead. */
    public void load() {
        loaded = false;
        if (!tenant.isStill(tenantId)) {
            Messages.error("You switched to another client in another window. Reload this page to see its figures.");
            return;
        }
        if (state.from() == null || state.to() == null) {
            Messages.error("Choose both a start and an end date.");
            return;
        }
        if (state.from().isAfter(state.to())) {
            Messages.error("The start date " + state.from() + " is after the end date " + state.to() + ".");
            return;
        }
        if (state.from().plusDays(ReportPeriod.MAX_DAYS).isBefore(state.to())) {
            Messages.error("Choose a shorter range: the dashboard covers at most " + ReportPeriod.MAX_DAYS + " days.");
            return;
        }
        try {
            // One transaction for the view's dozen service calls: one tenant setting and one commit (OneTransaction).
            OneTransaction.run(this::read);
            loaded = true;
        } catch (DomainException | EJBException e) {
            // Only a domain rule (such as "at most 1098 days") is the user's to fix; anything else is a fault.
            DomainException cause = Messages.domainCause(e).orElseThrow(() -> e);
            Messages.error(cause.getMessage());
        }
        showAddress();
    }

    /** Reads every figure of the view for the current state (valid dates). */
    private void read() {
        ReportPeriod period = new ReportPeriod(state.from(), state.to(), tenant.getTimeZone());
        // Read once and passed along: the funnel's first step and the benchmark card's rate are these figures.
        Kpis kpis = reports.kpis(period);
        headline = Headline.of(kpis, reports.activity(period));
        LocalDate[] before = state.comparison().days(state.from(), state.to());
        previous = null;
        previousCost = null;
        if (before != null) {
            ReportPeriod earlier = new ReportPeriod(before[0], before[1], tenant.getTimeZone());
            previous = Headline.of(reports.kpis(earlier), reports.activity(earlier));
            previousCost = reports.attribution(state.model(), earlier, ReportDimension.CHANNEL, null).totalCost();
        }
        trendChart = TrendChart.config(trends.trend(period, state.interval()), tenant.getCurrencyCode());
        showAttribution(period);
        if (funnelSteps == null) {
            funnelSteps = conversionActions.list().stream()
                    .filter(a -> a.getCategory() == ConversionCategory.MICRO).map(a -> a.getKey()).toList();
        }
        funnel = funnels.funnel(period, funnelSteps, kpis.touchpoints());
        benchmarksCard.knownKpis(state.from(), state.to(), kpis);
        // Credits lag the events by the attribution worker's queue: say so next to the figures.
        attributionStatus = attributionQueue.tenantLag().summary();
    }

    private void showAttribution(ReportPeriod period) {
        ReportDimension dimension = state.tableDimension();
        Map<AttributionModel, AttributionReport> byModel =
                reports.attributionByModel(period, dimension, null, state.channel());
        AttributionReport selected = byModel.get(state.model());
        totalConversions = selected.totalConversions();
        totalRevenue = selected.totalRevenue();
        List<AttributionLine> shown = new ArrayList<>();
        for (AttributionRow row : selected.rows()) {
            double share = totalConversions == 0 ? 0 : row.conversions() / totalConversions;
            shown.add(new AttributionLine(row.key(), display(row.name()), row.conversions(), row.revenue(), share,
                    row.cost()));
        }
        lines = new AttributionRows(shown);
        totalCost = selected.totalCost();
        chartJson = ChannelChart.config(shown, tenant.getCurrencyCode());
        comparison = compare(byModel);
        conversions = state.campaign() == null ? List.of() : creditedConversions.list(state.model(), period,
                state.channel(), state.campaign(), CONVERSIONS_SHOWN);
    }

    /** Every line any model credits, most credited by the selected model first, then by name. */
    private List<ModelComparisonLine> compare(Map<AttributionModel, AttributionReport> byModel) {
        Map<String, Map<AttributionModel, Double>> conversionsByLine = new LinkedHashMap<>();
        Map<String, Map<AttributionModel, Double>> revenueByLine = new LinkedHashMap<>();
        byModel.forEach((m, report) -> report.rows().forEach(row -> {
            conversionsByLine.computeIfAbsent(display(row.name()), k -> new EnumMap<>(AttributionModel.class))
                    .merge(m, row.conversions(), Double::sum);
            revenueByLine.computeIfAbsent(display(row.name()), k -> new EnumMap<>(AttributionModel.class))
                    .merge(m, row.revenue(), Double::sum);
        }));
        List<ModelComparisonLine> result = new ArrayList<>();
        conversionsByLine.forEach((name, credits) -> result.add(new ModelComparisonLine(name, credits,
                revenueByLine.get(name))));
        AttributionModel model = state.model();
        result.sort(Comparator.comparingDouble((ModelComparisonLine l) -> -l.conversions(model))
                .thenComparing(ModelComparisonLine::getName));
        return List.copyOf(result);
    }

    /** A campaign key {@code ""} (touches without a campaign) is shown as "(no campaign)". */
    static String display(String name) {
        return name == null || name.isEmpty() ? "(no campaign)" : name;
    }

    /** Writes the state into the address bar, so reloading or sharing it opens this view. */
    private void showAddress() {
        PrimeFaces pf = PrimeFaces.current();
        if (pf.isAjaxRequest()) {
            String url = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                    + "/dashboard.xhtml?" + state.query();
            pf.executeScript("history.replaceState(null, '', " + Js.string(url) + ");");
        }
    }

    /**
     * The attribution table as a CSV download, for the dates, model and dimension on screen: the same report, and
     * the same bytes, as {@code GET /api/v1/reports/attribution.csv} answers ({@link AttributionReportCsv}: plain
     * decimals, the tenant's days). Read again when the button is pressed. Null (a message instead) when the page
     * no longer belongs to the selected tenant or its figures are not loaded.
     */
    public StreamedContent getCsv() {
        if (!loaded || !tenant.isStill(tenantId)) {
            Messages.error("Reload this page before exporting: its figures are not those of the selected client.");
            return null;
        }
        AttributionReport report = reports.attribution(state.model(), period(), state.tableDimension(), null,
                state.channel());
        byte[] csv = AttributionReportCsv.bytes(report, tenant.getCurrencyCode());
        return DefaultStreamedContent.builder().name(AttributionReportCsv.fileName(report))
                .contentType(AttributionReportCsv.MEDIA_TYPE).contentLength((long) csv.length)
                .stream(() -> new ByteArrayInputStream(csv)).build();
    }

    /**
     * A one-page PDF summary of this view ({@link SummaryPdf}, the document scheduled e-mails attach): the client,
     * the period and its comparison, the KPIs with their change and the attribution table, for agencies to send their
     * clients. Read again when the button is pressed ({@link ClientSummaryService}), as the CSV is.
     */
    public StreamedContent getPdf() {
        if (!loaded || !tenant.isStill(tenantId)) {
            Messages.error("Reload this page before exporting: its figures are not those of the selected client.");
            return null;
        }
        LocalDate[] before = state.comparison().days(state.from(), state.to());
        ReportPeriod compared = before == null ? null : new ReportPeriod(before[0], before[1], tenant.getTimeZone());
        byte[] pdf = SummaryPdf.write(summaries.summary(period(), compared, state.comparison().against(),
                state.model(), state.tableDimension(), state.channel()));
        return DefaultStreamedContent.builder().name(exportName("summary") + ".pdf").contentType(SummaryPdf.MEDIA_TYPE)
                .contentLength((long) pdf.length).stream(() -> new ByteArrayInputStream(pdf)).build();
    }

    /** A download's name without extension: {@code attribution-last_touch-2026-11-01-2026-11-30}. */
    public String exportName(String what) {
        return what + "-" + state.model().apiName() + "-" + state.from() + "-" + state.to();
    }

    /** A cell of the model comparison: the model's figure for the line, or its difference from last touch. */
    public String comparisonCell(ModelComparisonLine line, AttributionModel m) {
        double value = line.figure(m, comparisonRevenue, comparisonDifference);
        String text = comparisonRevenue ? Formats.money(Math.abs(value), tenant.getCurrencyCode())
                : Formats.credits(Math.abs(value));
        if (!comparisonDifference) {
            return comparisonRevenue ? Formats.money(value, tenant.getCurrencyCode()) : Formats.credits(value);
        }
        return Math.abs(value) < 0.005 ? (comparisonRevenue ? Formats.money(0, tenant.getCurrencyCode()) : "0")
                : (value > 0 ? "+" : "\u2212") + text;
    }

    private ReportPeriod period() {
        return new ReportPeriod(state.from(), state.to(), tenant.getTimeZone());
    }

    // The filters.

    public List<DateRange> getRanges() {
        return List.of(DateRange.values());
    }

    public DateRange getRange() {
        return state.range();
    }

    public void setRange(DateRange range) {
        state = state.withRangeOnly(range == null ? DateRange.LAST_30_DAYS : range);
    }

    public List<Comparison> getComparisons() {
        return List.of(Comparison.values());
    }

    public Comparison getComparisonPeriod() {
        return state.comparison();
    }

    public void setComparisonPeriod(Comparison comparison) {
        state = state.withComparison(comparison == null ? Comparison.NONE : comparison);
    }

    public LocalDate getFrom() {
        return state.from();
    }

    public void setFrom(LocalDate from) {
        state = state.withDates(from, state.to());
    }

    public LocalDate getTo() {
        return state.to();
    }

    public void setTo(LocalDate to) {
        state = state.withDates(state.from(), to);
    }

    public List<AttributionModel> getModels() {
        return List.of(AttributionModel.values());
    }

    public String label(AttributionModel m) {
        return LABELS.get(m);
    }

    public String getModelDescription() {
        return DESCRIPTIONS.get(state.model());
    }

    public AttributionModel getModel() {
        return state.model();
    }

    public void setModel(AttributionModel model) {
        state = state.withModel(model == null ? AttributionModel.LAST_TOUCH : model);
    }

    public List<ReportDimension> getDimensions() {
        return List.of(ReportDimension.values());
    }

    public String dimensionLabel(ReportDimension d) {
        return DIMENSIONS.get(d);
    }

    public ReportDimension getDimension() {
        return state.dimension();
    }

    public void setDimension(ReportDimension dimension) {
        state = state.withDimension(dimension == null ? ReportDimension.CHANNEL : dimension);
    }

    public List<TrendInterval> getIntervals() {
        return List.of(TrendInterval.values());
    }

    public String intervalLabel(TrendInterval i) {
        return switch (i) {
            case DAY -> "Day";
            case WEEK -> "Week";
            case MONTH -> "Month";
        };
    }

    public TrendInterval getInterval() {
        return state.interval();
    }

    public void setInterval(TrendInterval interval) {
        state = state.withInterval(interval == null ? TrendInterval.DAY : interval);
    }

    // The figures.

    /** Whether the figures belong to the state on screen (false after a bad range). */
    public boolean isLoaded() {
        return loaded;
    }

    public Headline getHeadline() {
        return headline;
    }

    /** The comparison period's figures; null without a comparison. */
    public Headline getPrevious() {
        return previous;
    }

    /** The change of a KPI ({@code visits}, {@code conversions} …) against the comparison period; null if none. */
    public Double change(String kpi) {
        if (previous == null || headline == null) {
            return null;
        }
        return switch (kpi) {
            case "visits" -> Headline.change(headline.visits(), (double) previous.visits());
            case "conversions" -> Headline.change(headline.conversions(), (double) previous.conversions());
            case "micro" -> Headline.change(headline.microConversions(), (double) previous.microConversions());
            case "rate" -> Headline.change(headline.conversionRate(), previous.conversionRate());
            case "revenue" -> Headline.change(headline.revenue(), previous.revenue());
            case "calls" -> Headline.change(headline.calls(), (double) previous.calls());
            case "cost" -> totalCost == null || previousCost == null ? null
                    : Headline.change(totalCost.cost(), previousCost.cost());
            case "roas" -> totalCost == null || previousCost == null || totalCost.roas() == null ? null
                    : Headline.change(totalCost.roas(), previousCost.roas());
            case "cpa" -> totalCost == null || previousCost == null || totalCost.cpa() == null ? null
                    : Headline.change(totalCost.cpa(), previousCost.cpa());
            default -> throw new IllegalArgumentException("no KPI " + kpi);
        };
    }

    /**
     * {@code up} (good), {@code down} (bad) or {@code flat}, for the change line's colour: more cost or a higher
     * CPA is bad news, so their rises are {@code down}.
     */
    public String direction(String kpi) {
        Double change = change(kpi);
        if (change == null || Math.abs(change) < 0.0005) {
            return "flat";
        }
        boolean rise = change > 0;
        return rise != (kpi.equals("cost") || kpi.equals("cpa")) ? "up" : "down";
    }

    /** "vs previous period", "vs last year"; empty without a comparison. */
    public String getChangeLabel() {
        return state.comparison().against();
    }

    public String getTrendChart() {
        return trendChart;
    }

    public AttributionRows getLines() {
        return lines;
    }

    public boolean isEmptyTable() {
        return lines.all().isEmpty();
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

    public boolean isComparisonRevenue() {
        return comparisonRevenue;
    }

    public void setComparisonRevenue(boolean comparisonRevenue) {
        this.comparisonRevenue = comparisonRevenue;
    }

    public boolean isComparisonDifference() {
        return comparisonDifference;
    }

    public void setComparisonDifference(boolean comparisonDifference) {
        this.comparisonDifference = comparisonDifference;
    }

    /** Whether ad cost is known in the period (the Cost, ROAS and CPA cards show only then). */
    public boolean isCostKnown() {
        return totalCost != null;
    }

    /** All ad cost of the period, or null. */
    public Double getTotalCost() {
        return totalCost == null ? null : totalCost.cost();
    }

    /** Cost ÷ credited conversions of the selected model, or null. */
    public Double getTotalCpa() {
        return totalCost == null ? null : totalCost.cpa();
    }

    /** Credited revenue ÷ cost, or null. */
    public Double getTotalRoas() {
        return totalCost == null ? null : totalCost.roas();
    }

    public String getChartJson() {
        return chartJson;
    }

    /** The conversions of the campaign drilled into (newest first, at most {@value #CONVERSIONS_SHOWN}). */
    public List<CreditedConversion> getConversions() {
        return conversions;
    }

    public List<FunnelStep> getFunnel() {
        return funnel;
    }

    /** The micro conversion actions the funnel shows, by key, in order. */
    public List<String> getFunnelSteps() {
        return funnelSteps;
    }

    public void setFunnelSteps(List<String> funnelSteps) {
        this.funnelSteps = funnelSteps == null ? List.of() : List.copyOf(funnelSteps);
    }

    /** The tenant's micro conversion actions: key → name, for the funnel's choice. */
    public Map<String, String> getMicroActions() {
        Map<String, String> actions = new LinkedHashMap<>();
        conversionActions.list().stream().filter(a -> a.getCategory() == ConversionCategory.MICRO)
                .forEach(a -> actions.put(a.getName(), a.getKey()));
        return actions;
    }

    /** "Attribution up to date", or how many visitors wait and for how long (see AttributionLag). */
    public String getAttributionStatus() {
        return attributionStatus;
    }

    /** The drill-down: the channel opened (null at the top). */
    public String getChannel() {
        return state.channel();
    }

    /** The campaign opened (null above it); {@code ""} is the channel's touches without a campaign. */
    public String getCampaign() {
        return state.campaign();
    }

    public String getCampaignLabel() {
        return display(state.campaign());
    }

    /** Whether a line of the table opens a level further down. */
    public boolean isDrillable() {
        return state.campaign() == null
                && (state.dimension() == ReportDimension.CHANNEL || state.dimension() == ReportDimension.CAMPAIGN);
    }

    /** The header of the table's first column: the dimension shown. */
    public String getTableDimensionLabel() {
        return DIMENSIONS.get(state.tableDimension());
    }

    /** The address of this view (for the journey page's way back). */
    public String getQuery() {
        return state.query();
    }

    public String getCurrencyCode() {
        return tenant.getCurrencyCode();
    }

    public String getTimeZone() {
        return tenant.getTimeZone().getId();
    }

    public ZoneId getZone() {
        return tenant.getTimeZone();
    }

    /** Today in the tenant's time zone: the latest day the date pickers offer. */
    public LocalDate getToday() {
        return LocalDate.now(tenant.getTimeZone());
    }
}
