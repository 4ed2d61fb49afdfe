package io.tracker.domain.conversion.enhanced;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 of UTF-8 text as 64 lowercase hex digits, as every ad platform takes hashed identifiers. */
public final class Sha256 {

    private static final Pattern DIGEST = Pattern.compile("[0-9a-fA-F]{64}");

    private Sha256() {
    }

    /** The digest of the text's UTF-8 bytes, lowercase hex. */
    public static String hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /** Whether the value (trimmed) already is a SHA-256 hex digest: 64 hex digits, either case. */
    public static boolean isDigest(String value) {
        return value != null && DIGEST.matcher(value.strip()).matches();
    }
}
