package io.tracker.application.attribution;

/**
 * How far attribution is behind the stored events: visitors marked and not yet re-attributed, and
 * the age of the oldest mark (the time the oldest waiting event has been in without its credits).
 *
 * @param pending    visitors waiting for re-attribution
 * @param lagSeconds age of the oldest mark in seconds, by the database's clock; 0 when none waits
 */
public record AttributionLag(long pending, double lagSeconds) {

    /** True when no visitor waits. */
    public boolean upToDate() {
        return pending == 0;
    }

    /** One line for people: "Attribution up to date" or "Attribution catching up: 3 visitors, oldest 12 s". */
    public String summary() {
        if (upToDate()) {
            return "Attribution up to date";
        }
        long seconds = Math.round(Math.floor(lagSeconds));
        String age = seconds < 120 ? seconds + " s" : seconds < 7_200 ? seconds / 60 + " min" : seconds / 3_600 + " h";
        return "Attribution catching up: " + pending + (pending == 1 ? " visitor" : " visitors") + ", oldest " + age;
    }
}
