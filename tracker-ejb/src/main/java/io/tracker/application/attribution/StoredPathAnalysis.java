package io.tracker.application.attribution;

import io.tracker.domain.attribution.ChannelComparison;
import io.tracker.domain.attribution.PathTotals;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored path analysis.
 *
 * @param id        its id
 * @param name      the caller's name for it (the file name in the UI)
 * @param createdAt when it was made (UTC)
 * @param createdBy who made it (user or {@code api-key:<prefix>})
 * @param lines     data lines used
 * @param rejected  data lines skipped as bad
 * @param paths     distinct paths (repeated lines summed)
 * @param totals    conversions, value and non-converting journeys of the used lines
 * @param channels  every model per channel, alphabetical; empty in a list (see {@link PathAnalysisService#list()})
 */
public record StoredPathAnalysis(UUID id, String name, Instant createdAt, String createdBy, long lines, long rejected,
                                 int paths, PathTotals totals, List<ChannelComparison> channels) {
}
