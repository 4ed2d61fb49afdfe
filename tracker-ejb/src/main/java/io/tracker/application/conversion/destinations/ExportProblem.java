package io.tracker.application.conversion.destinations;

import java.time.Instant;
import java.util.List;

/**
 * A row left out of a file because validation refuses it, with the reasons (never a silent drop).
 *
 * @param kind         {@code CONVERSION} or {@code ADJUSTMENT}
 * @param itemId       the conversion id, or the adjustment id
 * @param conversionId the conversion it is about
 * @param orderId      its order id, or null
 * @param at           when it happened (the conversion, or the adjustment)
 * @param problems     why it cannot go out, as {@code ExportValidator} says
 */
public record ExportProblem(String kind, long itemId, long conversionId, String orderId, Instant at,
                            List<String> problems) {
}
