package io.tracker.application.calltracking;

import io.tracker.domain.calltracking.CallAttribution;
import io.tracker.domain.calltracking.CallStatus;
import java.time.Instant;

/**
 * A stored call, as the call log shows it (the caller masked: {@code +1 ••• 0123}).
 *
 * @param duplicate  true when the provider's call id had been stored before (nothing was changed)
 * @param qualified  it recorded a conversion of at least one call conversion action
 * @param firstTime  no earlier call from the same caller number (unknown callers count as first-time)
 */
public record RecordedCall(long id, String providerCallId, String calledNumber, String callerMasked, Instant startedAt,
                           int durationSeconds, CallStatus status, CallAttribution attribution, String channel,
                           String campaign, String utmSource, String utmMedium, String landingUrl, String gclid,
                           boolean qualified, boolean firstTime, boolean duplicate) {

    /** The same call, marked as reported before. */
    RecordedCall withDuplicate() {
        return new RecordedCall(id, providerCallId, calledNumber, callerMasked, startedAt, durationSeconds, status,
                attribution, channel, campaign, utmSource, utmMedium, landingUrl, gclid, qualified, firstTime, true);
    }
}
