package io.tracker.domain.conversion.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** SCRATCH STUB (reverted before merging branch export). */
public final class ExportValidator {
    private ExportValidator() {
    }

    public static List<String> problems(Platform p, OutgoingConversion c, Instant now) {
        List<String> out = new ArrayList<>();
        OutgoingConversion.Clicks k = c.clicks();
        boolean click = switch (p) {
            case GOOGLE_ADS -> k.gclid() != null || k.gbraid() != null || k.wbraid() != null;
            case MICROSOFT_ADS -> k.msclkid() != null;
            case META -> k.fbclid() != null;
        };
        if (!click && !c.identifiers().hasEmailOrPhone()) {
            out.add("no click id or identifier");
        }
        if (c.clickedAt() != null && c.convertedAt().isBefore(c.clickedAt())) {
            out.add("conversion before its click");
        }
        return out;
    }

    public static List<String> problems(Platform p, OutgoingAdjustment a, Instant now) {
        return a.orderId() == null && a.gclid() == null ? List.of("no order id or gclid") : List.of();
    }
}
