package io.tracker.interfaces.calltracking.web;

import io.tracker.domain.calltracking.PhoneNumber;

/** How the page writes a stored (E.164) number: internationally, {@code +1 800-555-0111}, readable in every country. */
final class Phones {

    private Phones() {
    }

    /** The number as written for callers abroad; null → {@code "—"}; anything unreadable as stored. */
    static String display(String e164) {
        if (e164 == null) {
            return "—";
        }
        try {
            return new PhoneNumber(e164).international();
        } catch (RuntimeException e) {
            return e164;
        }
    }
}
