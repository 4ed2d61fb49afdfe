package io.tracker.domain.audit;

/**
 * The checks that raise alerts: the tag-health checks ({@link TagHealthRules} has their thresholds) and the
 * data-accuracy audit's flagged days ({@link AccuracyAudit#flaggedDays()}, the client's threshold).
 */
public enum AlertCheck {
    /** A domain's hits in the last complete hour dropped against its baseline (a tag that stopped sending). */
    HITS_DROPPED("hits_dropped", "Hits dropped"),
    /** A domain has pages that load the tag twice. */
    DOUBLE_FIRE("double_fire", "Tag fires twice"),
    /** A domain's thank-you pages are viewed without a conversion. */
    THANK_YOU_WITHOUT_CONVERSION("thank_you_without_conversion", "Thank-you page without conversion"),
    /** A conversion action stopped firing. */
    ACTION_STOPPED("action_stopped", "Conversion action stopped"),
    /** A recent day's platform or shop figures differ from Tracker's by more than the client's threshold. */
    ACCURACY_GAP("accuracy_gap", "Accuracy gap");

    private final String apiName;
    private final String label;

    AlertCheck(String apiName, String label) {
        this.apiName = apiName;
        this.label = label;
    }

    /** As the API and the {@code alert.check_name} column write it. */
    public String apiName() {
        return apiName;
    }

    /** As people read it. */
    public String label() {
        return label;
    }

    /** The label of a stored check name (the name itself for one this version does not know). */
    public static String labelOf(String apiName) {
        for (AlertCheck c : values()) {
            if (c.apiName.equals(apiName)) {
                return c.label;
            }
        }
        return apiName;
    }
}
