package io.tracker.application.tracking.imports;

/** A row that cannot be imported, with the reason, written for the person who made the file. */
class RowException extends RuntimeException {

    RowException(String message) {
        super(message);
    }
}
