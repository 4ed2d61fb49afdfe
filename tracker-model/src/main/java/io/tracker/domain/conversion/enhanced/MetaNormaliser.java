package io.tracker.domain.conversion.enhanced;

import java.util.Locale;
import java.util.Optional;

/**
 * Meta Conversions API ("Customer information parameters"): {@code em} trimmed and lowercased (periods kept,
 * whatever the domain); {@code ph} digits only, with the country code and no {@code +} (E.164 without its
 * plus); {@code fn} / {@code ln} trimmed and lowercased. Then SHA-256, lowercase hex. Examples (pinned by the
 * unit test): {@code " Test.User@GoogleMail.com "} → sha256({@code test.user@googlemail.com});
 * {@code "+1 (800) 555-0101"} → sha256({@code 18005550101}).
 */
public final class MetaNormaliser implements Normaliser {

    /** Version of these rules, stored with the hashes they make. */
    public static final String VERSION = "meta-capi-2026-12";

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
        return Optional.of(Sha256.hex(e));
    }

    @Override
    public Optional<String> phone(String phone, String region) {
        Optional<String> hashed = Normaliser.alreadyHashed(phone);
        return hashed.isPresent() ? hashed : PhoneDigits.e164(phone, region).map(n -> Sha256.hex(n.substring(1)));
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
