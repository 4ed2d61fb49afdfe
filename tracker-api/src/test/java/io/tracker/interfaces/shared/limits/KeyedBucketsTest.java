package io.tracker.interfaces.shared.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class KeyedBucketsTest {

    @Test
    void aKeyGetsItsBurstThenWaitsForTheRefill() {
        KeyedBuckets buckets = new KeyedBuckets(3, 1, Duration.ofMinutes(1), 100);
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isZero();
        long wait = buckets.take("a");
        // one token a minute: the next one is (almost) a minute away
        assertThat(wait).isBetween(Duration.ofSeconds(55).toNanos(), Duration.ofMinutes(1).toNanos());
        assertThat(TooManyRequests.retryAfterSeconds(wait)).isBetween(55L, 60L);
        assertThat(buckets.take("b")).as("another key has its own bucket").isZero();
    }

    @Test
    void waitForTakesNothing() {
        KeyedBuckets buckets = new KeyedBuckets(1, 1, Duration.ofMinutes(1), 100);
        assertThat(buckets.waitFor("a")).as("unknown key").isZero();
        assertThat(buckets.waitFor("a")).isZero();
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.waitFor("a")).isPositive();
        assertThat(buckets.waitFor("a")).isPositive();
    }

    @Test
    void idleKeysAreForgottenWhenTheMapIsFull() {
        KeyedBuckets buckets = new KeyedBuckets(2, 1, Duration.ofMinutes(1), 3);
        buckets.take("busy");
        buckets.take("busy");
        for (int i = 0; i < 10; i++) {
            buckets.waitFor("idle-" + i);
        }
        buckets.take("x");
        buckets.take("y");
        buckets.take("z");
        assertThat(buckets.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUp() {
        assertThat(TooManyRequests.retryAfterSeconds(1)).isEqualTo(1);
        assertThat(TooManyRequests.retryAfterSeconds(1_000_000_000L)).isEqualTo(1);
        assertThat(TooManyRequests.retryAfterSeconds(1_000_000_001L)).isEqualTo(2);
    }
}
