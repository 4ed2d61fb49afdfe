package io.tracker.interfaces.shared.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyCharsetTest {

    @Test
    void noCharsetMeansUtf8AndKnownCharsetsAreHonoured() {
        assertThat(BodyCharset.of(null)).contains(StandardCharsets.UTF_8);
        assertThat(BodyCharset.of("text/csv")).contains(StandardCharsets.UTF_8);
        assertThat(BodyCharset.of("text/csv; charset=ISO-8859-1")).contains(StandardCharsets.ISO_8859_1);
        assertThat(BodyCharset.of("text/csv; charset=\"utf-8\"")).contains(StandardCharsets.UTF_8);
        assertThat(BodyCharset.of("text/csv; charset=klingon")).isEmpty();
    }

    @Test
    void onlyUtf8IsUtf8() {
        assertThat(BodyCharset.isUtf8("application/json")).isTrue();
        assertThat(BodyCharset.isUtf8("application/json; charset=UTF-8")).isTrue();
        assertThat(BodyCharset.isUtf8("application/json; charset=ISO-8859-1")).isFalse();
        assertThat(BodyCharset.isUtf8("application/json; charset=nonsense")).isFalse();
    }
}
