package io.tracker.application.conversion.destinations;

import java.util.List;

/**
 * New settings for a destination ({@link DestinationService#save}). A null or blank token keeps the stored one
 * (they are never shown, so a form cannot send them back); every other field replaces what is stored.
 *
 * @param enabled            null for true
 * @param actions            the complete mapping (replaces the stored one); null for none
 */
public record DestinationChange(Boolean enabled, String accountId, String loginCustomerId, String endpoint,
                                String accessToken, String developerToken, Integer uploadEveryMinutes,
                                List<ActionMapping> actions) {
}
