package io.tracker.domain.conversion.enhanced;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Conversion times as the Google Ads API's {@code ClickConversion.conversion_date_time} takes them:
 * {@code yyyy-MM-dd HH:mm:ss±HH:mm}, the instant shown in the tenant's zone with that zone's offset at the
 * instant (never a local time relabelled as UTC). For {@code America/Los_Angeles}:
 * {@code 2017-02-08T21:00:00Z} → {@code 2017-02-08 13:00:00-08:00}, {@code 2021-10-21T07:05:09Z} →
 * {@code 2021-10-21 00:05:09-07:00}.
 */
public final class GoogleAdsTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx");

    private GoogleAdsTimes() {
    }

    /** The instant in the zone, formatted for {@code conversion_date_time}. */
    public static String conversionDateTime(Instant at, ZoneId zone) {
        return FORMAT.format(at.atZone(zone));
    }
}
