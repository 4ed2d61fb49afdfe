package io.tracker.domain.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The thresholds of the tag-health checks, each a pure decision on figures the application read:
 *
 * <ul>
 *   <li><b>hits dropped</b>: a domain's hits (bots left out) in the last complete hour are below
 *       {@value #DROP_SHARE} of its baseline, the mean of the same hour on each of the
 *       {@value #BASELINE_DAYS} days before (hours without hits count as 0), and the baseline is at least
 *       {@value #MIN_BASELINE} hits (a quiet site's hour-to-hour noise is no signal). A tag that stopped sending
 *       has 0 hits against its usual;</li>
 *   <li><b>double fire</b>: two page views of one visitor on the same URL (query and fragment left out) less than
 *       {@link #DOUBLE_FIRE_WITHIN} apart: no person reloads that fast, the page loads the tag twice;</li>
 *   <li><b>thank-you page without conversion</b>: a page view on a URL matching a thank-you pattern with no
 *       conversion by the same visitor within {@link #THANK_YOU_WINDOW} before or after; alerted when at least
 *       {@value #MIN_THANK_YOU_MISSES} such views make at least half of the domain's thank-you views;</li>
 *   <li><b>action stopped</b>: a conversion action with at least {@value #MIN_CONVERSIONS} conversions in the
 *       {@value #ACTION_WINDOW_DAYS} days before now has had none for {@value #STOP_FACTOR} times its usual
 *       interval (the time between its first and last conversion in the window divided by their count less one),
 *       and for at least {@link #MIN_SILENCE}.</li>
 * </ul>
 */
public final class TagHealthRules {

    public static final double DROP_SHARE = 0.2;
    public static final double MIN_BASELINE = 5;
    public static final int BASELINE_DAYS = 7;
    public static final Duration DOUBLE_FIRE_WITHIN = Duration.ofSeconds(1);
    public static final Duration THANK_YOU_WINDOW = Duration.ofMinutes(30);
    public static final int MIN_THANK_YOU_MISSES = 3;
    public static final int MIN_CONVERSIONS = 5;
    public static final int STOP_FACTOR = 5;
    public static final int ACTION_WINDOW_DAYS = 28;
    public static final Duration MIN_SILENCE = Duration.ofHours(1);
    /** The window of double fires, thank-you pages and the consent and bot shares: the 24 hours before now. */
    public static final Duration RECENT = Duration.ofHours(24);

    /**
     * Thank-you page URL patterns used when a client set none: WooCommerce's {@code /checkout/order-received/},
     * Shopify's {@code /checkouts/…/thank_you} (matched by "thank"), and common words.
     */
    public static final List<String> DEFAULT_THANK_YOU_PATTERNS =
            List.of("thank", "order-received", "order-confirmation", "success");

    private TagHealthRules() {
    }

    /** The mean hits of the same hour over the baseline days, from their total. */
    public static double baseline(long totalOverBaselineDays) {
        return totalOverBaselineDays / (double) BASELINE_DAYS;
    }

    /** Whether the last hour's hits dropped against the baseline (see the class comment). */
    public static boolean hitsDropped(long lastHour, double baseline) {
        return baseline >= MIN_BASELINE && lastHour < DROP_SHARE * baseline;
    }

    /** Whether a domain's thank-you views without a conversion raise an alert. */
    public static boolean thankYouAlert(long views, long withoutConversion) {
        return withoutConversion >= MIN_THANK_YOU_MISSES && 2 * withoutConversion >= views;
    }

    /**
     * An action's usual interval between conversions; null when there are fewer than {@value #MIN_CONVERSIONS}
     * (too few to judge).
     */
    public static Duration usualInterval(long conversions, Instant first, Instant last) {
        if (conversions < MIN_CONVERSIONS || first == null || last == null) {
            return null;
        }
        return Duration.between(first, last).dividedBy(conversions - 1);
    }

    /** Whether an action with this usual interval and last conversion stopped firing at {@code now}. */
    public static boolean actionStopped(Duration usualInterval, Instant last, Instant now) {
        if (usualInterval == null) {
            return false;
        }
        Duration silence = Duration.between(last, now);
        return silence.compareTo(usualInterval.multipliedBy(STOP_FACTOR)) > 0 && silence.compareTo(MIN_SILENCE) >= 0;
    }

    /**
     * A thank-you pattern as a case-insensitive SQL {@code LIKE} pattern matching anywhere in the URL: {@code *}
     * any characters, {@code %} {@code _} and {@code \} taken literally.
     */
    public static String likePattern(String pattern) {
        StringBuilder like = new StringBuilder("%");
        for (char ch : pattern.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            switch (ch) {
                case '*' -> like.append('%');
                case '%', '_', '\\' -> like.append('\\').append(ch);
                default -> like.append(ch);
            }
        }
        return like.append('%').toString();
    }
}
