package io.tracker.interfaces.reporting.web;

import io.tracker.application.reporting.IndustryBenchmark;
import io.tracker.application.reporting.IndustryBenchmarkService;
import io.tracker.domain.shared.DomainException;
import io.tracker.interfaces.shared.web.Messages;
import io.tracker.interfaces.tenant.web.SignedInUser;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Backs {@code /app/admin/benchmarks.xhtml}: the platform-wide industry benchmark table, which every agency admin
 * may read and platform admins maintain (add, change, delete) through {@link IndustryBenchmarkService}, which
 * refuses anyone else. The form takes the value as a percentage (2.6 for 2.6 %); the table stores fractions.
 */
@Named
@ViewScoped
public class BenchmarkTableBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private IndustryBenchmarkService benchmarks;

    @Inject
    private SignedInUser user;

    private List<IndustryBenchmark> rows = List.of();

    /** The row being edited (0: a new one). */
    private long editing;
    private String industry;
    private BigDecimal percent;
    private Integer year;
    private String region;
    private String source;
    private String sourceUrl;

    @PostConstruct
    public void init() {
        rows = benchmarks.list();
    }

    public boolean isMayEdit() {
        return user.isPlatformAdmin();
    }

    /** Fills the form with a row to change it. */
    public void edit(IndustryBenchmark row) {
        editing = row.id();
        industry = row.industry();
        percent = row.value().movePointRight(2).stripTrailingZeros();
        year = row.year();
        region = row.region();
        source = row.source();
        sourceUrl = row.sourceUrl();
    }

    /** Empties the form for a new row. */
    public void startNew() {
        editing = 0;
        industry = null;
        percent = null;
        year = null;
        region = null;
        source = null;
        sourceUrl = null;
    }

    public void save() {
        try {
            IndustryBenchmark draft = IndustryBenchmark.checked(editing, industry, IndustryBenchmark.CONVERSION_RATE,
                    percent == null ? null : percent.movePointLeft(2).setScale(6, RoundingMode.HALF_UP), year,
                    region, source, sourceUrl);
            if (editing == 0) {
                benchmarks.add(user.caller(), draft);
                Messages.info("Benchmark added.");
            } else {
                benchmarks.update(user.caller(), editing, draft);
                Messages.info("Benchmark saved.");
            }
            startNew();
            rows = benchmarks.list();
        } catch (DomainException | EJBException e) {
            Messages.error(Messages.domainCause(e).map(Throwable::getMessage).orElseThrow(() -> e));
        }
    }

    public void delete(IndustryBenchmark row) {
        try {
            benchmarks.delete(user.caller(), row.id());
            Messages.info("Benchmark deleted.");
            rows = benchmarks.list();
        } catch (DomainException | EJBException e) {
            Messages.error(Messages.domainCause(e).map(Throwable::getMessage).orElseThrow(() -> e));
        }
    }

    public List<IndustryBenchmark> getRows() {
        return rows;
    }

    public long getEditing() {
        return editing;
    }

    public String getIndustry() {
        return industry;
    }

    public void setIndustry(String industry) {
        this.industry = industry;
    }

    public BigDecimal getPercent() {
        return percent;
    }

    public void setPercent(BigDecimal percent) {
        this.percent = percent;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getSourceUrl() {
        return sourceUrl;
    }

    public void setSourceUrl(String sourceUrl) {
        this.sourceUrl = sourceUrl;
    }
}
