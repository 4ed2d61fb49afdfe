package io.tracker.interfaces.audit.web;

import io.tracker.application.audit.AccuracyImportReport;
import io.tracker.application.audit.PlatformConversionImportService;
import io.tracker.application.audit.StoreOrderImportService;
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
 * Backs the "Data accuracy" section of {@code /import.xhtml}: uploads a shop's orders file or a platform's
 * conversions report for the selected client (the same imports as {@code POST /api/v1/imports/store-orders} and
 * {@code …/platform-conversions}, layout detected from the header) and shows the upload's report. Needs the
 * {@code INGEST} permission, as the page.
 */
@Named
@ViewScoped
public class AccuracyImportBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private StoreOrderImportService orders;

    @Inject
    private PlatformConversionImportService platforms;

    @Inject
    private SignedInUser tenant;

    @Inject
    private ImportSlots slots;

    private String tenantId;
    private transient UploadedFile ordersFile;
    private transient UploadedFile platformFile;
    private AccuracyImportReport report;
    private String fileName;

    @PostConstruct
    public void init() {
        tenantId = tenant.getTenantId();
    }

    /** Imports the uploaded orders file. */
    public void uploadOrders() {
        report = null;
        try {
            PageUpload.run(tenant, tenantId, ordersFile, slots, (name, in) -> {
                fileName = name;
                report = orders.importCsv(in, StandardCharsets.UTF_8);
                PageUpload.imported(name, report.rejected(), report.stored() + " orders stored");
            });
        } finally {
            ordersFile = null;
        }
    }

    /** Imports the uploaded platform report. */
    public void uploadPlatform() {
        report = null;
        try {
            PageUpload.run(tenant, tenantId, platformFile, slots, (name, in) -> {
                fileName = name;
                report = platforms.importCsv(in, StandardCharsets.UTF_8, null);
                PageUpload.imported(name, report.rejected(), report.stored() + " campaign days stored");
            });
        } finally {
            platformFile = null;
        }
    }

    public UploadedFile getOrdersFile() {
        return ordersFile;
    }

    public void setOrdersFile(UploadedFile ordersFile) {
        this.ordersFile = ordersFile;
    }

    public UploadedFile getPlatformFile() {
        return platformFile;
    }

    public void setPlatformFile(UploadedFile platformFile) {
        this.platformFile = platformFile;
    }

    public AccuracyImportReport getReport() {
        return report;
    }

    public String getFileName() {
        return fileName;
    }
}
