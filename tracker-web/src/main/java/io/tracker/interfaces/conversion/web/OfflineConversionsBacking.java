package io.tracker.interfaces.conversion.web;

import io.tracker.application.conversion.offline.MatchReport;
import io.tracker.application.conversion.offline.OfflineConversionService;
import io.tracker.application.tracking.imports.ImportSlots;
import io.tracker.interfaces.tenant.web.SignedInUser;
import io.tracker.interfaces.tracking.web.PageUpload;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.primefaces.model.file.UploadedFile;

/**
 * Backs {@code /offline-conversions.xhtml}: uploads a CSV of offline sales for the selected client through
 * {@link OfflineConversionService} (the same import as {@code POST /api/v1/imports/offline-conversions}) and shows
 * its match report, and the latest uploads' reports. Needs the {@code INGEST} permission, as the import page.
 */
@Named
@ViewScoped
public class OfflineConversionsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private OfflineConversionService offline;

    @Inject
    private SignedInUser tenant;

    @Inject
    private ImportSlots slots;

    private String tenantId;
    private transient UploadedFile file;
    private MatchReport report;
    private String fileName;
    private List<MatchReport> recent;

    @PostConstruct
    public void init() {
        tenantId = tenant.getTenantId();
        recent = offline.recent(10);
    }

    /** Imports the uploaded file; its match report is shown below the form. */
    public void upload() {
        report = null;
        try {
            PageUpload.run(tenant, tenantId, file, slots, (name, in) -> {
                fileName = name;
                report = offline.importCsv(in, StandardCharsets.UTF_8);
                recent = offline.recent(10);
                PageUpload.imported(name, report.rejected(), report.stored() + " sales stored");
            });
        } finally {
            file = null;
        }
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public MatchReport getReport() {
        return report;
    }

    public String getFileName() {
        return fileName;
    }

    public List<MatchReport> getRecent() {
        return recent;
    }
}
