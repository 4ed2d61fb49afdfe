package io.tracker.interfaces.tracking.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicAuthTest {

    @Test
    void theWriteKeyIsTheUserName() {
        assertThat(SegmentServlet.basicUser("Basic " + b64("trk_abc:"))).isEqualTo("trk_abc");
        assertThat(SegmentServlet.basicUser("basic   " + b64("trk_abc:ignored"))).isEqualTo("trk_abc");
        assertThat(SegmentServlet.basicUser("Basic " + b64("trk_abc"))).as("no colon").isEqualTo("trk_abc");
    }

    @Test
    void anythingElseNamesNoKey() {
        assertThat(SegmentServlet.basicUser("Bearer trk_abc")).isNull();
        assertThat(SegmentServlet.basicUser("Basic !!notbase64")).isNull();
        assertThat(SegmentServlet.basicUser("Basic " + b64(":secret"))).isNull();
        assertThat(SegmentServlet.basicUser("Basic")).isNull();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
