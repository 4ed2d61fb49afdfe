package io.tracker.application.tracking.imports;

/** A row that cannot be imported, with the reason, written for the person who made the file. */
public class RowException extends RuntimeException {

    public RowException(String message) {
        super(message);
    }
}
