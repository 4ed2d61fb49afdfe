package io.tracker.application.attribution;

import io.tracker.domain.attribution.PathLineError;
import java.util.List;
import java.util.UUID;

/**
 * The outcome of an upload.
 *
 * @param id            the new analysis
 * @param rejectedCount data lines skipped as bad
 * @param rejected      the first 1,000 of them, each with its line number and reason
 */
public record CreatedPathAnalysis(UUID id, long rejectedCount, List<PathLineError> rejected) {
}
