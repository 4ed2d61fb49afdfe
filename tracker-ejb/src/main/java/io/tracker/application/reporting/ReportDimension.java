package io.tracker.application.reporting;

import io.tracker.domain.shared.InvalidInputException;
import java.util.Locale;

/** What an attribution report is broken down by. */
public enum ReportDimension {
    CHANNEL("channel"),
    CAMPAIGN("campaign");

    private final String field;

    ReportDimension(String field) {
        this.field = field;
    }

    /** The {@code AttributionCredit} field and the API name. */
    public String field() {
        return field;
    }

    public static ReportDimension parse(String text) {
        if (text == null || text.isBlank()) {
            return CHANNEL;
        }
        for (ReportDimension d : values()) {
            if (d.field.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new InvalidInputException("dimension must be 'channel' or 'campaign', not '" + text + "'");
    }
}
