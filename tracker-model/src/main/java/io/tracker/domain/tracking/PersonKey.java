package io.tracker.domain.tracking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who a visitor is known to be after {@code identify}: the key under which {@code identity_link}
 * joins the visitor ids (devices, browsers, the server side) of one person.
 *
 * <ul>
 *   <li>{@code user:<user id>}: the site's own user id, kept exactly as sent (case-sensitive, not
 *       trimmed inside), at most {@value #MAX_USER_ID} characters;</li>
 *   <li>{@code email:<sha-256>}: the SHA-256 of the e-mail address normalised as trimmed and lower-cased
 *       (the tag hashes it in the browser the same way), as 64 lowercase hex digits; the address
 *       itself is never stored;</li>
 *   <li>{@code tel:<sha-256>}: the SHA-256 of the phone number in E.164 ({@code +18005550101}, libphonenumber
 *       with the tenant's region), Google Ads' phone hash: Segment's {@code identify} with {@code traits.phone}
 *       and offline conversions match on it;</li>
 *   <li>{@code phone:<hmac>}: a caller's number under the tenant's call-tracking key (repeat callers).</li>
 * </ul>
 *
 * @param value the stored key, {@code user:…}, {@code email:…}, {@code tel:…} or {@code phone:…}
 */
public record PersonKey(String value) {

    /** Longest user id accepted. */
    public static final int MAX_USER_ID = 200;

    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    public PersonKey {
        if (value == null || !(value.startsWith("user:") || value.startsWith("email:") || value.startsWith("tel:")
                || value.startsWith("phone:"))) {
            throw new IllegalArgumentException("a person key is user:<id>, email:<sha-256>, tel:<sha-256> or "
                    + "phone:<hmac>, not " + value);
        }
    }

    /** The key of a site's user id; blank ids and ids over {@value #MAX_USER_ID} characters are refused. */
    public static PersonKey ofUserId(String userId) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("user id is blank");
        }
        if (userId.length() > MAX_USER_ID) {
            throw new IllegalArgumentException("user id is longer than " + MAX_USER_ID + " characters");
        }
        return new PersonKey("user:" + userId.strip());
    }

    /** The key of an e-mail address already normalised and hashed (64 hex digits, either case). */
    public static PersonKey ofEmailSha256(String hex) {
        if (hex == null || !SHA_256_HEX.matcher(hex.strip()).matches()) {
            throw new IllegalArgumentException("email hash must be 64 hexadecimal digits (SHA-256)");
        }
        return new PersonKey("email:" + hex.strip().toLowerCase(Locale.ROOT));
    }

    /** The key of a plain e-mail address: trimmed, lower-cased, hashed with SHA-256. */
    public static PersonKey ofEmail(String email) {
        if (email == null || email.isBlank() || email.indexOf('@') < 0) {
            throw new IllegalArgumentException("not an e-mail address");
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return new PersonKey("email:" + HexFormat.of().formatHex(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
