package io.tracker.domain.attribution;

import io.tracker.domain.campaign.Channels;
import java.net.URI;
import java.util.Locale;

/**
 * A touch's "source / medium" as Google Analytics shows it, for example {@code google / cpc} or
 * {@code newsletter / email}.
 *
 * <p>Rules, first that applies: the touch's {@code utm_source} and {@code utm_medium} when either is
 * present (a missing half is {@code (not set)}); {@value #DIRECT} for the {@code Direct} channel;
 * {@code google / cpc} for a Google Ads click id (gclid) without tags; the referrer's host with
 * {@code organic} (channel {@code Organic Search}) or {@code referral} otherwise, lower-case and
 * without a leading {@code www.}; {@value #NOT_SET} when nothing is known.
 */
public final class SourceMedium {

    /** Source / medium of a direct visit (and of a conversion without any touch). */
    public static final String DIRECT = "(direct) / (none)";
    /** Source / medium of a touch that carries neither tags nor a referrer. */
    public static final String NOT_SET = "(not set) / (not set)";

    private static final String UNSET = "(not set)";

    private SourceMedium() {
    }

    /**
     * The source / medium of a touch.
     *
     * @param utmSource the touch's {@code utm_source}, null when absent
     * @param utmMedium the touch's {@code utm_medium}, null when absent
     * @param referrer  the referring URL, null when absent
     * @param gclid     the Google Ads click id, null when absent
     * @param channel   the touch's resolved channel
     */
    public static String of(String utmSource, String utmMedium, String referrer, String gclid, String channel) {
        if (present(utmSource) || present(utmMedium)) {
            return (present(utmSource) ? utmSource.trim() : UNSET) + " / " + (present(utmMedium) ? utmMedium.trim() : UNSET);
        }
        if (Channels.DIRECT.equalsIgnoreCase(channel)) {
            return DIRECT;
        }
        if (present(gclid)) {
            return "google / cpc";
        }
        String host = host(referrer);
        if (host != null) {
            return host + " / " + (Channels.ORGANIC_SEARCH.equals(channel) ? "organic" : "referral");
        }
        return NOT_SET;
    }

    /** What is known of a touch from its channel alone: {@link #DIRECT} for direct, {@link #NOT_SET} otherwise. */
    public static String ofChannel(String channel) {
        return Channels.DIRECT.equalsIgnoreCase(channel) ? DIRECT : NOT_SET;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String host(String referrer) {
        if (!present(referrer)) {
            return null;
        }
        try {
            String host = URI.create(referrer.trim()).getHost();
            if (host == null || host.isBlank()) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }
}
