package io.tracker.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void shortValuesAreEchoedWholeInQuotes() {
        assertThat(Text.echo("12.5")).isEqualTo("'12.5'");
        assertThat(Text.echo(null)).isEqualTo("''");
    }

    @Test
    void longValuesAreCutAndTheirLengthSaid() {
        String echoed = Text.echo("9".repeat(900_000));
        assertThat(echoed).isEqualTo("'" + "9".repeat(60) + "…' (900000 characters)");
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreNotRepeated() {
        assertThat(Text.echo("a\u0000b\nc\ud800d")).isEqualTo("'a?b?c?d'");
        assertThat(Text.echo("🚀")).isEqualTo("'🚀'");
    }

    @Test
    void loneSurrogatesAreFound() {
        assertThat(Text.hasLoneSurrogate("plain")).isFalse();
        assertThat(Text.hasLoneSurrogate("rocket 🚀")).isFalse();
        assertThat(Text.hasLoneSurrogate("x\ud800")).isTrue();
        assertThat(Text.hasLoneSurrogate("\udc00x")).isTrue();
        assertThat(Text.hasLoneSurrogate("\ud800\ud800\udc00")).isTrue();
        assertThat(Text.hasLoneSurrogate(null)).isFalse();
    }
}
