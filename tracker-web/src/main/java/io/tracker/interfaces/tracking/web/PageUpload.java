package io.tracker.interfaces.tracking.web;

import io.tracker.application.tracking.imports.ImportSlots;
import io.tracker.domain.shared.DomainException;
import io.tracker.interfaces.shared.web.Formats;
import io.tracker.interfaces.shared.web.Messages;
import io.tracker.interfaces.tenant.web.SignedInUser;
import jakarta.ejb.EJBException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.primefaces.model.file.UploadedFile;

/**
 * One upload from an import page, as every such page runs it: {@link UploadAdmission} first, then the import in the
 * client's import slot, and the outcome as a page message. A file the import refuses as a whole
 * ({@link DomainException}) says why; an upload that cannot be read asks to try again; anything else propagates.
 */
public final class PageUpload {

    private static final Logger LOG = Logger.getLogger(PageUpload.class.getName());

    /** Imports the uploaded file and says how it went ({@link #imported}). */
    @FunctionalInterface
    public interface Import {
        void read(String fileName, InputStream in);
    }

    private PageUpload() {
    }

    /** Runs the import when the upload is admitted; the refusal or failure is shown on the page otherwise. */
    public static void run(SignedInUser tenant, String tenantId, UploadedFile file, ImportSlots slots, Import work) {
        Optional<ImportSlots.Slot> slot = UploadAdmission.admit(tenant, tenantId, file, slots);
        if (slot.isEmpty()) {
            return;
        }
        String fileName = file.getFileName();
        try (ImportSlots.Slot held = slot.get(); InputStream in = file.getInputStream()) {
            work.read(fileName, in);
        } catch (DomainException | EJBException e) {
            DomainException cause = Messages.domainCause(e).orElseThrow(() -> e);
            Messages.error("Nothing was imported from " + fileName + ": " + cause.getMessage());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "upload could not be read", e);
            Messages.error("The uploaded file could not be read. Please try again.");
        }
    }

    /**
     * The message for an import that ran: "Imported <file>: <stored>." when no row was skipped, else a warning
     * that points to the list of skipped rows below the form.
     */
    public static void imported(String fileName, long skipped, String stored) {
        if (skipped == 0) {
            Messages.info("Imported " + fileName + ": " + stored + ".");
        } else {
            Messages.warn("Imported " + fileName + " with " + Formats.count(skipped)
                    + (skipped == 1 ? " row" : " rows") + " skipped; see the list below.");
        }
    }
}
