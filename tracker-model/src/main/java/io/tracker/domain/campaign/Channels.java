package io.tracker.domain.campaign;

/** Names of the default channel groups, as shown in reports. */
public final class Channels {

    public static final String PAID_SEARCH = "Paid Search";
    public static final String PAID_SOCIAL = "Paid Social";
    public static final String ORGANIC_SEARCH = "Organic Search";
    public static final String ORGANIC_SOCIAL = "Organic Social";
    public static final String EMAIL = "Email";
    public static final String SMS = "SMS";
    public static final String DISPLAY = "Display";
    public static final String VIDEO = "Video";
    public static final String AFFILIATES = "Affiliates";
    public static final String REFERRAL = "Referral";
    public static final String DIRECT = "Direct";
    /** Tagged traffic whose tags match no rule (GA4 calls it "Unassigned"). */
    public static final String OTHER = "Other";

    private Channels() {
    }
}
