package io.tracker.domain.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiKeySecretTest {

    @Test
    void hashIsTheHexSha256OfTheSecret() {
        // FIPS 180-2 test vector: SHA-256("abc")
        assertThat(new ApiKeySecret("abc").hash())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void generatedSecretsAreLongRandomAndPrefixed() {
        ApiKeySecret a = ApiKeySecret.generate();
        ApiKeySecret b = ApiKeySecret.generate();

        assertThat(a.value()).startsWith("trk_").hasSize(4 + 43).matches("trk_[A-Za-z0-9_-]{43}");
        assertThat(a.value()).isNotEqualTo(b.value());
        assertThat(a.prefix()).isEqualTo(a.value().substring(0, 8));
    }

    @Test
    void toStringDoesNotRevealTheSecret() {
        ApiKeySecret secret = new ApiKeySecret("trk_verysecretvalue");

        assertThat(secret.toString()).doesNotContain("verysecretvalue");
    }

    @Test
    void blankSecretIsRefused() {
        assertThatThrownBy(() -> new ApiKeySecret("  ")).isInstanceOf(IllegalArgumentException.class);
    }
}
