package io.tracker.domain.shared;

import java.util.Currency;
import java.util.Locale;
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

    private CurrencyCodes() {
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
