package io.tracker.domain.conversion.export;

import java.time.Duration;

/**
 * The ad platforms Tracker sends conversions back to, with the two limits every export obeys: how many rows
 * one API request may carry and how old a click may be when its conversion happens.
 *
 * <p>Sources (each looked up for issue #10):
 * <ul>
 *   <li>Google Ads: at most 2,000 conversions per {@code UploadClickConversions} request ("Upload fewer than
 *       2001 events in a single request", {@code ConversionUploadErrorEnum.TOO_MANY_CONVERSIONS_IN_REQUEST},
 *       https://developers.google.com/google-ads/api/reference/rpc/v26/ConversionUploadErrorEnum.ConversionUploadError);
 *       a click-through conversion window of at most 90 days ({@code EXPIRED_EVENT}: "its click occurred before
 *       this conversion's click-through window"; a conversion action's click-through window is 1 to 90 days,
 *       "About conversion windows", https://support.google.com/google-ads/answer/3123169).</li>
 *   <li>Microsoft Advertising: at most 1,000 offline conversions per {@code ApplyOfflineConversions} request
 *       (https://learn.microsoft.com/en-us/advertising/campaign-management-service/applyofflineconversions);
 *       a goal's {@code ConversionWindowInMinutes} is at most 129,600 minutes, 90 days
 *       (https://learn.microsoft.com/en-us/advertising/campaign-management-service/conversiongoal).</li>
 *   <li>Meta Conversions API: "You can send up to 1,000 events in {@code data}"
 *       (https://developers.facebook.com/docs/marketing-api/conversions-api/using-the-api#batch-requests);
 *       the longest click-through attribution setting is 7 days (1-day and 7-day click are the only click
 *       windows, https://www.facebook.com/business/help/460276478298895). Meta's other age rule, on the event
 *       itself (7 days old for website events, 62 for {@code physical_store}), is not a click window: see
 *       {@link ExportValidator}.</li>
 * </ul>
 */
public enum Platform {

    GOOGLE_ADS("Google Ads", 2_000, Duration.ofDays(90)),
    MICROSOFT_ADS("Microsoft Advertising", 1_000, Duration.ofDays(90)),
    META("Meta", 1_000, Duration.ofDays(7));

    private final String displayName;
    private final int maxRowsPerRequest;
    private final Duration clickWindow;

    Platform(String displayName, int maxRowsPerRequest, Duration clickWindow) {
        this.displayName = displayName;
        this.maxRowsPerRequest = maxRowsPerRequest;
        this.clickWindow = clickWindow;
    }

    /** The most conversions (events) one API request may carry; split larger batches. */
    public int maxRowsPerRequest() {
        return maxRowsPerRequest;
    }

    /** The longest time from a click to its conversion that the platform still credits to the click. */
    public Duration clickWindow() {
        return clickWindow;
    }

    /** The platform's name as users know it, for messages. */
    String displayName() {
        return displayName;
    }
}
