package io.tracker.domain.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The secret of an API key: {@code trk_} followed by 32 random bytes in unpadded base64url
 * (47 characters in all). Keys are stored as the lower-case hex SHA-256 of the whole secret; a
 * fast hash is enough because the secret has 256 bits of entropy and cannot be guessed.
 */
public record ApiKeySecret(String value) {

    private static final String PREFIX = "trk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    public ApiKeySecret {
        Objects.requireNonNull(value);
        if (value.isBlank()) {
            throw new IllegalArgumentException("an API key secret cannot be blank");
        }
    }

    /** A new random secret. */
    public static ApiKeySecret generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new ApiKeySecret(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Lower-case hex SHA-256 of the secret's UTF-8 bytes (64 characters). */
    public String hash() {
        return sha256Hex(value);
    }

    /** The first 8 characters, safe to show in lists. */
    public String prefix() {
        return value.substring(0, Math.min(8, value.length()));
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "ApiKeySecret[" + prefix() + "…]";
    }
}
