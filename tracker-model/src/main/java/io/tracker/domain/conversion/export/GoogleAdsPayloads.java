package io.tracker.domain.conversion.export;

import io.tracker.domain.conversion.enhanced.GoogleAdsTimes;
import java.time.ZoneId;
import java.util.List;

/** SCRATCH STUB (reverted before merging branch export). */
public final class GoogleAdsPayloads {
    private GoogleAdsPayloads() {
    }

    public static String uploadClickConversions(String customerId, List<OutgoingConversion> rows, ZoneId zone) {
        StringBuilder b = new StringBuilder("{\"conversions\":[");
        for (int i = 0; i < rows.size(); i++) {
            OutgoingConversion c = rows.get(i);
            GoogleClick g = GoogleClick.of(c.clicks());
            b.append(i == 0 ? "" : ",").append('{');
            if (g != null) {
                b.append('"').append(g.field()).append("\":\"").append(g.value()).append("\",");
            }
            b.append("\"conversionAction\":\"").append(c.platformName()).append("\",\"conversionDateTime\":\"")
                    .append(GoogleAdsTimes.conversionDateTime(c.convertedAt(), zone)).append("\",\"conversionValue\":")
                    .append(c.value().toPlainString()).append(",\"currencyCode\":\"").append(c.currency()).append('"');
            if (c.orderId() != null) {
                b.append(",\"orderId\":\"").append(c.orderId()).append('"');
            }
            b.append('}');
        }
        return b.append("],\"partialFailure\":true}").toString();
    }

    public static String uploadConversionAdjustments(String customerId, List<OutgoingAdjustment> rows, ZoneId zone) {
        StringBuilder b = new StringBuilder("{\"conversionAdjustments\":[");
        for (int i = 0; i < rows.size(); i++) {
            OutgoingAdjustment a = rows.get(i);
            b.append(i == 0 ? "" : ",").append("{\"conversionAction\":\"").append(a.platformName())
                    .append("\",\"adjustmentType\":\"").append(a.kind()).append("\",\"orderId\":\"").append(a.orderId())
                    .append("\"}");
        }
        return b.append("],\"partialFailure\":true}").toString();
    }
}
