package io.tracker.domain.conversion.export;

/**
 * A conversion's first-party identifiers, each the lowercase hex SHA-256 of the value normalised as the
 * platform specifies ({@link io.tracker.domain.conversion.enhanced.GoogleAdsNormaliser},
 * {@link io.tracker.domain.conversion.enhanced.MetaNormaliser}); any may be null.
 *
 * @param emailGoogle e-mail for Google Ads (and Microsoft Advertising, which follows Google's rules)
 * @param emailMeta   e-mail for Meta ({@code em})
 * @param phoneGoogle phone in E.164 for Google Ads
 * @param phoneMeta   phone as digits with country code for Meta ({@code ph})
 * @param firstName   trimmed, lowercased
 * @param lastName    trimmed, lowercased
 * @param city        trimmed, lowercased (Meta {@code ct})
 * @param postalCode  trimmed, lowercased (Meta {@code zp})
 * @param country     ISO 3166-1 alpha-2 code, lowercase, not hashed here (Meta hashes it: see its payload)
 */
public record HashedIdentifiers(String emailGoogle, String emailMeta, String phoneGoogle, String phoneMeta,
                                String firstName, String lastName, String city, String postalCode,
                                String country) {

    public static final HashedIdentifiers NONE = new HashedIdentifiers(null, null, null, null, null, null, null,
            null, null);

    /** True when it holds an e-mail or a phone (what enhanced conversions match on). */
    public boolean hasEmailOrPhone() {
        return emailGoogle != null || emailMeta != null || phoneGoogle != null || phoneMeta != null;
    }
}
