package io.tracker.domain.conversion.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.List;

/** SCRATCH STUB (reverted before merging branch export). */
public final class GoogleAdsAdjustmentsFile {
    private GoogleAdsAdjustmentsFile() {
    }

    public static void write(List<OutgoingAdjustment> rows, ZoneId zone, Appendable out) {
        try {
            out.append("Order ID,Conversion Name,Adjustment Type,Adjusted Value\n");
            for (OutgoingAdjustment a : rows) {
                out.append(a.orderId()).append(',').append(a.platformName()).append(',').append(a.kind()).append(',')
                        .append(a.value().toPlainString()).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
