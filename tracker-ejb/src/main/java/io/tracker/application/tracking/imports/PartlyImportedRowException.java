package io.tracker.application.tracking.imports;

import io.tracker.application.tracking.TrackedEvent;
import java.util.List;

/**
 * A row of which one part is good and is kept, while another part is refused with the reason: a GA
 * hit row opens its session (a touchpoint) even when the session's revenue on it cannot be read.
 * The import stores {@link #kept()} and reports the row as an error.
 */
final class PartlyImportedRowException extends RowException {

    private final transient List<TrackedEvent> kept;

    PartlyImportedRowException(String message, List<TrackedEvent> kept) {
        super(message);
        this.kept = List.copyOf(kept);
    }

    /** The events of the row's good part, to store. */
    List<TrackedEvent> kept() {
        return kept;
    }
}
