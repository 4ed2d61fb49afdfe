package io.tracker.domain.tracking;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The id of a debug session (README "Debug mode"): the tag sends it with every hit of a browser in debug
 * mode, and the collector then keeps those hits out of reports. {@code dbg_} and 22 base64url characters
 * (128 random bits), so it cannot be guessed; the collector checks only this shape, never the database, on
 * the hot path. An id of the right shape that names no session of the tenant still keeps its hits out of
 * reports: a debug flag must never let a test purchase through.
 */
public record DebugSessionId(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** What the tag and the collector accept (the tag checks the same before it keeps the id). */
    private static final Pattern SHAPE = Pattern.compile("dbg_[A-Za-z0-9_-]{22}");

    public DebugSessionId {
        Objects.requireNonNull(value, "value");
        if (!wellFormed(value)) {
            throw new IllegalArgumentException("a debug session id is dbg_ and 22 base64url characters");
        }
    }

    /** A new random id. */
    public static DebugSessionId random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return new DebugSessionId("dbg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Whether the text has the shape of a debug session id (null: no). */
    public static boolean wellFormed(String text) {
        return text != null && text.length() == 26 && SHAPE.matcher(text).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
