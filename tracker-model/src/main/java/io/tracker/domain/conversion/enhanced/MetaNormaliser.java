package io.tracker.domain.conversion.enhanced;

/**
 * Meta Conversions API ("Customer information parameters"): {@code em} trimmed and lowercased (periods kept,
 * whatever the domain); {@code ph} digits only, with the country code and no {@code +} (E.164 without its
 * plus); {@code fn} / {@code ln} trimmed and lowercased. Then SHA-256, lowercase hex. Examples (pinned by the
 * unit test): {@code " Test.User@GoogleMail.com "} → sha256({@code test.user@googlemail.com});
 * {@code "+1 (800) 555-0101"} → sha256({@code 18005550101}).
 */
public final class MetaNormaliser extends PlatformNormaliser {

    /** Version of these rules, stored with the hashes they make. */
    public static final String VERSION = "meta-capi-2026-12";

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    protected String emailForm(String local, String domain) {
        return local + "@" + domain;
    }

    @Override
    protected String phoneForm(String e164) {
        return e164.substring(1);
    }
}
