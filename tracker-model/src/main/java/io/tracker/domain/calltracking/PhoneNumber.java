package io.tracker.domain.calltracking;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.Text;

/**
 * A phone number in E.164 ({@code +18005550100}), parsed and validated with Google's libphonenumber
 * (the number's length and ranges as its country assigns them).
 *
 * @param e164 {@code +}, country code and national number, digits only
 */
public record PhoneNumber(String e164) {

    /** Region of numbers written without a country code, when the caller gives none. */
    public static final String DEFAULT_REGION = "US";
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int MAX_INPUT = 40;

    public PhoneNumber {
        if (e164 == null || !e164.matches("\\+[1-9][0-9]{6,14}")) {
            throw new IllegalArgumentException("not an E.164 number: " + e164);
        }
    }

    /**
     * Parses a number as people and providers write it ({@code (800) 555-0100}, {@code +1 800 555 0100},
     * {@code tel:+18005550100}).
     *
     * @param field  the input's name, for the error message
     * @param region ISO 3166 region for numbers without a country code ({@value #DEFAULT_REGION} when null)
     * @throws InvalidInputException when missing, too long, unreadable or not a valid number of its country
     */
    public static PhoneNumber parse(String field, String input, String region) {
        if (input == null || input.isBlank()) {
            throw new InvalidInputException(field + " is required: a phone number such as +18005550100");
        }
        if (input.length() > MAX_INPUT) {
            throw new InvalidInputException(field + " is longer than " + MAX_INPUT + " characters");
        }
        String text = input.strip();
        if (text.regionMatches(true, 0, "tel:", 0, 4)) {
            text = text.substring(4);
        }
        try {
            Phonenumber.PhoneNumber parsed = UTIL.parse(text, region == null ? DEFAULT_REGION : region);
            if (!UTIL.isValidNumber(parsed)) {
                throw new InvalidInputException(field + " " + Text.echo(input) + " is not a valid phone number");
            }
            return new PhoneNumber(UTIL.format(parsed, PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            throw new InvalidInputException(field + " " + Text.echo(input) + " is not a phone number: " + e.getMessage());
        }
    }

    /** The number as its country writes it at home, e.g. {@code (800) 555-0100}. */
    public String national() {
        return UTIL.format(parsed(), PhoneNumberFormat.NATIONAL);
    }

    /** The number as written for callers abroad, e.g. {@code +1 800-555-0100}. */
    public String international() {
        return UTIL.format(parsed(), PhoneNumberFormat.INTERNATIONAL);
    }

    /**
     * The number with all but its last four digits hidden, for call logs: {@code +1 ••• 0100}. The
     * country code stays (where a caller is from is no personal identifier).
     */
    public String masked() {
        Phonenumber.PhoneNumber p = parsed();
        String national = String.valueOf(p.getNationalNumber());
        String last = national.length() > 4 ? national.substring(national.length() - 4) : national;
        return "+" + p.getCountryCode() + " ••• " + last;
    }

    private Phonenumber.PhoneNumber parsed() {
        try {
            return UTIL.parse(e164, DEFAULT_REGION);
        } catch (NumberParseException e) {
            throw new IllegalStateException("a stored E.164 number does not parse: " + e164, e);
        }
    }

    @Override
    public String toString() {
        return e164;
    }
}
