package io.tracker.interfaces.tracking.web;

import io.tracker.application.tracking.RejectedEvent;
import io.tracker.application.tracking.imports.ImportReport;
import io.tracker.application.tracking.imports.ImportService;
import io.tracker.application.tracking.imports.ImportSlots;
import io.tracker.interfaces.shared.web.Formats;
import io.tracker.interfaces.tenant.web.SignedInUser;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.model.file.UploadedFile;

/**
 * Backs {@code /app/import.xhtml}: uploads a touchpoint CSV or a Google Analytics session export
 * and imports it for the selected tenant through {@link ImportService}, the same import the API
 * offers at {@code /api/v1/imports/*}. Importing writes data, so it needs a role with the
 * {@code INGEST} permission (analysts, agency admins): the page is refused to viewers, and the
 * service refuses the call anyway. Bad rows are skipped and listed with their line numbers.
 */
@Named
@ViewScoped
public class ImportBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Rows with errors listed on the page; the count says how many there were in all. */
    static final int MAX_ERRORS_SHOWN = 500;

    /** The kinds of file the page imports. */
    public enum Format {
        TOUCHPOINT_CSV("Touchpoint CSV (customer_id, time, interaction, conversion, conversion_value, channel)"),
        GA_SESSIONS("Google Analytics session export (fullVisitorId, channelGrouping, time, …)");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        public String getLabel() {
            return label;
        }
    }

    @Inject
    private ImportService imports;

    @Inject
    private SignedInUser tenant;

    @Inject
    private ImportSlots slots;

    /** The tenant the page was opened for (see {@code SignedInUser#isStill}). */
    private String tenantId;
    private Format format = Format.TOUCHPOINT_CSV;
    private transient UploadedFile file;
    private Result result;

    @PostConstruct
    public void init() {
        tenantId = tenant.getTenantId();
    }

    /** Imports the uploaded file; the outcome is shown below the form. */
    public void upload() {
        result = null;
        try {
            PageUpload.run(tenant, tenantId, file, slots, (fileName, in) -> {
                ImportReport report = format == Format.GA_SESSIONS
                        ? imports.importGaSessions(in)
                        : imports.importTouchpointCsv(in);
                result = new Result(fileName, format, report);
                PageUpload.imported(fileName, report.rejected(), Formats.count(report.rows()) + " rows read");
            });
        } finally {
            file = null;
        }
    }

    public List<Format> getFormats() {
        return List.of(Format.values());
    }

    public Format getFormat() {
        return format;
    }

    public void setFormat(Format format) {
        this.format = format == null ? Format.TOUCHPOINT_CSV : format;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public Result getResult() {
        return result;
    }

    /** What the last import did, for the page. */
    public static final class Result implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String fileName;
        private final Format format;
        private final long rows;
        private final long touchpoints;
        private final long conversions;
        private final long duplicates;
        private final long errorCount;
        private final List<RowError> errors;

        Result(String fileName, Format format, ImportReport report) {
            this.fileName = fileName;
            this.format = format;
            this.rows = report.rows();
            this.touchpoints = report.touchpoints();
            this.conversions = report.conversions();
            this.duplicates = report.duplicates();
            this.errorCount = report.rejected();
            this.errors = report.errors().stream().limit(MAX_ERRORS_SHOWN).map(RowError::new).toList();
        }

        public String getFileName() {
            return fileName;
        }

        public Format getFormat() {
            return format;
        }

        public long getRows() {
            return rows;
        }

        public long getTouchpoints() {
            return touchpoints;
        }

        public long getConversions() {
            return conversions;
        }

        public long getDuplicates() {
            return duplicates;
        }

        public long getErrorCount() {
            return errorCount;
        }

        /** The first {@value ImportBacking#MAX_ERRORS_SHOWN} skipped rows. */
        public List<RowError> getErrors() {
            return errors;
        }

        public boolean isErrorsTruncated() {
            return errorCount > errors.size();
        }
    }

    /** A skipped row: its 1-based line number in the file (the header is line 1) and why. */
    public static final class RowError implements Serializable {

        private static final long serialVersionUID = 1L;

        private final int line;
        private final String error;

        RowError(RejectedEvent rejected) {
            this.line = rejected.index();
            this.error = rejected.error();
        }

        public int getLine() {
            return line;
        }

        public String getError() {
            return error;
        }
    }
}
