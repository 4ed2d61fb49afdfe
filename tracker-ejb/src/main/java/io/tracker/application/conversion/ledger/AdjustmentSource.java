package io.tracker.application.conversion.ledger;

/** How an adjustment came in (the ledger's {@code source}). */
public enum AdjustmentSource {
    /** {@code POST /api/v1/conversions/adjustments}. */
    API,
    /** {@code POST /api/v1/imports/conversion-adjustments}. */
    CSV,
    /** Segment's {@code Order Refunded} and {@code Order Cancelled}. */
    SEGMENT
}
