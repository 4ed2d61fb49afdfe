package io.tracker.application.conversion.destinations;

/**
 * One row's result in a platform's answer.
 *
 * @param status ACCEPTED, FAILED or RETRY
 * @param error  the platform's text, null when accepted
 */
public record RowOutcome(String status, String error) {

    public static final RowOutcome ACCEPTED = new RowOutcome("ACCEPTED", null);
}
