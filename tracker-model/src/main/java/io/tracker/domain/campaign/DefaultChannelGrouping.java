package io.tracker.domain.campaign;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Derives a touchpoint's channel from its signals, in the spirit of Google Analytics 4's default
 * channel groups. The first rule that matches wins:
 *
 * <ol>
 *   <li>an explicit {@code channel} is kept as sent (trimmed);</li>
 *   <li>{@code utm_medium} {@code email|e-mail|e_mail|newsletter} → Email;
 *       {@code sms|text|text-message|mms} → SMS (for these two, a {@code utm_source} with no medium
 *       counts too, as in GA4: a link tagged only {@code utm_source=sms} is SMS); {@code affiliate|affiliates|partner} → Affiliates;
 *       {@code display|banner|cpm|expandable|interstitial|programmatic} → Display;
 *       {@code video|cpv} → Video;</li>
 *   <li>a {@code gclid}, {@code gbraid}, {@code wbraid} or {@code msclkid} → Paid Search (these ids come
 *       only from paid clicks);</li>
 *   <li>a {@code ttclid} (TikTok Ads) or {@code li_fat_id} (LinkedIn Ads) → Paid Social (likewise);</li>
 *   <li>a paid medium ({@code cpc|ppc|paid|paidsearch|paid_search|paid-search|retargeting}, or any
 *       medium starting with {@code paid}) → Paid Social when the source or medium is social, Video
 *       when the source is a video site, otherwise Paid Search;</li>
 *   <li>an {@code fbclid} without a paid medium → Organic Social (Meta adds it to organic post
 *       links too, so it alone does not prove a paid click);</li>
 *   <li>{@code utm_medium} {@code organic} → Organic Search; {@code social|social-network|
 *       social-media|sm|social_network} → Organic Social; {@code referral} → Referral;</li>
 *   <li>a {@code utm_source} naming a search engine, social network or video site, with no medium
 *       → Organic Search, Organic Social or Video;</li>
 *   <li>any other UTM value → Other;</li>
 *   <li>a referrer on a search engine, social network or video site → Organic Search, Organic
 *       Social or Video; any other referrer → Referral;</li>
 *   <li>nothing at all → Direct.</li>
 * </ol>
 *
 * Matching ignores case. Sites are recognised by a label of the host name (so
 * {@code www.google.co.uk} is Google) or, for UTM sources, by the whole value.
 */
public final class DefaultChannelGrouping {

    private static final Set<String> EMAIL_MEDIA = Set.of("email", "e-mail", "e_mail", "newsletter");
    private static final Set<String> SMS_MEDIA = Set.of("sms", "text", "text-message", "mms");
    private static final Set<String> AFFILIATE_MEDIA = Set.of("affiliate", "affiliates", "partner");
    private static final Set<String> DISPLAY_MEDIA =
            Set.of("display", "banner", "cpm", "expandable", "interstitial", "programmatic");
    private static final Set<String> VIDEO_MEDIA = Set.of("video", "cpv");
    private static final Set<String> PAID_MEDIA =
            Set.of("cpc", "ppc", "paid", "paidsearch", "paid_search", "paid-search", "retargeting");
    private static final Set<String> SOCIAL_MEDIA =
            Set.of("social", "social-network", "social-media", "sm", "social_network");

    private static final Set<String> SEARCH_SITES =
            Set.of("google", "bing", "yahoo", "duckduckgo", "baidu", "yandex", "ecosia", "ask", "naver", "seznam");
    private static final Set<String> SOCIAL_SITES = Set.of("facebook", "fb", "instagram", "ig", "twitter", "x", "t",
            "linkedin", "lnkd", "pinterest", "reddit", "tiktok", "snapchat", "threads", "whatsapp", "meta");
    private static final Set<String> VIDEO_SITES = Set.of("youtube", "youtu", "vimeo", "twitch", "dailymotion");

    private DefaultChannelGrouping() {
    }

    /** The channel for these signals; never null. */
    public static String classify(TrafficSignals s) {
        if (present(s.channel())) {
            return s.channel().trim();
        }
        String medium = lower(s.utmMedium());
        String source = lower(s.utmSource());

        // GA4 matches the source as well as the medium for these two ("utm_source=sms" alone is SMS).
        if (EMAIL_MEDIA.contains(medium) || (medium.isEmpty() && EMAIL_MEDIA.contains(source))) {
            return Channels.EMAIL;
        }
        if (SMS_MEDIA.contains(medium) || (medium.isEmpty() && SMS_MEDIA.contains(source))) {
            return Channels.SMS;
        }
        if (AFFILIATE_MEDIA.contains(medium)) {
            return Channels.AFFILIATES;
        }
        if (DISPLAY_MEDIA.contains(medium)) {
            return Channels.DISPLAY;
        }
        if (VIDEO_MEDIA.contains(medium)) {
            return Channels.VIDEO;
        }
        if (present(s.gclid()) || present(s.gbraid()) || present(s.wbraid()) || present(s.msclkid())) {
            return Channels.PAID_SEARCH;
        }
        if (present(s.ttclid()) || present(s.liFatId())) {
            return Channels.PAID_SOCIAL;
        }
        if (PAID_MEDIA.contains(medium) || medium.startsWith("paid")) {
            if (medium.contains("social") || SOCIAL_SITES.contains(source) || present(s.fbclid())) {
                return Channels.PAID_SOCIAL;
            }
            return VIDEO_SITES.contains(source) ? Channels.VIDEO : Channels.PAID_SEARCH;
        }
        if (present(s.fbclid())) {
            return Channels.ORGANIC_SOCIAL;
        }
        if (medium.equals("organic")) {
            return Channels.ORGANIC_SEARCH;
        }
        if (SOCIAL_MEDIA.contains(medium)) {
            return Channels.ORGANIC_SOCIAL;
        }
        if (medium.equals("referral")) {
            return Channels.REFERRAL;
        }
        if (medium.isEmpty() && !source.isEmpty()) {
            String bySite = bySite(Set.of(source));
            if (bySite != null) {
                return bySite;
            }
        }
        if (!medium.isEmpty() || !source.isEmpty()) {
            return Channels.OTHER;
        }
        if (present(s.referrer())) {
            String host = hostOf(s.referrer());
            if (host != null) {
                String bySite = bySite(Set.of(host.split("\\.")));
                return bySite != null ? bySite : Channels.REFERRAL;
            }
        }
        return Channels.DIRECT;
    }

    private static String bySite(Set<String> labels) {
        if (labels.stream().anyMatch(SEARCH_SITES::contains)) {
            return Channels.ORGANIC_SEARCH;
        }
        if (labels.stream().anyMatch(VIDEO_SITES::contains)) {
            return Channels.VIDEO;
        }
        if (labels.stream().anyMatch(SOCIAL_SITES::contains)) {
            return Channels.ORGANIC_SOCIAL;
        }
        return null;
    }

    private static String hostOf(String url) {
        try {
            String host = URI.create(url.trim()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String lower(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }
}
