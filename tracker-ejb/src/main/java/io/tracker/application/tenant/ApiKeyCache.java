package io.tracker.application.tenant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The API keys this server has recently authenticated, by the SHA-256 hash of their secret (never
 * the secret), so that an API request costs no database round trip for its key
 * ({@link TenantSelection#asApiKey}).
 *
 * <p>A found key is kept for {@value #TTL_SECONDS} seconds (at most {@value #MAX_KEYS} keys, least
 * recently used go first). Revoking a key ({@link ApiKeyService#revoke}) drops it here when the
 * revocation commits, so on this server it is refused at once; <b>another server of a cluster keeps
 * accepting a revoked key for up to {@value #TTL_SECONDS} seconds</b>. Unknown secrets are not kept:
 * wrong keys are limited per client address instead ({@code FailedAuthenticationLimit}).
 *
 * <p>Also remembers when each key's use was last recorded, so that {@code api_key.last_used_at} is
 * written at most once a minute per key and server (the column's promised precision).
 */
@ApplicationScoped
public class ApiKeyCache {

    static final int TTL_SECONDS = 60;
    static final int MAX_KEYS = 10_000;
    private static final long USE_RECORD_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();

    private final Cache<String, AuthenticatedKey> keys = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(TTL_SECONDS))
            .maximumSize(MAX_KEYS)
            .executor(Runnable::run) // maintenance on the caller's thread, no unmanaged pool
            .build();
    private final ConcurrentMap<Long, Long> useRecordedAt = new ConcurrentHashMap<>();

    /** The key with this secret hash, if this server authenticated it within the last minute. */
    Optional<AuthenticatedKey> find(String secretHash) {
        return Optional.ofNullable(keys.getIfPresent(secretHash));
    }

    void put(String secretHash, AuthenticatedKey key) {
        keys.put(secretHash, key);
    }

    /** Forgets the key (revoked): its next use is looked up in the database again. */
    void forget(long keyId) {
        keys.asMap().values().removeIf(k -> k.keyId() == keyId);
        useRecordedAt.remove(keyId);
    }

    /**
     * Whether the key's use should be recorded now (not recorded by this server within a minute);
     * true marks it recorded.
     */
    boolean useRecordDue(long keyId) {
        long now = System.nanoTime();
        Long before = useRecordedAt.get(keyId);
        if (before != null && now - before < USE_RECORD_INTERVAL_NANOS) {
            return false;
        }
        if (useRecordedAt.size() > MAX_KEYS) {
            useRecordedAt.clear();
        }
        return before == null ? useRecordedAt.putIfAbsent(keyId, now) == null
                : useRecordedAt.replace(keyId, before, now);
    }
}
