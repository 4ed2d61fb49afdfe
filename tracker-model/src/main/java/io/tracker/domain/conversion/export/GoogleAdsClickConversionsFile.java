package io.tracker.domain.conversion.export;

import io.tracker.domain.conversion.enhanced.GoogleAdsTimes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.List;

/** SCRATCH STUB (reverted before merging branch export). */
public final class GoogleAdsClickConversionsFile {
    private GoogleAdsClickConversionsFile() {
    }

    public static void write(List<OutgoingConversion> rows, ZoneId zone, Appendable out) {
        try {
            out.append("Google Click ID,Conversion Name,Conversion Time,Conversion Value,Conversion Currency\n");
            for (OutgoingConversion c : rows) {
                GoogleClick g = GoogleClick.of(c.clicks());
                out.append(g == null ? "" : g.value()).append(',').append(c.platformName()).append(',')
                        .append(GoogleAdsTimes.conversionDateTime(c.convertedAt(), zone)).append(',')
                        .append(c.value().toPlainString()).append(',').append(c.currency()).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
