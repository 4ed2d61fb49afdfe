package io.tracker.domain.tracking;

import java.util.Map;

/**
 * The ad platforms' click ids of a visit, each stored in its own column, exactly as sent: they are
 * case-sensitive and opaque, so they are never re-cased or cut (the collector refuses one that is
 * longer than it stores rather than cutting it). Several may be present at once (a Google Ads click on
 * iOS can carry {@code gclid}, {@code gbraid} and {@code wbraid}). Every field may be null.
 *
 * @param gclid   Google Ads
 * @param gbraid  Google Ads, iOS app-to-web
 * @param wbraid  Google Ads, iOS web-to-app/web
 * @param fbclid  Meta (Facebook, Instagram)
 * @param msclkid Microsoft Advertising
 * @param ttclid  TikTok Ads
 * @param liFatId LinkedIn Ads ({@code li_fat_id})
 * @param trk     Tracker's own tracked-link click id ({@code /c/{code}} adds it to the destination)
 */
public record ClickIds(String gclid, String gbraid, String wbraid, String fbclid, String msclkid,
                       String ttclid, String liFatId, String trk) {

    /** No click id. */
    public static final ClickIds NONE = new ClickIds(null, null, null, null, null, null, null, null);

    /** The click ids of a landing page URL's query (see {@link QueryParameters}). */
    public static ClickIds fromQuery(Map<String, String> query) {
        return new ClickIds(query.get("gclid"), query.get("gbraid"), query.get("wbraid"), query.get("fbclid"),
                query.get("msclkid"), query.get("ttclid"), query.get("li_fat_id"), query.get("trk"));
    }

    /** This one's ids, each missing one taken from {@code other}. */
    public ClickIds orElse(ClickIds other) {
        return new ClickIds(Utm.or(gclid, other.gclid), Utm.or(gbraid, other.gbraid), Utm.or(wbraid, other.wbraid),
                Utm.or(fbclid, other.fbclid), Utm.or(msclkid, other.msclkid), Utm.or(ttclid, other.ttclid),
                Utm.or(liFatId, other.liFatId), Utm.or(trk, other.trk));
    }
}
