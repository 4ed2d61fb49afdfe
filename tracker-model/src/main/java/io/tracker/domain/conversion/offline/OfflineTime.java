package io.tracker.domain.conversion.offline;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * The time of an offline row, as tills and CRMs write it:
 * <ul>
 *   <li>ISO-8601 with an offset or {@code Z} ({@code 2026-12-01T10:15:00Z}, {@code 2026-12-01T10:15:00+01:00},
 *       fractions of a second allowed): that instant;</li>
 *   <li>local {@code yyyy-MM-dd HH:mm:ss} (or ISO {@code yyyy-MM-ddTHH:mm:ss} without offset): that wall time in
 *       the tenant's zone; a time that a daylight-saving change skips is moved forward by the gap, one it repeats
 *       is the earlier instant (java.time's rule).</li>
 * </ul>
 * Every field is two digits (four for the year): {@code 2026-12-1 9:05:00} is an error, never a guess.
 */
public final class OfflineTime {

    private static final Pattern WITH_OFFSET =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern LOCAL = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}");
    private static final DateTimeFormatter LOCAL_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    private OfflineTime() {
    }

    /**
     * @param column the column's name, for the error
     * @throws OfflineRowException when blank or not one of the two forms (the message names the column and shows
     *                             the forms accepted)
     */
    public static Instant parse(String column, String text, ZoneId zone) throws OfflineRowException {
        if (text == null || text.isBlank()) {
            throw new OfflineRowException(column, "is required (ISO-8601 such as 2026-12-01T10:15:00Z, or local "
                    + "yyyy-MM-dd HH:mm:ss in the client's time zone " + zone.getId() + ")");
        }
        String t = text.strip();
        try {
            if (WITH_OFFSET.matcher(t).matches()) {
                return OffsetDateTime.parse(t).toInstant();
            }
            if (LOCAL.matcher(t).matches()) {
                return LocalDateTime.parse(t.replace('T', ' '), LOCAL_FORMAT).atZone(zone).toInstant();
            }
        } catch (DateTimeException e) {
            throw new OfflineRowException(column, "'" + shown(t) + "' is not a real date and time");
        }
        throw new OfflineRowException(column, "'" + shown(t) + "' is not a time: write ISO-8601 with an offset "
                + "(2026-12-01T10:15:00Z) or local yyyy-MM-dd HH:mm:ss with two-digit fields (2026-12-01 09:05:00)");
    }

    private static String shown(String t) {
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }
}
