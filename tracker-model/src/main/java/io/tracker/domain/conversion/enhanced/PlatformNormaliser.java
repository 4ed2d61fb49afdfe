package io.tracker.domain.conversion.enhanced;

import java.util.Locale;
import java.util.Optional;

/**
 * What every platform's rules share: a digest passes as it is (lowercased), a blank or unusable value gives
 * nothing, e-mail addresses and names are trimmed and lowercased, phone numbers are read into E.164 with
 * libphonenumber; a platform says only how it writes an address and a number before hashing.
 */
abstract class PlatformNormaliser implements Normaliser {

    /** The address as the platform hashes it, from its lowercased local part and domain. */
    protected abstract String emailForm(String local, String domain);

    /** The number as the platform hashes it, from its E.164 form. */
    protected abstract String phoneForm(String e164);

    @Override
    public final Optional<String> email(String email) {
        Optional<String> hashed = Normaliser.alreadyHashed(email);
        if (hashed.isPresent() || email == null || email.isBlank()) {
            return hashed;
        }
        String e = email.strip().toLowerCase(Locale.ROOT);
        int at = e.lastIndexOf('@');
        if (at < 1 || at == e.length() - 1 || e.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        return Optional.of(Sha256.hex(emailForm(e.substring(0, at), e.substring(at + 1))));
    }

    @Override
    public final Optional<String> phone(String phone, String region) {
        Optional<String> hashed = Normaliser.alreadyHashed(phone);
        return hashed.isPresent() ? hashed : PhoneDigits.e164(phone, region).map(n -> Sha256.hex(phoneForm(n)));
    }

    @Override
    public final Optional<String> name(String name) {
        Optional<String> hashed = Normaliser.alreadyHashed(name);
        if (hashed.isPresent() || name == null || name.isBlank()) {
            return hashed;
        }
        return Optional.of(Sha256.hex(name.strip().toLowerCase(Locale.ROOT)));
    }
}
