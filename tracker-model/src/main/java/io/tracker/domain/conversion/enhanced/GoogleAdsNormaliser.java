package io.tracker.domain.conversion.enhanced;

import java.util.Locale;
import java.util.Optional;

/**
 * Google Ads enhanced conversions (Google Ads API, "Enhanced conversions for leads / for web: normalize and
 * hash user-provided data"): whitespace trimmed and text lowercased; an e-mail address at {@code gmail.com} or
 * {@code googlemail.com} also loses every period before the {@code @}; a phone number in E.164 (a {@code +},
 * country code and number, nothing else); first and last names trimmed and lowercased, inner spaces kept. Then
 * SHA-256, lowercase hex. Examples (pinned by the unit test): {@code " Test.User@GoogleMail.com "} →
 * sha256({@code testuser@googlemail.com}); {@code "+1 (800) 555-0101"} → sha256({@code +18005550101});
 * {@code " Mary Ann "} → sha256({@code mary ann}).
 */
public final class GoogleAdsNormaliser implements Normaliser {

    /** Version of these rules, stored with the hashes they make. */
    public static final String VERSION = "google-ads-2026-12";

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public Optional<String> email(String email) {
        Optional<String> hashed = Normaliser.alreadyHashed(email);
        if (hashed.isPresent() || email == null || email.isBlank()) {
            return hashed;
        }
        String e = email.strip().toLowerCase(Locale.ROOT);
        int at = e.lastIndexOf('@');
        if (at < 1 || at == e.length() - 1 || e.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        String local = e.substring(0, at);
        String domain = e.substring(at + 1);
        if (domain.equals("gmail.com") || domain.equals("googlemail.com")) {
            local = local.replace(".", "");
        }
        return Optional.of(Sha256.hex(local + "@" + domain));
    }

    @Override
    public Optional<String> phone(String phone, String region) {
        Optional<String> hashed = Normaliser.alreadyHashed(phone);
        return hashed.isPresent() ? hashed : PhoneDigits.e164(phone, region).map(Sha256::hex);
    }

    @Override
    public Optional<String> name(String name) {
        Optional<String> hashed = Normaliser.alreadyHashed(name);
        if (hashed.isPresent() || name == null || name.isBlank()) {
            return hashed;
        }
        return Optional.of(Sha256.hex(name.strip().toLowerCase(Locale.ROOT)));
    }
}
