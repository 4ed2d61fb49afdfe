package io.tracker.application.calltracking;

/**
 * One swap for the tag: where the page shows {@code swapTarget}, show {@code number}. Numbers in E.164.
 *
 * @param kind        {@code pool} (held by this session), {@code source} (shown to every visitor of the
 *                    session's source) or {@code fallback} (the pool is exhausted)
 * @param holdSeconds pool numbers: how long the number stays with the session without a further request
 */
public record DniNumber(String swapTarget, String number, String display, String kind, int holdSeconds) {
}
