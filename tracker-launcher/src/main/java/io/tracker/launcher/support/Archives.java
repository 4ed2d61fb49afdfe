package io.tracker.launcher.support;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.Set;

import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Unpacks the distributions (Payara's .zip, Keycloak's .tar.gz, PostgreSQL's .txz) with Apache
 * Commons Compress, keeping the files' Unix permissions (the launch scripts must stay executable)
 * and, in tar archives, symbolic links. Entries that would land outside the target folder are refused.
 */
public final class Archives {

    private Archives() {
    }

    /** Unpacks a zip file into {@code target} (created if missing). */
    public static void unzip(Path zip, Path target) {
        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
            Enumeration<ZipArchiveEntry> entries = file.getEntries();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                Path destination = inside(target, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                Files.createDirectories(destination.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
                }
                permissions(destination, entry.getUnixMode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip + " into " + target, e);
        }
    }

    /** Unpacks a gzip-compressed tar file into {@code target}. */
    public static void untarGzip(Path tarGz, Path target) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(tarGz));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            untar(tar, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + tarGz + " into " + target, e);
        }
    }

    /** Unpacks an xz-compressed tar stream (zonky's PostgreSQL binaries) into {@code target}. */
    public static void untarXz(InputStream txz, Path target) {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new BufferedInputStream(txz)))) {
            untar(tar, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the PostgreSQL binaries into " + target, e);
        }
    }

    private static void untar(ArchiveInputStream<TarArchiveEntry> tar, Path target) throws IOException {
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            Path destination = inside(target, entry.getName());
            if (entry.isDirectory()) {
                Files.createDirectories(destination);
            } else if (entry.isSymbolicLink()) {
                Files.createDirectories(destination.getParent());
                Files.deleteIfExists(destination);
                Files.createSymbolicLink(destination, Path.of(entry.getLinkName()));
            } else if (entry.isLink()) {
                Files.createDirectories(destination.getParent());
                Files.deleteIfExists(destination);
                Files.createLink(destination, inside(target, entry.getLinkName()));
            } else {
                Files.createDirectories(destination.getParent());
                Files.copy(tar, destination, StandardCopyOption.REPLACE_EXISTING);
                permissions(destination, entry.getMode());
            }
        }
    }

    /** The entry's path below {@code target}; refuses names such as {@code ../x} ("zip slip"). */
    static Path inside(Path target, String name) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        Path destination = root.resolve(name).normalize();
        if (!destination.startsWith(root)) {
            throw new IOException("archive entry outside the target folder: " + name);
        }
        return destination;
    }

    /** Applies the owner/group/other bits of a Unix mode; no-op for mode 0 (none recorded) or non-POSIX systems. */
    static void permissions(Path file, int mode) throws IOException {
        if ((mode & 0777) == 0) {
            return;
        }
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                set.add(bits[i]);
            }
        }
        try {
            Files.setPosixFilePermissions(file, set);
        } catch (UnsupportedOperationException e) {
            // Windows: no Unix permissions to keep.
        }
    }

}
