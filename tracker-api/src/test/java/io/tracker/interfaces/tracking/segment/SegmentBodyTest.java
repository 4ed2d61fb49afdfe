package io.tracker.interfaces.tracking.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class SegmentBodyTest {

    @Test
    void plainBodiesUpToTheLimit() throws Exception {
        assertThat(SegmentBody.read(new ByteArrayInputStream(new byte[100]), null, 100)).hasSize(100);
        assertThatThrownBy(() -> SegmentBody.read(new ByteArrayInputStream(new byte[101]), "identity", 100))
                .isInstanceOf(SegmentBody.TooLarge.class);
    }

    @Test
    void gzipIsBoundedAfterDecompression() throws Exception {
        byte[] small = gzip(new byte[100]);
        assertThat(SegmentBody.read(new ByteArrayInputStream(small), "gzip", 100)).hasSize(100);
        byte[] bomb = gzip(new byte[1_000_000]); // about 1 KB compressed
        assertThat(bomb.length).isLessThan(10_000);
        assertThatThrownBy(() -> SegmentBody.read(new ByteArrayInputStream(bomb), "gzip", 512_000))
                .isInstanceOf(SegmentBody.TooLarge.class);
        assertThatThrownBy(() -> SegmentBody.read(new ByteArrayInputStream(new byte[] {1, 2, 3}), "gzip", 100))
                .isInstanceOf(SegmentBody.Unreadable.class);
        assertThatThrownBy(() -> SegmentBody.read(new ByteArrayInputStream(new byte[1]), "br", 100))
                .isInstanceOf(SegmentBody.Unreadable.class).hasMessageContaining("br");
    }

    private static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }
}
