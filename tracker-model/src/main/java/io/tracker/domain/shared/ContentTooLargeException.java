package io.tracker.domain.shared;

/**
 * The input is larger than Tracker accepts in one request, found while reading it (HTTP 413).
 * Thrown from inside the stream an import reads, so the import's transaction rolls back and
 * nothing of the file is stored.
 */
public class ContentTooLargeException extends DomainException {

    public ContentTooLargeException(String message) {
        super(message);
    }
}
