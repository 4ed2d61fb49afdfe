package io.tracker.interfaces.shared.limits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The API's rate limits, from MicroProfile Config (environment variable names in brackets); the
 * import limits, shared with the UI, are {@code ImportSlots}'s. Defaults are chosen so that normal use, the integration tests and the ingestion benchmark (4 client
 * threads) never meet them, while a burst of guesses or a flood does.
 */
@ApplicationScoped
public class LimitSettings {

    /** Requests one API key or OIDC caller may send at once ({@code TRACKER_RATE_CALLER_BURST}). */
    @Inject
    @ConfigProperty(name = "tracker.rate.caller.burst", defaultValue = "40")
    int callerBurst;

    /** Requests per second one API key or OIDC caller may send over time ({@code TRACKER_RATE_CALLER_PER_SECOND}). */
    @Inject
    @ConfigProperty(name = "tracker.rate.caller.per-second", defaultValue = "100")
    int callerPerSecond;

    /** Failed authentications one client address may make in a row ({@code TRACKER_RATE_FAILED_AUTH_BURST}). */
    @Inject
    @ConfigProperty(name = "tracker.rate.failed-auth.burst", defaultValue = "30")
    int failedAuthBurst;

    /** Failed authentications per minute one client address regains ({@code TRACKER_RATE_FAILED_AUTH_PER_MINUTE}). */
    @Inject
    @ConfigProperty(name = "tracker.rate.failed-auth.per-minute", defaultValue = "10")
    int failedAuthPerMinute;

    public int callerBurst() {
        return Math.max(1, callerBurst);
    }

    public int callerPerSecond() {
        return Math.max(1, callerPerSecond);
    }

    public int failedAuthBurst() {
        return Math.max(1, failedAuthBurst);
    }

    public int failedAuthPerMinute() {
        return Math.max(1, failedAuthPerMinute);
    }
}
