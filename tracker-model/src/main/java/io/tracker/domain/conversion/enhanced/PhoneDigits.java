package io.tracker.domain.conversion.enhanced;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Optional;

/** A phone number as written, read with libphonenumber into E.164; empty when it is not a valid number. */
public final class PhoneDigits {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneDigits() {
    }

    public static Optional<String> e164(String phone, String region) {
        if (phone == null || phone.isBlank() || phone.length() > 40) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber parsed = UTIL.parse(phone.strip(), region == null ? "US" : region);
            return UTIL.isValidNumber(parsed)
                    ? Optional.of(UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164)) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
