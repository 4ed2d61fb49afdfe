package io.tracker.interfaces.tracking.web;

import io.tracker.application.tracking.imports.ImportSlots;
import io.tracker.application.tracking.imports.LimitedInputStream;
import io.tracker.interfaces.shared.web.Messages;
import io.tracker.interfaces.tenant.web.SignedInUser;
import java.util.Optional;
import org.primefaces.model.file.UploadedFile;

/**
 * What every upload page checks before it imports a file, each refusal shown as a page message: the client is
 * still the one the page was opened for (another tab may have switched), the role may import, a file was chosen,
 * it is within {@code TRACKER_IMPORTS_MAX_BYTES}, and one of the client's import slots is free.
 */
final class UploadAdmission {

    private UploadAdmission() {
    }

    /** The slot to import in (close it when done), or empty with the reason on the page. */
    static Optional<ImportSlots.Slot> admit(SignedInUser tenant, String tenantId, UploadedFile file,
                                                   ImportSlots slots) {
        if (!tenant.isStill(tenantId)) {
            Messages.error("You switched to another client in another window. Reload this page before importing, "
                    + "so the file goes where you mean it to.");
            return Optional.empty();
        }
        if (!tenant.isMayImport()) {
            Messages.error("Your role in this client does not include importing data.");
            return Optional.empty();
        }
        if (file == null || file.getSize() == 0) {
            Messages.error("Choose a CSV file to import.");
            return Optional.empty();
        }
        if (file.getSize() > slots.maxBytes()) {
            Messages.error("Nothing was imported from " + file.getFileName() + ": "
                    + LimitedInputStream.tooLarge("the file", slots.maxBytes()).getMessage());
            return Optional.empty();
        }
        Optional<ImportSlots.Slot> slot = slots.tryAcquire(tenantId);
        if (slot.isEmpty()) {
            Messages.error("This client already runs " + slots.max() + " imports. Try again when one has finished.");
        }
        return slot;
    }
}
