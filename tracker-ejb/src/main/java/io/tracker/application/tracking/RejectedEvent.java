package io.tracker.application.tracking;

/**
 * An item of a batch that was not stored, and why.
 *
 * @param index position in the batch (0-based) or, for file imports, the 1-based line number
 */
public record RejectedEvent(int index, String error) {
}
