package io.tracker.launcher.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Generated secrets kept in files: each is 32 random bytes in base64url (43 characters, no padding),
 * written once with owner-only permissions (0600 where the file system has POSIX permissions) and
 * read back at every later start, so that a value survives restarts and can be looked up.
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** A new random token: 32 bytes from {@link SecureRandom}, base64url without padding (43 characters). */
    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The configured value when it is set (not null, not blank), else the secret kept in {@code file},
     * generated ({@code prefix} + {@link #randomToken()}) and written there first when the file is
     * missing or empty. Surrounding white space in the file is ignored.
     */
    public static String configuredOrKept(String configured, Path file, String prefix) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return kept(file, prefix);
    }

    /** The secret in {@code file}, generated and written first when the file is missing or empty. */
    public static String kept(Path file, String prefix) {
        String existing = read(file);
        if (!existing.isEmpty()) {
            return existing;
        }
        String secret = prefix + randomToken();
        write(file, secret + "\n");
        return secret;
    }

    /** The trimmed content of {@code file}, or "" when it does not exist. */
    public static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Writes {@code content} to {@code file}, readable and writable by the owner only. */
    public static void write(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".new");
            Files.deleteIfExists(temporary);
            Files.createFile(temporary);
            ownerOnly(temporary);
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the user's profile folder protects it instead.
        }
    }
}
