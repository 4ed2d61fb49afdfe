package io.tracker.interfaces.audit.web;

import io.tracker.application.audit.AccuracyAuditService;
import io.tracker.application.reporting.ReportPeriod;
import io.tracker.domain.audit.AccuracyAudit;
import io.tracker.domain.audit.Cause;
import io.tracker.domain.shared.DomainException;
import io.tracker.interfaces.shared.web.Messages;
import io.tracker.interfaces.tenant.web.SignedInUser;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Backs {@code /accuracy.xhtml} ("Data accuracy"): the audit of the chosen days (default: the 14 days before today,
 * in the client's time zone) through {@link AccuracyAuditService}, the same audit as
 * {@code GET /api/v1/audits/accuracy}, and the client's threshold (changed by those who may edit the set-up).
 */
@Named
@ViewScoped
public class AccuracyAuditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AccuracyAuditService audits;

    @Inject
    private SignedInUser user;

    private LocalDate from;
    private LocalDate to;
    private BigDecimal threshold;
    private AccuracyAudit audit;

    @PostConstruct
    public void init() {
        to = LocalDate.now(user.getTimeZone()).minusDays(1);
        from = to.minusDays(13);
        threshold = audits.threshold();
        run();
    }

    /** Audits the chosen days. */
    public void run() {
        try {
            audit = audits.audit(new ReportPeriod(from, to, user.getTimeZone()), null);
        } catch (DomainException | EJBException e) {
            audit = null;
            Messages.error(Messages.domainCause(e).orElseThrow(() -> e).getMessage());
        }
    }

    /** Stores the threshold and audits again with it. */
    public void saveThreshold() {
        try {
            threshold = audits.setThreshold(threshold);
            Messages.info("Days and campaigns are now flagged above " + threshold.toPlainString() + " %.");
            run();
        } catch (DomainException | EJBException e) {
            Messages.error(Messages.domainCause(e).orElseThrow(() -> e).getMessage());
        }
    }

    /** The causes' explanations, for the legend. */
    public List<Cause> getCauses() {
        return List.of(Cause.values());
    }

    /** The causes of a day as one line of names. */
    public String causeNames(List<Cause> causes) {
        return causes.stream().map(c -> c.name().toLowerCase().replace('_', ' ')).collect(Collectors.joining(", "));
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

    public BigDecimal getThreshold() {
        return threshold;
    }

    public void setThreshold(BigDecimal threshold) {
        this.threshold = threshold;
    }

    public AccuracyAudit getAudit() {
        return audit;
    }
}
