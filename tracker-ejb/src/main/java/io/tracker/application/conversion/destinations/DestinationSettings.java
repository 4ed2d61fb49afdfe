package io.tracker.application.conversion.destinations;

import java.time.Instant;
import java.util.List;

/**
 * A destination's settings as they may be shown: the credentials only as whether they are set.
 *
 * @param platform           {@code google-ads}, {@code microsoft-ads} or {@code meta}
 * @param configured         whether the tenant saved settings for it (else the rest are defaults)
 * @param enabled            whether the uploader sends to it (files are available either way)
 * @param accountId          Google Ads customer id (digits), Microsoft Advertising account id, Meta pixel (dataset) id
 * @param loginCustomerId    Google Ads manager account acting for the customer, or null
 * @param endpoint           the API address used instead of the platform's documented one, or null
 * @param accessTokenSet     whether an access token is stored (never returned)
 * @param developerTokenSet  whether a Google Ads developer token is stored (never returned)
 * @param uploadEveryMinutes the schedule (5 to 10,080 minutes), or null for on demand only
 * @param lastUploadAt       when the uploader last ran for it, or null
 * @param actions            the actions that go out, by action key
 */
public record DestinationSettings(String platform, boolean configured, boolean enabled, String accountId,
                                  String loginCustomerId, String endpoint, boolean accessTokenSet,
                                  boolean developerTokenSet, Integer uploadEveryMinutes, Instant lastUploadAt,
                                  List<ActionMapping> actions) {
}
