package io.tracker.interfaces.shared.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Bucket4j token bucket per key (an API caller, a client address), all with the same
 * bandwidth: {@code capacity} tokens, refilled greedily at {@code refill} per {@code period}.
 *
 * <p>Memory is bounded: past {@code maxKeys} keys, buckets that are full again (their key has been
 * quiet long enough to owe nothing) are dropped; if that is not enough, all are. Forgetting a key
 * only ever gives it a fresh, full bucket, so the bound can make a limit laxer, never stricter.
 */
final class KeyedBuckets {

    private final Bandwidth bandwidth;
    private final long capacity;
    private final int maxKeys;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    KeyedBuckets(long capacity, long refill, Duration period, int maxKeys) {
        this.bandwidth = Bandwidth.builder().capacity(capacity).refillGreedy(refill, period).build();
        this.capacity = capacity;
        this.maxKeys = maxKeys;
    }

    /**
     * Takes one token from the key's bucket.
     *
     * @return 0 when taken; otherwise the nanoseconds until a token is available (nothing taken)
     */
    long take(String key) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    /**
     * Without taking anything: 0 when the key's bucket has a token, else the nanoseconds until it has one.
     */
    long waitFor(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            return 0;
        }
        return bucket.estimateAbilityToConsume(1).canBeConsumed() ? 0
                : Math.max(1, bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
    }

    private Bucket bucket(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket != null) {
            return bucket;
        }
        if (buckets.size() >= maxKeys) {
            buckets.values().removeIf(b -> b.getAvailableTokens() >= capacity);
            if (buckets.size() >= maxKeys) {
                buckets.clear();
            }
        }
        return buckets.computeIfAbsent(key, k -> Bucket.builder().addLimit(bandwidth).build());
    }

    int size() {
        return buckets.size();
    }
}
