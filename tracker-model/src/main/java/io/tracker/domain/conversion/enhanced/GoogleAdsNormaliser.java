package io.tracker.domain.conversion.enhanced;

/**
 * Google Ads enhanced conversions (Google Ads API, "Enhanced conversions for leads / for web: normalize and
 * hash user-provided data"): whitespace trimmed and text lowercased; an e-mail address at {@code gmail.com} or
 * {@code googlemail.com} also loses every period before the {@code @}; a phone number in E.164 (a {@code +},
 * country code and number, nothing else); first and last names trimmed and lowercased, inner spaces kept. Then
 * SHA-256, lowercase hex. Examples (pinned by the unit test): {@code " Test.User@GoogleMail.com "} →
 * sha256({@code testuser@googlemail.com}); {@code "+1 (800) 555-0101"} → sha256({@code +18005550101});
 * {@code " Mary Ann "} → sha256({@code mary ann}).
 */
public final class GoogleAdsNormaliser extends PlatformNormaliser {

    /** Version of these rules, stored with the hashes they make. */
    public static final String VERSION = "google-ads-2026-12";

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    protected String emailForm(String local, String domain) {
        return (domain.equals("gmail.com") || domain.equals("googlemail.com") ? local.replace(".", "") : local)
                + "@" + domain;
    }

    @Override
    protected String phoneForm(String e164) {
        return e164;
    }
}
