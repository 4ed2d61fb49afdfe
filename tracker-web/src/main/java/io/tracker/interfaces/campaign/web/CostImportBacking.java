package io.tracker.interfaces.campaign.web;

import io.tracker.application.campaign.CostImportReport;
import io.tracker.application.campaign.CostImportService;
import io.tracker.application.tracking.imports.ImportSlots;
import io.tracker.domain.shared.DomainException;
import io.tracker.interfaces.shared.web.Messages;
import io.tracker.interfaces.tenant.web.SignedInUser;
import io.tracker.interfaces.tracking.web.UploadAdmission;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
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
    private static final Logger LOG = Logger.getLogger(CostImportBacking.class.getName());

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
        Optional<ImportSlots.Slot> slot = UploadAdmission.admit(tenant, tenantId, file, slots);
        if (slot.isEmpty()) {
            file = null;
            return;
        }
        fileName = file.getFileName();
        try (ImportSlots.Slot held = slot.get(); InputStream in = file.getInputStream()) {
            report = costs.importCsv(in, StandardCharsets.UTF_8, null);
            if (report.rejected() == 0) {
                Messages.info("Imported " + fileName + ": cost of " + report.stored() + " campaign days stored.");
            } else {
                Messages.warn("Imported " + fileName + " with " + report.rejected()
                        + (report.rejected() == 1 ? " row" : " rows") + " skipped; see the list below.");
            }
        } catch (DomainException | EJBException e) {
            DomainException cause = Messages.domainCause(e).orElseThrow(() -> e);
            Messages.error("Nothing was imported from " + fileName + ": " + cause.getMessage());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "upload could not be read", e);
            Messages.error("The uploaded file could not be read. Please try again.");
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
