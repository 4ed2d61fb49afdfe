package io.tracker.application.conversion.destinations;

/**
 * The counts of one upload run: rows considered (new, changed or waiting to be retried), refused by validation
 * ({@code invalid}, never sent), sent, and the results of those sent.
 */
public record UploadRun(String platform, int considered, int invalid, int sent, int accepted, int failed, int retry,
                        int requests) {
}
