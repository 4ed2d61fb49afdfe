package io.tracker.application.reporting.schedules;

import io.tracker.domain.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A schedule's recipients: 1 to {@value #MAX} plain addresses {@code local@domain} (RFC 5321's dot-atom local part of
 * at most 64 characters; a domain of letters, digits and hyphens with at least one dot and a top-level label of
 * letters; 254 characters in all). No display names, quotes, comments or IP literals: an agency types its clients'
 * addresses, and anything fancier is more likely a typo than a need. Duplicates (ignoring case) count once.
 */
public final class Recipients {

    public static final int MAX = 20;

    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN =
            Pattern.compile("([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    private Recipients() {
    }

    /**
     * The addresses, trimmed, in the order given, without duplicates.
     *
     * @throws InvalidInputException naming {@code recipients} or {@code recipients[i]} and what is wrong
     */
    static List<String> checked(List<String> given) {
        if (given == null || given.isEmpty()) {
            throw new InvalidInputException("recipients: give 1 to " + MAX + " e-mail addresses");
        }
        Map<String, String> unique = new LinkedHashMap<>();
        for (int i = 0; i < given.size(); i++) {
            String address = given.get(i) == null ? "" : given.get(i).strip();
            if (!valid(address)) {
                throw new InvalidInputException("recipients[" + i + "]: " + (address.isEmpty() ? "empty"
                        : "'" + shorten(address) + "' is not an e-mail address (name@example.com)"));
            }
            unique.putIfAbsent(address.toLowerCase(Locale.ROOT), address);
        }
        if (unique.size() > MAX) {
            throw new InvalidInputException("recipients: " + unique.size() + " addresses; at most " + MAX);
        }
        return new ArrayList<>(unique.values());
    }

    /** Whether the address is a plain address {@code local@domain} as the class comment has it. */
    public static boolean valid(String address) {
        int at = address.lastIndexOf('@');
        if (address.length() > 254 || at <= 0 || at > 64 || at == address.length() - 1) {
            return false;
        }
        return LOCAL.matcher(address.substring(0, at)).matches() && DOMAIN.matcher(address.substring(at + 1)).matches();
    }

    private static String shorten(String s) {
        String printable = s.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
    }
}
