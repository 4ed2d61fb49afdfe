package io.tracker.interfaces.campaign.web;

import io.tracker.application.campaign.CostImportReport;
import io.tracker.application.campaign.CostImportService;
import io.tracker.application.tracking.imports.ImportSlots;
import io.tracker.interfaces.tenant.web.SignedInUser;
import io.tracker.interfaces.tracking.web.PageUpload;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import org.primefaces.model.file.UploadedFile;

/**
 * Backs the "Ad cost" section of {@code /import.xhtml}: uploads a cost file for the selected client through
 * {@link CostImportService} (the same import as {@code POST /api/v1/imports/costs}, layout detected from the
 * header) and shows the upload's report. Needs the {@code INGEST} permission, as the page.
 */
@Named
@ViewScoped
public class CostImportBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CostImportService costs;

    @Inject
    private SignedInUser tenant;

    @Inject
    private ImportSlots slots;

    private String tenantId;
    private transient UploadedFile file;
    private CostImportReport report;
    private String fileName;

    @PostConstruct
    public void init() {
        tenantId = tenant.getTenantId();
    }

    /** Imports the uploaded cost file; its report is shown below the form. */
    public void upload() {
        report = null;
        try {
            PageUpload.run(tenant, tenantId, file, slots, (name, in) -> {
                fileName = name;
                report = costs.importCsv(in, StandardCharsets.UTF_8, null);
                PageUpload.imported(name, report.rejected(), "cost of " + report.stored() + " campaign days stored");
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

    public CostImportReport getReport() {
        return report;
    }

    public String getFileName() {
        return fileName;
    }
}
