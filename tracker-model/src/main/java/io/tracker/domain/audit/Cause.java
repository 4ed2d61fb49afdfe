package io.tracker.domain.audit;

/** A likely cause of a flagged gap, named on the day or campaign it flags, with what it means for people. */
public enum Cause {
    VIEW_THROUGH_CONVERSIONS("The platform also counts purchases after an ad was only seen, not clicked "
            + "(Meta's 1-day view, Google's view-through); Tracker sees clicks only."),
    MODELLED_CONVERSIONS("The platform adds modelled conversions for visitors it could not observe (consent mode, "
            + "browsers that block its cookies) and counts conversions on other devices of a signed-in user."),
    PLATFORM_MISSED_CLICKS("The platform counts fewer than its own rule gives: consent refused for ad storage, "
            + "click ids stripped from the landing page, conversions not yet processed (reports settle over a few "
            + "days) or conversions shared with other ads by its attribution model."),
    BLOCKED_TAGS_OR_CONSENT("The shop has orders Tracker did not record: the tag was blocked (ad blockers, "
            + "browser tracking protection), not loaded on the thank-you page, or consent was refused."),
    CROSS_DEVICE_JOURNEYS("The order was completed on another device or in an app than the one Tracker followed, "
            + "so the purchase hit never reached the visitor Tracker knows."),
    TEST_OR_DUPLICATE_PURCHASES("Tracker has purchases the shop does not count: test orders, cancelled orders, "
            + "or a thank-you page loaded twice without the order id."),
    REPORT_TIME_ZONE("A neighbouring day has the opposite gap: the platform account or the shop reports in another "
            + "time zone than the client's, so purchases around midnight land on the next or previous day."),
    CONVERSION_DATE_BASIS("The platform report dates conversions by the day of the click (Google's Conversions "
            + "column, Microsoft, Meta), Tracker by the day of the purchase; export Google's \"(by conv. time)\" "
            + "columns to compare like with like.");

    private final String explanation;

    Cause(String explanation) {
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }
}
