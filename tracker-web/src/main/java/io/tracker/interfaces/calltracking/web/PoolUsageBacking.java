package io.tracker.interfaces.calltracking.web;

import io.tracker.application.calltracking.CallLogService;
import io.tracker.application.calltracking.PoolUsage;
import io.tracker.domain.shared.DomainException;
import io.tracker.interfaces.shared.web.Messages;
import io.tracker.interfaces.tenant.web.SignedInUser;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * Backs the pool utilisation chart of {@code /app/calls.xhtml}: one pool's use per hour over the last 24 hours
 * (this hour and the 23 before it), the pool chosen from the pools {@link CallTrackingBacking} lists (the first
 * one at first). Reloaded by the page after a pool or number changes.
 */
@Named
@ViewScoped
public class PoolUsageBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final Duration SPAN = Duration.ofHours(24);

    @Inject
    private CallLogService log;

    @Inject
    private CallTrackingBacking callTracking;

    @Inject
    private SignedInUser user;

    private Long poolId;
    private List<PoolUsage> hours = List.of();
    private String chartJson;

    @PostConstruct
    public void init() {
        load();
    }

    /** Reads the chosen pool's last 24 hours (the first pool's when none is chosen yet). */
    public void load() {
        hours = List.of();
        chartJson = null;
        if (poolId == null) {
            poolId = callTracking.getPoolNames().keySet().stream().findFirst().orElse(null);
        }
        if (poolId == null) {
            return;
        }
        Instant to = Instant.now();
        Instant from = to.truncatedTo(ChronoUnit.HOURS).minus(SPAN).plus(Duration.ofHours(1));
        try {
            hours = log.usage(poolId, from, to);
            chartJson = PoolUsageChart.config(hours, user.getTimeZone());
        } catch (DomainException | EJBException e) {
            Messages.error(Messages.domainCause(e).orElseThrow(() -> e).getMessage());
            // Only then: the chart's requests leave the page's messages alone (the reload after adding a
            // number would otherwise wipe "Added …").
            if (FacesContext.getCurrentInstance().getPartialViewContext().isAjaxRequest()) {
                PrimeFaces.current().ajax().update("messages");
            }
        }
    }

    public Long getPoolId() {
        return poolId;
    }

    public void setPoolId(Long poolId) {
        this.poolId = poolId;
    }

    public String getChartJson() {
        return chartJson;
    }

    public boolean isLoaded() {
        return chartJson != null;
    }

    /** Exhaustions in the 24 hours shown. */
    public long getExhaustions() {
        return hours.stream().mapToLong(PoolUsage::exhaustions).sum();
    }

    /** The most numbers held in one hour of the 24. */
    public int getPeakHeld() {
        return hours.stream().mapToInt(PoolUsage::held).max().orElse(0);
    }
}
