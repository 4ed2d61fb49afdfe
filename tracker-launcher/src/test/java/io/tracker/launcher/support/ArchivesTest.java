package io.tracker.launcher.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchivesTest {

    @TempDir
    Path dir;

    @Test
    void aZipKeepsItsExecutableBits() throws Exception {
        Path zip = dir.resolve("payara.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            add(out, "payara6/bin/asadmin", 0755, "#!/bin/sh\n");
            add(out, "payara6/README.txt", 0644, "read me\n");
        }

        Archives.unzip(zip, dir.resolve("out"));

        Path asadmin = dir.resolve("out/payara6/bin/asadmin");
        assertThat(asadmin).hasContent("#!/bin/sh");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(asadmin))).isEqualTo("rwxr-xr-x");
        assertThat(Files.isExecutable(dir.resolve("out/payara6/README.txt"))).isFalse();
    }

    @Test
    void anEntryOutsideTheTargetIsRefused() throws Exception {
        Path zip = dir.resolve("evil.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            add(out, "../escaped.txt", 0644, "x");
        }

        assertThatThrownBy(() -> Archives.unzip(zip, dir.resolve("out"))).isInstanceOf(UncheckedIOException.class)
                .hasRootCauseMessage("archive entry outside the target folder: ../escaped.txt");
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
    }

    @Test
    void aTarGzKeepsModesAndSymbolicLinks() throws Exception {
        Path tarGz = dir.resolve("keycloak.tar.gz");
        try (OutputStream file = Files.newOutputStream(tarGz);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            byte[] script = "#!/bin/bash\n".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry kc = new TarArchiveEntry("keycloak-1/bin/kc.sh");
            kc.setMode(0750);
            kc.setSize(script.length);
            tar.putArchiveEntry(kc);
            tar.write(script);
            tar.closeArchiveEntry();
            TarArchiveEntry link = new TarArchiveEntry("keycloak-1/bin/kc", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("kc.sh");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }

        Archives.untarGzip(tarGz, dir.resolve("out"));

        Path kc = dir.resolve("out/keycloak-1/bin/kc.sh");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kc))).isEqualTo("rwxr-x---");
        assertThat(Files.isSymbolicLink(dir.resolve("out/keycloak-1/bin/kc"))).isTrue();
        assertThat(dir.resolve("out/keycloak-1/bin/kc")).hasContent("#!/bin/bash");
    }

    private static void add(ZipArchiveOutputStream out, String name, int mode, String content) throws Exception {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setUnixMode(mode);
        out.putArchiveEntry(entry);
        out.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeArchiveEntry();
    }
}
