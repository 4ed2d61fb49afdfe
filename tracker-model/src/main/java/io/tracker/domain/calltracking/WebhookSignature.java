package io.tracker.domain.calltracking;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two ways a telephony provider signs a call webhook, with the tenant's signing secret.
 *
 * <ul>
 *   <li><b>Twilio</b> ({@code X-Twilio-Signature}), as Twilio's "Webhooks security" documents it: the full URL
 *       Twilio requested (scheme, host, path and query), then for a form POST every parameter's name and value
 *       appended without separators, sorted by name; HMAC-SHA1 of that with the account's auth token, Base64.</li>
 *   <li><b>Tracker's own</b> ({@code X-Tracker-Signature: t=<unix seconds>,v1=<hex>}) for the JSON shape:
 *       HMAC-SHA256 of {@code <t>.<body bytes>}, lowercase hex; {@code t} within
 *       {@value #TOLERANCE_SECONDS} seconds of now, so a captured request cannot be replayed later.</li>
 * </ul>
 *
 * Comparisons take constant time.
 */
public final class WebhookSignature {

    /** How far a signed timestamp may be from now, either way. */
    public static final long TOLERANCE_SECONDS = 300;

    private WebhookSignature() {
    }

    /**
     * Twilio's signature of a form POST to {@code url} with these parameters. A name sent more than once
     * counts each distinct value once, in sorted order, as Twilio's own validators do.
     */
    public static String twilio(String authToken, String url, Map<String, ? extends Collection<String>> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, values) -> new TreeSet<>(values).forEach(v -> data.append(name).append(v)));
        return Base64.getEncoder().encodeToString(hmac("HmacSHA1", authToken, data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Tracker's signature header value for a body sent at {@code unixSeconds}. */
    public static String tracker(String secret, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(hmac("HmacSHA256", secret, signed(unixSeconds, body)));
    }

    /**
     * Whether a {@code X-Tracker-Signature} header signs this body with this secret, within the tolerance.
     *
     * @param nowSeconds the current time, seconds since the epoch
     */
    public static boolean trackerMatches(String secret, String header, byte[] body, long nowSeconds) {
        if (header == null) {
            return false;
        }
        Long t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String p = part.strip();
            if (p.startsWith("t=") && p.substring(2).matches("[0-9]{1,12}")) {
                t = Long.parseLong(p.substring(2));
            } else if (p.startsWith("v1=")) {
                v1 = p.substring(3);
            }
        }
        if (t == null || v1 == null || Math.abs(nowSeconds - t) > TOLERANCE_SECONDS) {
            return false;
        }
        return equal(tracker(secret, t, body), "t=" + t + ",v1=" + v1);
    }

    /** Constant-time comparison of two signatures. */
    public static boolean equal(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] signed(long unixSeconds, byte[] body) {
        byte[] prefix = (unixSeconds + ".").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(body, 0, all, prefix.length, body.length);
        return all;
    }

    private static byte[] hmac(String algorithm, String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is missing from this Java", e);
        }
    }
}
