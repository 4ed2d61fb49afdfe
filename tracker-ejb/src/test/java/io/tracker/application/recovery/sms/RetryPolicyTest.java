package io.tracker.application.recovery.sms;

import static io.tracker.application.recovery.sms.SendResult.Outcome.ACCEPTED;
import static io.tracker.application.recovery.sms.SendResult.Outcome.FAILED;
import static io.tracker.application.recovery.sms.SendResult.Outcome.RETRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void waitsOneFourSixteenAndSixtyFourMinutes() {
        assertThat(RetryPolicy.MAX_ATTEMPTS).isEqualTo(5);
        assertThat(RetryPolicy.delayBefore(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(RetryPolicy.delayBefore(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(RetryPolicy.delayBefore(4)).isEqualTo(Duration.ofMinutes(16));
        assertThat(RetryPolicy.delayBefore(5)).isEqualTo(Duration.ofMinutes(64));
    }

    @Test
    void thereIsNoDelayBeforeTheFirstAttemptNorASixth() {
        assertThatThrownBy(() -> RetryPolicy.delayBefore(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.delayBefore(6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.delayBefore(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyRetryOutcomesAreTriedAgainUpToFiveAttempts() {
        for (int attempts = 1; attempts <= 4; attempts++) {
            assertThat(RetryPolicy.retries(RETRY, attempts)).as("RETRY after %d", attempts).isTrue();
            assertThat(RetryPolicy.retries(FAILED, attempts)).isFalse();
            assertThat(RetryPolicy.retries(ACCEPTED, attempts)).isFalse();
        }
        assertThat(RetryPolicy.retries(RETRY, 5)).isFalse();
        assertThat(RetryPolicy.retries(RETRY, 6)).isFalse();
        assertThatThrownBy(() -> RetryPolicy.retries(RETRY, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
