package io.tracker.interfaces.calltracking.web;

import io.tracker.application.calltracking.CallTrackingSetupService;
import io.tracker.application.calltracking.NumberPool;
import io.tracker.application.calltracking.TrackingNumber;
import io.tracker.application.campaign.CampaignService;
import io.tracker.domain.calltracking.NumberKind;
import io.tracker.domain.campaign.Campaign;
import io.tracker.domain.shared.DomainException;
import io.tracker.interfaces.shared.web.Messages;
import io.tracker.interfaces.shared.web.UtmForm;
import io.tracker.interfaces.tenant.web.SignedInUser;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.primefaces.PrimeFaces;

/**
 * Backs the pools and numbers of {@code /app/calls.xhtml}: the selected client's number pools with their
 * figures and its tracking numbers with what they cost a month. Everyone who reads reports sees them;
 * analysts and agency admins also add pools and numbers and deactivate numbers (the page hides those
 * controls from viewers, and {@link CallTrackingSetupService} refuses them anyway).
 */
@Named
@ViewScoped
public class CallTrackingBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The kinds the number form offers, by value, with their labels. */
    static final Map<String, String> KINDS = kinds();

    @Inject
    private CallTrackingSetupService setup;

    @Inject
    private CampaignService campaigns;

    @Inject
    private SignedInUser user;

    private String tenantId;
    private List<PoolRow> pools = List.of();
    private List<NumberRow> numbers = List.of();
    private Map<Long, String> poolNames = Map.of();
    private Map<Long, String> campaignNames = Map.of();
    private BigDecimal monthlyCost = BigDecimal.ZERO;

    /** The pool form. */
    private String poolName;
    private String swapTarget;
    private Integer holdMinutes;
    private String fallbackNumber;

    /** The number form. */
    private String number;
    private String forwardsTo;
    private String kind;
    private Long poolId;
    private Long campaignId;
    private final UtmForm utm = new UtmForm();
    private String label;
    private String cost;

    @PostConstruct
    public void init() {
        tenantId = user.getTenantId();
        campaignNames = campaigns.list().stream()
                .collect(Collectors.toMap(Campaign::getId, Campaign::getName, (a, b) -> a, LinkedHashMap::new));
        load();
    }

    private void load() {
        List<NumberPool> p = setup.pools();
        pools = p.stream().map(PoolRow::new).toList();
        poolNames = p.stream()
                .collect(Collectors.toMap(NumberPool::id, NumberPool::name, (a, b) -> a, LinkedHashMap::new));
        List<TrackingNumber> n = setup.numbers();
        numbers = n.stream().map(t -> new NumberRow(t, poolNames)).toList();
        monthlyCost = n.stream().filter(TrackingNumber::active).map(TrackingNumber::monthlyCost)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Empties the pool form. */
    public void startNewPool() {
        poolName = null;
        swapTarget = null;
        holdMinutes = 30;
        fallbackNumber = null;
    }

    /** Adds the pool of the form. */
    public void createPool() {
        if (!user.confirmStill(tenantId)) {
            return;
        }
        try {
            NumberPool pool = setup.createPool(poolName, swapTarget, holdMinutes, fallbackNumber);
            Messages.info("Added the pool " + pool.name() + ": it swaps " + Phones.display(pool.swapTarget()) + ".");
            load();
            PrimeFaces.current().ajax().update("messages", "pools-form", "numbers-form", "usage-form");
            PrimeFaces.current().executeScript("PF('poolDialog').hide();reloadUsage();");
        } catch (DomainException | EJBException e) {
            Messages.error(Messages.domainCause(e).orElseThrow(() -> e).getMessage());
        }
    }

    /** Empties the number form: a pool number of the first pool when there is one, else an offline number. */
    public void startNewNumber() {
        number = null;
        forwardsTo = null;
        kind = poolNames.isEmpty() ? "offline" : "pool";
        poolId = poolNames.isEmpty() ? null : poolNames.keySet().iterator().next();
        campaignId = campaignNames.isEmpty() ? null : campaignNames.keySet().iterator().next();
        utm.clear();
        label = null;
        cost = null;
    }

    /** Adds the number of the form. */
    public void createNumber() {
        if (!user.confirmStill(tenantId)) {
            return;
        }
        BigDecimal amount;
        try {
            amount = cost == null || cost.isBlank() ? null : new BigDecimal(cost.strip());
        } catch (NumberFormatException e) {
            Messages.error("The monthly cost must be an amount such as 12.50.");
            return;
        }
        try {
            TrackingNumber n = setup.createNumber(number, forwardsTo, kind, poolId, campaignId, utm.getSource(),
                    utm.getMedium(), label, amount);
            Messages.info("Added the tracking number " + Phones.display(n.number()) + ".");
            load();
            PrimeFaces.current().ajax().update("messages", "pools-form", "numbers-form", "monthly-cost");
            PrimeFaces.current().executeScript("PF('numberDialog').hide();reloadUsage();");
        } catch (DomainException | EJBException e) {
            Messages.error(Messages.domainCause(e).orElseThrow(() -> e).getMessage());
        }
    }

    /** Deactivates a number: no longer handed out; its calls stay in the log. */
    public void deactivate(long id) {
        if (!user.confirmStill(tenantId)) {
            return;
        }
        try {
            TrackingNumber n = setup.deactivate(id);
            Messages.info("Deactivated " + Phones.display(n.number()) + ": it is no longer shown to visitors.");
            load();
            PrimeFaces.current().executeScript("reloadUsage();");
        } catch (DomainException | EJBException e) {
            Messages.error(Messages.domainCause(e).orElseThrow(() -> e).getMessage());
        }
    }

    private static Map<String, String> kinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("pool", "Pool number (one visitor session at a time)");
        kinds.put("source", "Source number (every visitor of one source)");
        kinds.put("offline", "Offline number (one campaign: print, radio, listings)");
        return kinds;
    }

    public List<PoolRow> getPools() {
        return pools;
    }

    public List<NumberRow> getNumbers() {
        return numbers;
    }

    public Map<Long, String> getPoolNames() {
        return poolNames;
    }

    public Map<Long, String> getCampaignNames() {
        return campaignNames;
    }

    public Map<String, String> getKinds() {
        return KINDS;
    }

    /** What the active numbers cost a month together, in the tenant's currency. */
    public BigDecimal getMonthlyCost() {
        return monthlyCost;
    }

    public long getActiveNumbers() {
        return numbers.stream().filter(NumberRow::isActive).count();
    }

    public boolean isHasPools() {
        return !poolNames.isEmpty();
    }

    public boolean isHasCampaigns() {
        return !campaignNames.isEmpty();
    }

    public String getPoolName() {
        return poolName;
    }

    public void setPoolName(String poolName) {
        this.poolName = poolName;
    }

    public String getSwapTarget() {
        return swapTarget;
    }

    public void setSwapTarget(String swapTarget) {
        this.swapTarget = swapTarget;
    }

    public Integer getHoldMinutes() {
        return holdMinutes;
    }

    public void setHoldMinutes(Integer holdMinutes) {
        this.holdMinutes = holdMinutes;
    }

    public String getFallbackNumber() {
        return fallbackNumber;
    }

    public void setFallbackNumber(String fallbackNumber) {
        this.fallbackNumber = fallbackNumber;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public String getForwardsTo() {
        return forwardsTo;
    }

    public void setForwardsTo(String forwardsTo) {
        this.forwardsTo = forwardsTo;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public Long getPoolId() {
        return poolId;
    }

    public void setPoolId(Long poolId) {
        this.poolId = poolId;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public void setCampaignId(Long campaignId) {
        this.campaignId = campaignId;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getCost() {
        return cost;
    }

    public void setCost(String cost) {
        this.cost = cost;
    }

    /** The form's UTM fields. */
    public UtmForm getUtm() {
        return utm;
    }

    /** One pool as the table shows it (Jakarta EL 5 reads bean getters, not record accessors). */
    public static final class PoolRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private final long id;
        private final String name;
        private final String swapTarget;
        private final int holdMinutes;
        private final String fallbackNumber;
        private final int numbers;
        private final int heldNow;
        private final long exhaustions;
        private final int peakConcurrent;
        private final int advisedNumbers;

        PoolRow(NumberPool p) {
            this.id = p.id();
            this.name = p.name();
            this.swapTarget = Phones.display(p.swapTarget());
            this.holdMinutes = p.holdMinutes();
            this.fallbackNumber = Phones.display(p.fallbackNumber());
            this.numbers = p.numbers();
            this.heldNow = p.heldNow();
            this.exhaustions = p.exhaustions();
            this.peakConcurrent = p.peakConcurrent();
            this.advisedNumbers = p.advisedNumbers();
        }

        public long getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public String getSwapTarget() {
            return swapTarget;
        }

        public int getHoldMinutes() {
            return holdMinutes;
        }

        public String getFallbackNumber() {
            return fallbackNumber;
        }

        public int getNumbers() {
            return numbers;
        }

        public int getHeldNow() {
            return heldNow;
        }

        public long getExhaustions() {
            return exhaustions;
        }

        public int getPeakConcurrent() {
            return peakConcurrent;
        }

        public int getAdvisedNumbers() {
            return advisedNumbers;
        }

        /** Visitors were shown the fallback number: the pool is too small for its traffic. */
        public boolean isExhausted() {
            return exhaustions > 0;
        }

        /** The pool has fewer numbers than advised. */
        public boolean isUndersized() {
            return numbers < advisedNumbers;
        }
    }

    /** One tracking number as the table shows it. */
    public static final class NumberRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private final long id;
        private final String number;
        private final String e164;
        private final String kind;
        private final String usedFor;
        private final String forwardsTo;
        private final String label;
        private final BigDecimal monthlyCost;
        private final boolean active;
        private final Instant heldUntil;

        NumberRow(TrackingNumber n, Map<Long, String> poolNames) {
            this.id = n.id();
            this.number = Phones.display(n.number());
            this.e164 = n.number();
            this.kind = n.kind().name().toLowerCase(java.util.Locale.ROOT);
            String pool = n.poolId() == null ? null : poolNames.getOrDefault(n.poolId(), "pool " + n.poolId());
            this.usedFor = switch (n.kind()) {
                case OFFLINE -> n.campaign();
                case POOL -> pool;
                case SOURCE -> n.utmSource() + " / " + (n.utmMedium() == null ? "(any)" : n.utmMedium())
                        + " (" + pool + ")";
            };
            this.forwardsTo = Phones.display(n.forwardsTo());
            this.label = n.label();
            this.monthlyCost = n.monthlyCost();
            this.active = n.active();
            this.heldUntil = n.kind() == NumberKind.POOL ? n.heldUntil() : null;
        }

        public long getId() {
            return id;
        }

        public String getNumber() {
            return number;
        }

        /** As stored ({@code +18005550111}): the row's stable key for scripts and tests. */
        public String getE164() {
            return e164;
        }

        public String getKind() {
            return kind;
        }

        /** The pool, the campaign, or the source / medium (and pool) the number stands for. */
        public String getUsedFor() {
            return usedFor;
        }

        public String getForwardsTo() {
            return forwardsTo;
        }

        public String getLabel() {
            return label;
        }

        public BigDecimal getMonthlyCost() {
            return monthlyCost;
        }

        public boolean isActive() {
            return active;
        }

        public Instant getHeldUntil() {
            return heldUntil;
        }
    }
}
