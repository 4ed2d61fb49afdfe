package io.tracker.domain.attribution;

import io.tracker.domain.shared.InvalidInputException;
import java.util.List;

/** A path file with no usable data line (HTTP 400), with the lines that were refused and why. */
public class UnusablePathFileException extends InvalidInputException {

    private final transient List<PathLineError> rejected;

    public UnusablePathFileException(String message, List<PathLineError> rejected) {
        super(message);
        this.rejected = List.copyOf(rejected);
    }

    /** The first refused lines (at most {@link PathFile#MAX_ERRORS_LISTED}). */
    public List<PathLineError> rejected() {
        return rejected;
    }
}
