package io.tracker.launcher.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

    @TempDir
    Path dir;

    @Test
    void aTokenIs32RandomBytesInBase64Url() {
        String token = Secrets.randomToken();

        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]{43}");
        assertThat(java.util.Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(Secrets.randomToken()).isNotEqualTo(token);
    }

    @Test
    void aSecretIsGeneratedOnceKeptOwnerOnlyAndReadBackLater() throws Exception {
        Path file = dir.resolve("state/demo-api-key");

        String first = Secrets.configuredOrKept(null, file, "trk_");
        String second = Secrets.configuredOrKept("  ", file, "trk_");

        assertThat(first).startsWith("trk_").hasSize(4 + 43);
        assertThat(second).isEqualTo(first);
        assertThat(Files.readString(file)).isEqualTo(first + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aConfiguredValueWinsAndNothingIsWritten() {
        Path file = dir.resolve("oidc-client-secret");

        assertThat(Secrets.configuredOrKept("from-the-environment", file, "")).isEqualTo("from-the-environment");
        assertThat(file).doesNotExist();
    }

    @Test
    void anEmptyFileIsFilledAndSurroundingWhiteSpaceIgnored() throws Exception {
        Path empty = dir.resolve("empty");
        Files.writeString(empty, "\n");
        Path padded = dir.resolve("padded");
        Files.writeString(padded, "  kept-value \n\n");

        assertThat(Secrets.kept(empty, "")).hasSize(43);
        assertThat(Secrets.kept(padded, "")).isEqualTo("kept-value");
    }
}
