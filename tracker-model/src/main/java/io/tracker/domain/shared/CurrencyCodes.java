package io.tracker.domain.shared;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Current ISO 4217 currency codes. {@link Currency} also knows codes that ISO has withdrawn (the
 * euro's predecessors, replaced redenominations) and codes that are no money (gold, test, "no
 * currency"); neither is accepted where a price is meant. The withdrawn list is the codes the JDK 17
 * still carries that ISO 4217's list of historic denominations (table A.3) names.
 */
public final class CurrencyCodes {

    private static final Set<String> WITHDRAWN = Set.of(
            "ADP", "AFA", "ATS", "AYM", "AZM", "BEF", "BGL", "BYB", "BYR", "CSD", "CYP", "DEM", "EEK", "ESP",
            "FIM", "FRF", "GHC", "GRD", "GWP", "HRK", "IEP", "ITL", "LTL", "LUF", "LVL", "MGF", "MRO", "MTL",
            "MZM", "NLG", "PTE", "ROL", "RUR", "SDD", "SIT", "SKK", "SRG", "STD", "TMM", "TPE", "TRL", "USS",
            "VEB", "VEF", "YUM", "ZMK", "ZWD", "ZWN", "ZWR");

    /**
     * The currencies some country uses today, by code: the JDK's currency of every ISO 3166 country
     * ({@code Currency.getInstance(new Locale("", country))}), countries without one skipped. Funds,
     * metals, test and withdrawn codes (XAU, XTS, XXX, DEM) are no country's currency.
     */
    private static final List<Currency> IN_USE = Arrays.stream(Locale.getISOCountries())
            .map(CurrencyCodes::ofCountry)
            .filter(Objects::nonNull)
            .filter(c -> c.getDefaultFractionDigits() >= 0)
            .distinct()
            .sorted(Comparator.comparing(Currency::getCurrencyCode))
            .toList();

    private CurrencyCodes() {
    }

    private static Currency ofCountry(String country) {
        try {
            return Currency.getInstance(new Locale("", country));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The currencies in current use by some country, sorted by ISO 4217 code (about 150). */
    public static List<Currency> inUse() {
        return IN_USE;
    }

    /**
     * The currency with this code (any letter case, surrounding blanks ignored) if some country uses it
     * today ({@link #inUse()}): what a client tenant may report in.
     *
     * @return empty for any other code
     */
    public static Optional<Currency> inUse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        return IN_USE.stream().filter(c -> c.getCurrencyCode().equals(upper)).findFirst();
    }

    /**
     * The current currency with this code (any letter case, surrounding blanks ignored).
     *
     * @return empty for anything but a current ISO 4217 code of money
     */
    public static Optional<Currency> current(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        if (!upper.matches("[A-Z]{3}") || WITHDRAWN.contains(upper)) {
            return Optional.empty();
        }
        try {
            Currency c = Currency.getInstance(upper);
            return c.getDefaultFractionDigits() < 0 ? Optional.empty() : Optional.of(c);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
