package io.tracker.interfaces.recovery.web;

import io.tracker.application.recovery.RecoveryCart;
import io.tracker.application.recovery.RecoveryFlow;
import io.tracker.application.recovery.RecoveryFlowService;
import io.tracker.application.recovery.RecoveryReport;
import io.tracker.application.recovery.RecoveryReportService;
import io.tracker.domain.shared.DomainException;
import io.tracker.interfaces.shared.web.Formats;
import io.tracker.interfaces.shared.web.Messages;
import io.tracker.interfaces.tenant.web.SignedInUser;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Backs {@code /app/cart-recovery.xhtml}: the SMS cart recovery report ({@link RecoveryReportService#report}) over
 * carts abandoned in a range of whole days in the tenant's time zone (both ends included; by default the last 30
 * days up to today), for all flows or one; when the report has a control group, what the texts really caused
 * (the incremental sales and revenue with their 95% intervals, and a sentence saying so); the flows; and the latest
 * {@value #CARTS} carts of the period. Every change of dates or flow reloads all of it.
 */
@Named
@ViewScoped
public class CartRecoveryBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The most carts listed; all of them through {@code /api/v1/recovery/carts}. */
    static final int CARTS = 200;

    /** What stands in for a figure that does not exist (a rate of nothing, a return without cost). */
    static final String NONE = "—";

    /** The hint of an incremental figure before both groups have carts due (never empty: see kpiCard's c:if). */
    static final String NO_ESTIMATE = "no estimate yet";

    @Inject
    private RecoveryReportService reports;

    @Inject
    private RecoveryFlowService flowService;

    @Inject
    private SignedInUser user;

    /** The tenant the page was opened for (see {@code SignedInUser#isStill}). */
    private String tenantId;
    private LocalDate from;
    private LocalDate to;
    /** The flow reported on, or null for all. */
    private Long flowId;

    private boolean loaded;
    private List<RecoveryFlow> flows = List.of();
    private RecoveryReport report;
    private List<RecoveryCart> carts = List.of();

    /** The last 30 days up to today in the tenant's time zone, all flows. */
    @PostConstruct
    public void init() {
        tenantId = user.getTenantId();
        to = LocalDate.now(user.getTimeZone());
        from = to.minusDays(29);
        load();
    }

    /** Reads the flows, the report and the carts again for the dates and flow on screen. */
    public void load() {
        loaded = false;
        if (!user.isStill(tenantId)) {
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
        try {
            flows = flowService.list();
            if (flowId != null && flows.stream().noneMatch(f -> f.id() == flowId)) {
                flowId = null;
            }
            report = reports.report(from, to, flowId);
            carts = reports.carts(null, from, to, flowId, CARTS);
            loaded = true;
        } catch (DomainException | EJBException e) {
            // Only a domain rule (such as "the period is longer than 400 days") is the user's to fix.
            Messages.error(Messages.domainCause(e).orElseThrow(() -> e).getMessage());
        }
    }

    /** The flows for the selector, by id: "All flows" is the empty choice on the page. */
    public Map<Long, String> getFlowNames() {
        Map<Long, String> names = new LinkedHashMap<>();
        flows.forEach(f -> names.put(f.id(), f.name()));
        return names;
    }

    /** Recovered ÷ texted as a percentage, or {@value #NONE} when nothing was texted. */
    public String getRecoveryRate() {
        return percent(report == null ? null : report.recoveryRate());
    }

    /** (Recovered revenue − text cost) ÷ text cost as a percentage, or {@value #NONE} when the texts cost nothing. */
    public String getRoi() {
        return percent(report == null ? null : report.roi());
    }

    /** Whether the report compares the text arm with a control group. */
    public boolean isControlled() {
        return report != null && report.control() != null;
    }

    /** Whether an incremental estimate exists (both arms have carts due). */
    public boolean isEstimated() {
        return isControlled() && report.incremental() != null && report.textArm() != null;
    }

    /** The text arm's recovery rate (purchases within the window after the first text was due ÷ its carts). */
    public String getTextArmRate() {
        return percent(report == null || report.textArm() == null ? null : report.textArm().recoveryRate());
    }

    public String getControlRate() {
        return percent(isControlled() ? report.control().recoveryRate() : null);
    }

    /** The carts of the text arm whose first text is due (the comparison's texted group). */
    public long getTextArmCarts() {
        return report == null || report.textArm() == null ? 0 : report.textArm().carts();
    }

    /** The carts held back whose first text would be due. */
    public long getControlCarts() {
        return isControlled() ? report.control().carts() : 0;
    }

    /** The sales beyond what the control's rate predicts: {@code 4.60}. */
    public String getIncrementalRecovered() {
        return isEstimated() ? signed(Formats.decimal(report.incremental().recovered().doubleValue())) : NONE;
    }

    /** {@code 95% interval −0.90 to 10.90}. */
    public String getIncrementalRecoveredInterval() {
        if (!isEstimated()) {
            return NO_ESTIMATE;
        }
        List<BigDecimal> ci = report.incremental().ci95();
        return "95% interval " + signed(Formats.decimal(ci.get(0).doubleValue())) + " to "
                + signed(Formats.decimal(ci.get(1).doubleValue()));
    }

    /** The revenue beyond what the control's revenue per cart predicts, in the tenant's currency: {@code $430.20}. */
    public String getIncrementalRevenue() {
        return isEstimated() ? money(report.incremental().revenue(), user.getCurrencyCode()) : NONE;
    }

    /** {@code 95% interval −$12.00 to $872.40}. */
    public String getIncrementalRevenueInterval() {
        if (!isEstimated()) {
            return NO_ESTIMATE;
        }
        List<BigDecimal> ci = report.incremental().revenueCi95();
        return "95% interval " + money(ci.get(0), user.getCurrencyCode()) + " to "
                + money(ci.get(1), user.getCurrencyCode());
    }

    /** The estimate in one plain sentence; see {@link #explanation}. */
    public String getExplanation() {
        if (!isEstimated()) {
            return "Both groups need carts whose first text is due before the texts can be compared.";
        }
        RecoveryReport.Incremental i = report.incremental();
        return explanation(report.textArm().recovered(), i.recovered(), i.ci95().get(0), i.ci95().get(1));
    }

    /** The largest share of carts a flow on screen holds back, 0 when none does. */
    public int getControlPercent() {
        return flows.stream().filter(f -> flowId == null || f.id() == flowId).mapToInt(RecoveryFlow::controlPercent)
                .max().orElse(0);
    }

    /**
     * What the texts caused, for someone who does not read intervals: {@code "Of 40 recovered sales in the text
     * group, about 5 (95% interval −1 to 11) would not have happened without the texts."} Whole sales, rounded half
     * up; when the estimate is not above zero, that none can be credited to the texts yet.
     *
     * @param recovered   the text arm's purchases (the comparison's rule: within the window after the first text
     *                    was due)
     * @param incremental those beyond what the control's rate predicts
     * @param low         the 95% interval's lower end
     * @param high        its upper end
     */
    static String explanation(long recovered, BigDecimal incremental, BigDecimal low, BigDecimal high) {
        String interval = "95% interval " + whole(low) + " to " + whole(high);
        String sales = Formats.count(recovered) + (recovered == 1 ? " recovered sale" : " recovered sales");
        if (incremental.setScale(0, RoundingMode.HALF_UP).signum() <= 0) {
            return "Of " + sales + " in the text group, none can be credited to the texts yet: the control group "
                    + "bought as often without them (" + interval + " sales).";
        }
        return "Of " + sales + " in the text group, about " + whole(incremental) + " (" + interval
                + ") would not have happened without the texts.";
    }

    /** A cart's eligibility as words: {@code eligible}, {@code no consent}…; {@value #NONE} for a purchased cart. */
    public String eligibility(RecoveryCart cart) {
        return cart.eligibility() == null ? NONE : cart.eligibility().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The badge of a cart's status: recovered and purchased green, texted amber, abandoned grey. */
    public String statusClass(RecoveryCart cart) {
        return switch (cart.status()) {
            case "recovered", "purchased" -> "status-active";
            case "texted" -> "status-pending";
            default -> "status-revoked";
        };
    }

    private static String whole(BigDecimal value) {
        return signed(Formats.count(value.setScale(0, RoundingMode.HALF_UP).longValueExact()));
    }

    private static String money(BigDecimal value, String currency) {
        return signed(Formats.money(value.doubleValue(), currency));
    }

    /** A typographic minus in place of the hyphen, as figures are printed. */
    private static String signed(String figure) {
        return figure.startsWith("-") ? "−" + figure.substring(1) : figure;
    }

    private static String percent(BigDecimal fraction) {
        return fraction == null ? NONE : Formats.percent(fraction.doubleValue());
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

    public Long getFlowId() {
        return flowId;
    }

    public void setFlowId(Long flowId) {
        this.flowId = flowId;
    }

    /** Whether the figures belong to the dates and flow on screen (false after a bad range). */
    public boolean isLoaded() {
        return loaded;
    }

    public List<RecoveryFlow> getFlows() {
        return flows;
    }

    public RecoveryReport getReport() {
        return report;
    }

    public List<RecoveryCart> getCarts() {
        return carts;
    }

    public int getMaxCarts() {
        return CARTS;
    }

    public String getCurrencyCode() {
        return user.getCurrencyCode();
    }

    public String getTimeZone() {
        return user.getTimeZone().getId();
    }

    /** Today in the tenant's time zone: the latest day the date pickers offer. */
    public LocalDate getToday() {
        return LocalDate.now(user.getTimeZone());
    }
}
