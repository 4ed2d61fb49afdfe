package io.tracker.interfaces.shared.limits;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * The API's token buckets (Bucket4j), per server, configured by {@link LimitSettings}:
 *
 * <ul>
 *   <li><b>per caller</b> (an API key, or the subject of an OIDC access token): every authenticated
 *       API request takes a token; {@code burst} tokens, {@code per-second} regained each second;</li>
 *   <li><b>per client address, failed authentications only</b>: a request whose credential is
 *       refused (401) takes a token; {@code burst} tokens, {@code per-minute} regained each minute.
 *       While the address has none left, every credential it presents is refused with 429
 *       <em>before</em> it is checked, so guessing stops paying. Only failures count, because
 *       many honest callers can share one address (a NAT, the tests on 127.0.0.1).</li>
 * </ul>
 */
@ApplicationScoped
public class RateLimits {

    /** Keys remembered per kind of bucket before idle ones are dropped. */
    static final int MAX_KEYS = 100_000;

    @Inject
    private LimitSettings settings;

    private KeyedBuckets callers;
    private KeyedBuckets failedAuthentications;

    @PostConstruct
    void init() {
        callers = new KeyedBuckets(settings.callerBurst(), settings.callerPerSecond(), Duration.ofSeconds(1), MAX_KEYS);
        failedAuthentications = new KeyedBuckets(settings.failedAuthBurst(), settings.failedAuthPerMinute(),
                Duration.ofMinutes(1), MAX_KEYS);
    }

    /** One request of this caller: 0 when allowed, else nanoseconds to wait. */
    public long takeCallerRequest(String caller) {
        return callers.take(caller);
    }

    /** 0 when this address may try a credential now, else nanoseconds to wait. */
    public long failedAuthenticationsWait(String address) {
        return failedAuthentications.waitFor(address);
    }

    /** Counts a refused credential against the address. */
    public void failedAuthentication(String address) {
        failedAuthentications.take(address);
    }

    LimitSettings settings() {
        return settings;
    }
}
