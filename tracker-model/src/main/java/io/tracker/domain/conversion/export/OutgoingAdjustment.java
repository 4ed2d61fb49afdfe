package io.tracker.domain.conversion.export;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A change to a conversion already sent to Google Ads: its value restated or the conversion retracted
 * (Google Ads API {@code ConversionAdjustment},
 * https://developers.google.com/google-ads/api/docs/conversions/upload-adjustments; file template
 * https://support.google.com/google-ads/answer/7686280). The conversion is named by its order id when it was
 * sent with one (Google then requires it), else by its gclid and conversion time.
 *
 * @param adjustmentId Tracker's id of this adjustment (the uploader keeps each row's result under it)
 * @param platformName the conversion action: a resource name {@code customers/{id}/conversionActions/{id}} for
 *                     the API, the action's name for files
 * @param orderId      the order id the conversion was sent with, or null
 * @param gclid        the gclid the conversion was sent with, or null
 * @param convertedAt  the original conversion's instant (with {@code gclid}, it names the conversion)
 * @param kind         {@code RESTATE} (a new value) or {@code RETRACT} (remove the conversion)
 * @param adjustedAt   when the adjustment happened; must be after {@code convertedAt}, and a second restatement
 *                     needs a later one than the first (Google ignores it as a duplicate otherwise)
 * @param value        the new total value for {@code RESTATE} (not a difference); ignored for {@code RETRACT}
 * @param currency     ISO 4217 code of {@code value}; ignored for {@code RETRACT}
 */
public record OutgoingAdjustment(long adjustmentId, String platformName, String orderId, String gclid,
                                 Instant convertedAt, String kind, Instant adjustedAt, BigDecimal value,
                                 String currency) {

    /** The {@code kind} of a restatement. */
    public static final String RESTATE = "RESTATE";
    /** The {@code kind} of a retraction. */
    public static final String RETRACT = "RETRACT";

    /** True for a restatement (a new value). */
    public boolean isRestatement() {
        return RESTATE.equals(kind);
    }

    /** True when the order id identifies the conversion (Google: it must, when the conversion had one). */
    public boolean hasOrderId() {
        return orderId != null && !orderId.isBlank();
    }
}
