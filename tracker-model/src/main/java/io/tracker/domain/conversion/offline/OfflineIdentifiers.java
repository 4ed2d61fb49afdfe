package io.tracker.domain.conversion.offline;

import io.tracker.domain.conversion.enhanced.GoogleAdsNormaliser;
import io.tracker.domain.conversion.enhanced.MetaNormaliser;
import io.tracker.domain.conversion.enhanced.Normaliser;
import io.tracker.domain.conversion.export.HashedIdentifiers;
import java.util.Locale;
import java.util.Optional;

/**
 * An offline row's first-party identifiers, hashed on arrival: per platform where the platforms normalise
 * differently (Google Ads' e-mail drops the dots of Gmail addresses and its phone is E.164; Meta keeps the
 * dots and writes the phone as digits), and the person keys Tracker's identity links use to find the person:
 * {@code email:<sha-256 of the trimmed, lowercased address>} (as the tag's and Segment's {@code identify} hash
 * it; Meta's rules give exactly that hash) and {@code tel:<sha-256 of the E.164 number>} (Google's phone hash).
 * A value sent already hashed (64 hex digits) is taken as it is, for both platforms. An e-mail or phone that is
 * present but unusable is flagged for the match report and not used.
 *
 * @param hashed       the hashes the exports send
 * @param emailKey     {@code email:…} person key, or null
 * @param phoneKey     {@code tel:…} person key, or null
 * @param emailInvalid an e-mail was given but is not an address
 * @param phoneInvalid a phone was given but libphonenumber finds no valid number in it
 * @param normalisers  the versions of the rules that made the hashes
 */
public record OfflineIdentifiers(HashedIdentifiers hashed, String emailKey, String phoneKey, boolean emailInvalid,
                                 boolean phoneInvalid, String normalisers) {

    private static final Normaliser GOOGLE = new GoogleAdsNormaliser();
    private static final Normaliser META = new MetaNormaliser();

    /**
     * @param region ISO 3166 region for numbers written without a country code (the tenant's)
     * @param country the row's country, an ISO 3166-1 alpha-2 code (any case) or null; anything else is ignored
     */
    public static OfflineIdentifiers of(String email, String phone, String firstName, String lastName, String city,
                                        String postalCode, String country, String region) {
        Optional<String> emailGoogle = GOOGLE.email(email);
        Optional<String> emailMeta = META.email(email);
        Optional<String> phoneGoogle = GOOGLE.phone(phone, region);
        Optional<String> phoneMeta = META.phone(phone, region);
        String countryCode = country != null && country.strip().matches("[A-Za-z]{2}")
                ? country.strip().toLowerCase(Locale.ROOT) : null;
        HashedIdentifiers hashed = new HashedIdentifiers(emailGoogle.orElse(null), emailMeta.orElse(null),
                phoneGoogle.orElse(null), phoneMeta.orElse(null), GOOGLE.name(firstName).orElse(null),
                GOOGLE.name(lastName).orElse(null), GOOGLE.name(city).orElse(null),
                GOOGLE.name(postalCode == null ? null : postalCode.replace(" ", "")).orElse(null), countryCode);
        return new OfflineIdentifiers(hashed, emailMeta.map(h -> "email:" + h).orElse(null),
                phoneGoogle.map(h -> "tel:" + h).orElse(null), present(email) && emailMeta.isEmpty(),
                present(phone) && phoneGoogle.isEmpty(), GOOGLE.version() + "," + META.version());
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
