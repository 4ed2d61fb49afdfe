package io.tracker.interfaces.reporting.rest;

import io.tracker.domain.shared.InvalidInputException;

/** The {@code limit} query parameter of the reports that list rows: how many, 1 to a report's maximum. */
final class LimitParameter {

    private LimitParameter() {
    }

    /**
     * @param text the parameter as sent; absent or blank gives {@code fallback}
     * @throws InvalidInputException (a 400) for anything but a whole number from 1 to {@code max}
     */
    static int parse(String text, int fallback, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below says what is accepted
        }
        throw new InvalidInputException("'limit' is a whole number from 1 to " + max);
    }
}
