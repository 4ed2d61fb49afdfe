package io.tracker.domain.conversion.enhanced;

import java.util.Optional;

/**
 * One ad platform's rules for first-party identifiers: how each is normalised before it is hashed. Each
 * method answers the SHA-256 (lowercase hex) of the normalised value, or the value itself, lowercased, when it
 * already is a digest (hashed by the sender: never hashed twice); empty for a blank or unusable value.
 */
public interface Normaliser {

    /** The rules' version, stored with every hash made by them (rules change; hashes must say which made them). */
    String version();

    /** The e-mail address's hash; empty when blank or not an address ({@code local@domain}). */
    Optional<String> email(String email);

    /**
     * The phone number's hash; empty when blank or not a valid number.
     *
     * @param region ISO 3166 region for numbers written without a country code (the tenant's default)
     */
    Optional<String> phone(String phone, String region);

    /** A first or last name's hash; empty when blank. */
    Optional<String> name(String name);

    /** A value already hashed, lowercased; else empty. */
    static Optional<String> alreadyHashed(String value) {
        return Sha256.isDigest(value) ? Optional.of(value.strip().toLowerCase(java.util.Locale.ROOT)) : Optional.empty();
    }
}
