package io.tracker.domain.campaign;

/**
 * What a touchpoint tells about where the visitor came from. Every field may be null.
 *
 * @param channel     a channel the sender named explicitly; it wins over every rule
 * @param utmSource   {@code utm_source}, such as {@code google} or {@code newsletter}
 * @param utmMedium   {@code utm_medium}, such as {@code cpc}, {@code email} or {@code sms}
 * @param referrer    the full referrer URL of the landing page view
 * @param gclid       Google Ads click id
 * @param fbclid      Meta (Facebook, Instagram) click id
 * @param msclkid     Microsoft Advertising click id
 * @param gbraid      Google Ads click id of app-to-web clicks on iOS
 * @param wbraid      Google Ads click id of web-to-app/web clicks on iOS
 * @param ttclid      TikTok Ads click id
 * @param liFatId     LinkedIn Ads click id ({@code li_fat_id})
 */
public record TrafficSignals(String channel, String utmSource, String utmMedium, String referrer,
                             String gclid, String fbclid, String msclkid,
                             String gbraid, String wbraid, String ttclid, String liFatId) {

    /** Signals with the three classic click ids only. */
    public TrafficSignals(String channel, String utmSource, String utmMedium, String referrer,
                          String gclid, String fbclid, String msclkid) {
        this(channel, utmSource, utmMedium, referrer, gclid, fbclid, msclkid, null, null, null, null);
    }
}
