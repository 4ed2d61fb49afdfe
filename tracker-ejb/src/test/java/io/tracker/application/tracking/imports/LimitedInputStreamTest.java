package io.tracker.application.tracking.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.domain.shared.ContentTooLargeException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class LimitedInputStreamTest {

    @Test
    void aBodyOfExactlyTheLimitIsReadWhole() throws IOException {
        var in = new LimitedInputStream(new ByteArrayInputStream(new byte[1000]), 1000, "the file");
        assertThat(in.readAllBytes()).hasSize(1000);
    }

    @Test
    void oneByteMoreFailsWhileStreaming() {
        var in = new LimitedInputStream(new ByteArrayInputStream(new byte[1001]), 1000, "the file");
        assertThatThrownBy(in::readAllBytes).isInstanceOf(ContentTooLargeException.class)
                .hasMessageStartingWith("the file is larger than 1000 bytes");
    }

    @Test
    void singleByteReadsCountToo() throws IOException {
        var in = new LimitedInputStream(new ByteArrayInputStream(new byte[3]), 2, "the file");
        in.read();
        in.read();
        assertThatThrownBy(in::read).isInstanceOf(ContentTooLargeException.class);
    }
}
