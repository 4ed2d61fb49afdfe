package io.tracker.domain.audit;

/** Why a Tracker purchase is not one of the shop's sales. */
public enum ExtraReason {
    TEST_ORDER("The shop marks the order as a test."),
    CANCELLED_ORDER("The shop cancelled, voided or refunded the order, or its payment failed."),
    UNPAID_ORDER("The order is still pending payment (or on hold) in the shop."),
    UNKNOWN_ORDER("The shop has no order with this id (another shop, a typo in the tag, or orders not yet imported)."),
    LIKELY_DUPLICATE("No order id, and the same visitor made a purchase of the same value within the hour before: "
            + "most likely the thank-you page loaded again (reload, back button) and fired the tag without the order "
            + "id, so Tracker could not recognise the repeat."),
    NO_ORDER_ID("The purchase hit carried no order id, so it cannot be matched to the shop.");

    private final String explanation;

    ExtraReason(String explanation) {
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }
}
