package io.tracker.interfaces.attribution.web;

import io.tracker.application.attribution.CreatedPathAnalysis;
import io.tracker.application.attribution.PathAnalysisService;
import io.tracker.application.attribution.StoredPathAnalysis;
import io.tracker.application.tracking.imports.LimitedInputStream;
import io.tracker.domain.attribution.PathLineError;
import io.tracker.domain.attribution.UnusablePathFileException;
import io.tracker.domain.shared.DomainException;
import io.tracker.interfaces.shared.web.Formats;
import io.tracker.interfaces.shared.web.Messages;
import io.tracker.interfaces.tenant.web.SignedInUser;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.primefaces.model.file.UploadedFile;

/**
 * Backs {@code /app/path-analyses.xhtml}: uploads path data in ChannelAttribution's layout and shows
 * every model side by side per channel (table and chart) through {@link PathAnalysisService}, the same
 * analyses as {@code /api/v1/path-analyses}. Reading needs {@code READ_REPORTS}; uploading needs
 * {@code INGEST} (analysts, agency admins): the form is shown only to them and the service refuses
 * others anyway. The newest analysis is shown when the page opens.
 */
@Named
@ViewScoped
public class PathAnalysesBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PathAnalysesBacking.class.getName());

    /** The models in the table's and chart's order, by API name, with their labels. */
    static final List<String> MODELS = List.of("first_touch", "last_touch", "linear", "position_based", "markov", "shapley");
    static final List<String> LABELS = List.of("First touch", "Last touch", "Linear", "Position based", "Markov",
            "Shapley");
    /** Bad lines listed on the page after an upload. */
    static final int MAX_REJECTED_SHOWN = 200;

    @Inject
    private PathAnalysisService analyses;

    @Inject
    private SignedInUser tenant;

    private String tenantId;
    private transient UploadedFile file;
    private String separator = ";";
    private List<Summary> list = List.of();
    private Summary selected;
    private List<PathChannelLine> channels = List.of();
    private String chartJson;
    private List<Rejected> rejected = List.of();
    private long rejectedCount;

    @PostConstruct
    public void init() {
        tenantId = tenant.getTenantId();
        reload();
        if (!list.isEmpty()) {
            show(list.get(0).getId());
        }
    }

    /** Analyses the uploaded file and shows it. */
    public void upload() {
        rejected = List.of();
        rejectedCount = 0;
        if (!tenant.isStill(tenantId)) {
            Messages.error("You switched to another client in another window. Reload this page before uploading, "
                    + "so the analysis goes where you mean it to.");
            file = null;
            return;
        }
        if (!tenant.isMayImport()) {
            Messages.error("Your role in this client does not include uploading data.");
            return;
        }
        if (file == null || file.getSize() == 0) {
            Messages.error("Choose a path file to analyse.");
            return;
        }
        String fileName = file.getFileName();
        if (file.getSize() > PathAnalysisService.MAX_BYTES) {
            Messages.error("Nothing was analysed: " + LimitedInputStream.tooLarge(fileName, PathAnalysisService.MAX_BYTES)
                    .getMessage());
            file = null;
            return;
        }
        try (InputStream in = file.getInputStream()) {
            CreatedPathAnalysis created = analyses.create(fileName, in, StandardCharsets.UTF_8,
                    "tab".equals(separator) ? '\t' : separator.charAt(0));
            keepRejected(created.rejected(), created.rejectedCount());
            reload();
            show(created.id().toString());
            if (created.rejectedCount() == 0) {
                Messages.info("Analysed " + fileName + ".");
            } else {
                Messages.warn("Analysed " + fileName + " with " + Formats.count(created.rejectedCount())
                        + (created.rejectedCount() == 1 ? " line" : " lines") + " skipped; see the list below.");
            }
        } catch (DomainException | EJBException e) {
            DomainException cause = Messages.domainCause(e).orElseThrow(() -> e);
            if (cause instanceof UnusablePathFileException unusable) {
                keepRejected(unusable.rejected(), unusable.rejected().size());
            }
            Messages.error("Nothing was analysed from " + fileName + ": " + cause.getMessage());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "upload could not be read", e);
            Messages.error("The uploaded file could not be read. Please try again.");
        } finally {
            file = null;
        }
    }

    /** Shows one of the listed analyses. */
    public void show(String id) {
        if (!tenant.isStill(tenantId)) {
            Messages.error("You switched to another client in another window. Reload this page.");
            return;
        }
        StoredPathAnalysis a = analyses.get(UUID.fromString(id));
        selected = new Summary(a);
        channels = a.channels().stream().map(PathChannelLine::new).toList();
        chartJson = PathAnalysisChart.config(channels, MODELS, LABELS);
    }

    private void reload() {
        list = analyses.list().stream().map(Summary::new).toList();
    }

    private void keepRejected(List<PathLineError> errors, long count) {
        List<Rejected> shown = new ArrayList<>();
        errors.stream().limit(MAX_REJECTED_SHOWN).forEach(e -> shown.add(new Rejected(e.line(), e.reason())));
        rejected = shown;
        rejectedCount = count;
    }

    public List<String> getModels() {
        return MODELS;
    }

    /** The label of a model's API name. */
    public String label(String model) {
        return LABELS.get(MODELS.indexOf(model));
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public String getSeparator() {
        return separator;
    }

    /** {@code ;}, {@code ,} or {@code tab}; anything else is read as {@code ;}. */
    public void setSeparator(String separator) {
        this.separator = List.of(";", ",", "tab").contains(separator) ? separator : ";";
    }

    public List<Summary> getList() {
        return list;
    }

    public Summary getSelected() {
        return selected;
    }

    public List<PathChannelLine> getChannels() {
        return channels;
    }

    public String getChartJson() {
        return chartJson;
    }

    public List<Rejected> getRejected() {
        return rejected;
    }

    public long getRejectedCount() {
        return rejectedCount;
    }

    /** An analysis in the list and the heading of the one shown. */
    public static final class Summary implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String id;
        private final String name;
        private final Instant createdAt;
        private final String createdBy;
        private final long lines;
        private final long rejected;
        private final long conversions;
        private final BigDecimal revenue;
        private final long nulls;

        Summary(StoredPathAnalysis a) {
            id = a.id().toString();
            name = a.name();
            createdAt = a.createdAt();
            createdBy = a.createdBy();
            lines = a.lines();
            rejected = a.rejected();
            conversions = a.totals().conversions();
            revenue = a.totals().revenue();
            nulls = a.totals().nulls();
        }

        public String getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public Instant getCreatedAt() {
            return createdAt;
        }

        public String getCreatedBy() {
            return createdBy;
        }

        public long getLines() {
            return lines;
        }

        public long getRejected() {
            return rejected;
        }

        public long getConversions() {
            return conversions;
        }

        public double getRevenue() {
            return revenue.doubleValue();
        }

        public long getNulls() {
            return nulls;
        }

        /** Converting journeys ÷ all journeys of the file (a fraction). */
        public double getConversionRate() {
            return conversions + nulls == 0 ? 0 : (double) conversions / (conversions + nulls);
        }
    }

    /** A skipped line: its 1-based number in the file and why. */
    public static final class Rejected implements Serializable {

        private static final long serialVersionUID = 1L;

        private final long line;
        private final String reason;

        Rejected(long line, String reason) {
            this.line = line;
            this.reason = reason;
        }

        public long getLine() {
            return line;
        }

        public String getReason() {
            return reason;
        }
    }
}
