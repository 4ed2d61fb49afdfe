package io.tracker.domain.audit;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An advertising platform whose reported conversions the audit compares with Tracker's, and the platform's own
 * counting rule as Tracker re-applies it: a purchase is the platform's when the visitor's last touchpoint carrying
 * one of the platform's click ids before the purchase lies within the platform's default click-through window
 * (the touchpoint's campaign gets the conversion). Each platform claims its own last click, whatever other
 * channels the visitor came through since, as each platform does in its own reports.
 *
 * <p>Default click windows, as the platforms document them: Google Ads 30 days (conversion action setting
 * "click-through conversion window", default 30 days); Microsoft Advertising 30 days (conversion goal
 * "conversion window", default 30 days); Meta 7 days (attribution setting "7-day click, 1-day view"; the 1-day
 * view part cannot be re-applied, Tracker does not see Meta's impressions).
 */
public enum AdPlatform {
    GOOGLE_ADS("google_ads", "Google Ads", AdPlatform.GOOGLE_ADS_CLICK_WINDOW_DAYS, List.of("gclid", "gbraid", "wbraid")),
    MICROSOFT_ADS("microsoft_ads", "Microsoft Advertising", AdPlatform.MICROSOFT_ADS_CLICK_WINDOW_DAYS,
            List.of("msclkid")),
    META("meta", "Meta Ads", AdPlatform.META_CLICK_WINDOW_DAYS, List.of("fbclid"));

    /** Google Ads' default click-through conversion window. */
    public static final int GOOGLE_ADS_CLICK_WINDOW_DAYS = 30;
    /** Microsoft Advertising's default conversion window. */
    public static final int MICROSOFT_ADS_CLICK_WINDOW_DAYS = 30;
    /** Meta's default attribution setting's click part (7-day click, 1-day view). */
    public static final int META_CLICK_WINDOW_DAYS = 7;

    private final String apiName;
    private final String label;
    private final Duration clickWindow;
    private final List<String> clickIds;

    AdPlatform(String apiName, String label, int clickWindowDays, List<String> clickIds) {
        this.apiName = apiName;
        this.label = label;
        this.clickWindow = Duration.ofDays(clickWindowDays);
        this.clickIds = clickIds;
    }

    /** {@code google_ads}, {@code microsoft_ads} or {@code meta}: the API's and the table's name. */
    public String apiName() {
        return apiName;
    }

    public String label() {
        return label;
    }

    /** How long after a click the platform counts a conversion for it. */
    public Duration clickWindow() {
        return clickWindow;
    }

    /** The touchpoint fields holding this platform's click ids. */
    public List<String> clickIds() {
        return clickIds;
    }

    /**
     * The platform for an API name, case-insensitive; null or blank is "detect from the header".
     *
     * @throws IllegalArgumentException naming the accepted ones
     */
    public static Optional<AdPlatform> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        for (AdPlatform p : values()) {
            if (p.apiName.equals(text.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(p);
            }
        }
        throw new IllegalArgumentException("platform must be one of " + Arrays.stream(values())
                .map(AdPlatform::apiName).collect(Collectors.joining(", ")) + ", not '" + text.strip() + "'");
    }
}
