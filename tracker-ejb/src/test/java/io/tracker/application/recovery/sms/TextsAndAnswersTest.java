package io.tracker.application.recovery.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** What a text must be, how long an error may be, and the bounded read of an answer. */
class TextsAndAnswersTest {

    @Test
    void aTextIsRefusedWhenTheCallerGotItWrong() {
        assertThatThrownBy(() -> new OutgoingText("not-a-uuid", "+4915112345678", Texts.BODY, Texts.LINK, 1, "f", 1, 1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UUID");
        assertThatThrownBy(() -> new OutgoingText(Texts.KEY, "015112345678", Texts.BODY, Texts.LINK, 1, "f", 1, 1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("E.164");
        assertThatThrownBy(() -> new OutgoingText(Texts.KEY, "+4915112345678", "no link here", Texts.LINK, 1, "f", 1, 1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("link");
        assertThatThrownBy(() -> new OutgoingText(Texts.KEY, "+4915112345678", Texts.BODY, Texts.LINK, 1, "f", 1, 4, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step");
        assertThatThrownBy(() -> new OutgoingText(Texts.KEY, "+4915112345678", Texts.BODY, Texts.LINK, 1, "f", 1, 0, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTextLogsNeitherTheNumberNorTheBody() {
        assertThat(Texts.text(null).toString()).doesNotContain("4915112345678").doesNotContain("Warenkorb")
                .contains(Texts.KEY).contains("…78").contains("step=2");
    }

    @Test
    void anErrorIsCutTo500Characters() {
        SendResult r = new SendResult(SendResult.Outcome.FAILED, 400, null, "e".repeat(2_000));
        assertThat(r.error()).hasSize(500).endsWith("e…");
        assertThat(new SendResult(SendResult.Outcome.FAILED, 400, null, "e".repeat(500)).error()).hasSize(500).doesNotContain("…");
    }

    @Test
    void theBoundedReadKeepsTheLimitAndCancelsTheRest() {
        SmsHttp.Bounded bounded = new SmsHttp.Bounded(10);
        AtomicBoolean cancelled = new AtomicBoolean();
        bounded.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
                cancelled.set(true);
            }
        });
        bounded.onNext(List.of(ByteBuffer.wrap("01234".getBytes()), ByteBuffer.wrap("567".getBytes())));
        assertThat(cancelled).isFalse();
        bounded.onNext(List.of(ByteBuffer.wrap("89abcdef".getBytes())));
        assertThat(cancelled).isTrue();
        bounded.onNext(List.of(ByteBuffer.wrap("ghij".getBytes())));
        assertThat(new String(bounded.getBody().toCompletableFuture().join())).isEqualTo("0123456789");
    }

    @Test
    void theBoundedReadReturnsAShortBodyWhole() {
        SmsHttp.Bounded bounded = new SmsHttp.Bounded(SmsHttp.MAX_ANSWER_BYTES);
        bounded.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
                throw new AssertionError("cancelled");
            }
        });
        bounded.onNext(List.of(ByteBuffer.wrap("{\"id\":1}".getBytes())));
        bounded.onComplete();
        assertThat(new String(bounded.getBody().toCompletableFuture().join())).isEqualTo("{\"id\":1}");
        assertThat(SmsHttp.MAX_ANSWER_BYTES).isEqualTo(65_536);
    }
}
