package io.tracker.it.support;

import java.time.Duration;
import java.time.Instant;

/**
 * An access token that Keycloak signed for Tracker but that has expired, for the test that Tracker
 * refuses it. Tracker allows 60 s of clock skew, so the token must be more than a minute past its
 * expiry: it comes from a test-only client ({@value #CLIENT_ID}, made through Keycloak's admin API)
 * whose tokens live {@value #LIFESPAN_SECONDS} s, and is minted as early as possible, when the
 * test run starts ({@link io.tracker.it.session.EarlyExpiringToken}), so that by the time a test
 * asks for it, it has usually expired long enough and nobody waits.
 */
public final class ExpiringToken {

    public static final String CLIENT_ID = "it-expiring-token";
    static final String SECRET = "it-expiring-token-secret";
    static final int LIFESPAN_SECONDS = 5;
    /** Tracker's clock skew (60 s) plus a margin. */
    private static final Duration PAST_SKEW = Duration.ofSeconds(62);

    private static OidcTokens minted;

    private ExpiringToken() {
    }

    /** Mints the token unless it was minted already; the same token from then on. */
    public static synchronized OidcTokens mint() {
        if (minted == null) {
            Keycloak.ensureServiceAccountClient(CLIENT_ID, SECRET, LIFESPAN_SECONDS);
            minted = Keycloak.clientCredentials(CLIENT_ID, SECRET);
        }
        return minted;
    }

    /** The token, once it is more than Tracker's clock skew past its expiry (waiting for that if needed). */
    public static String expired() throws InterruptedException {
        OidcTokens tokens = mint();
        Duration wait = Duration.between(Instant.now(), tokens.expiresAt().plus(PAST_SKEW));
        if (!wait.isNegative()) {
            Thread.sleep(wait.toMillis());
        }
        return tokens.accessToken();
    }

    /** A new, valid token of the same client (a caller with no memberships). */
    public static String fresh() {
        mint();
        return Keycloak.clientCredentials(CLIENT_ID, SECRET).accessToken();
    }
}
