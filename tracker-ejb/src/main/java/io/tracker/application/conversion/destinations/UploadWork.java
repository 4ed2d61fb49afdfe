package io.tracker.application.conversion.destinations;

import io.tracker.domain.conversion.export.OutgoingAdjustment;
import io.tracker.domain.conversion.export.OutgoingConversion;
import java.time.ZoneId;
import java.util.List;

/**
 * What one upload run sends ({@link DestinationUploads#prepare}): the destination's address and credentials, the
 * tenant's zone, and the rows that passed validation. Holds the tokens: it stays inside the uploader and is never
 * returned to a caller outside this package's services.
 *
 * @param fingerprints per conversion (same order), what its result is kept with
 */
public record UploadWork(String accountId, String loginCustomerId, String endpoint, String accessToken,
                         String developerToken, ZoneId zone, List<OutgoingConversion> conversions,
                         List<String> fingerprints, List<OutgoingAdjustment> adjustments, int considered, int invalid) {

    @Override
    public String toString() {
        return "UploadWork[account " + accountId + ", " + conversions.size() + " conversions, " + adjustments.size()
                + " adjustments, " + invalid + " invalid]";
    }
}
