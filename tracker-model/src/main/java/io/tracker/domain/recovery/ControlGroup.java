package io.tracker.domain.recovery;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * Which abandoned carts a recovery flow holds back untexted, so the report can compare them with the texted
 * ones. The assignment is a pure function of the flow, the cart and the percentage: the same cart always
 * lands in the same group, on every node and after every restart, with nothing stored.
 *
 * <p>Rule: SHA-256 of the UTF-8 bytes of {@code flowId + ":" + cartKey}; its first 8 bytes, big-endian, as an
 * unsigned 64-bit number {@code v}; {@code u = (v >>> 11) × 2^−53}, uniform in [0, 1); the cart is in the
 * control group when {@code u < controlPercent / 100}. The flow id is part of the hash so that one cart is
 * not held back by every flow at once.
 */
public final class ControlGroup {

    private static final double TWO_TO_MINUS_53 = 0x1.0p-53;

    private ControlGroup() {
    }

    /**
     * Whether this cart is in this flow's control group.
     *
     * @param controlPercent share of carts held back, 0 (none) to 100 (all)
     * @throws IllegalArgumentException when {@code controlPercent} is outside 0..100
     * @throws NullPointerException when {@code cartKey} is null
     */
    public static boolean inControl(long flowId, String cartKey, int controlPercent) {
        if (controlPercent < 0 || controlPercent > 100) {
            throw new IllegalArgumentException("controlPercent must be 0 to 100, but was " + controlPercent);
        }
        Objects.requireNonNull(cartKey, "cartKey");
        byte[] digest = sha256((flowId + ":" + cartKey).getBytes(StandardCharsets.UTF_8));
        // the top 53 bits, as many as a double holds exactly, so every value below 1.0 is reachable and 1.0 is not
        double u = (ByteBuffer.wrap(digest).getLong() >>> 11) * TWO_TO_MINUS_53;
        return u < controlPercent / 100.0;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
