package io.tracker.application.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Which days the demo start-up has to generate again, so that a restart does not re-ingest 100 days
 * that are already stored.
 *
 * <p>The window is the last {@link #DAYS_KEPT} days before {@code today} (the 90 days the reports
 * show and the 10 before, whose journeys reach into them), both ends included. Days are the
 * tenant's calendar days ({@code zone}), as {@link DemoDataGenerator} uses them.
 *
 * <p>A journey that starts on day <i>s</i> ends before day <i>s</i> + {@link #JOURNEY_REACH_DAYS}
 * (the generator's journeys last at most about 9 days; a unit test keeps it so). Every earlier run
 * generated its days oldest first and stored every event up to its own "now", which is at or after
 * the newest demo touchpoint stored. So all journeys that start before
 * (day of the newest demo touchpoint − {@link #JOURNEY_REACH_DAYS}) are complete, also after an
 * interrupted run; the days from there on are generated again (their stored events come back as
 * duplicates, and the events that were still in the future then are added).
 */
public final class DemoFillWindow {

    /** Days before today that the demo data covers (today is generated too). */
    public static final int DAYS_KEPT = DemoTenantSetup.DAYS + 10;

    /** Upper bound, in days, of the span from a journey's first calendar day to its last event; with margin. */
    public static final int JOURNEY_REACH_DAYS = 12;

    private DemoFillWindow() {
    }

    /**
     * The first day to generate; the days from it up to {@code today} are to be generated. Never
     * after {@code today}: at worst today alone is generated again.
     *
     * @param today             the current day in {@code zone}
     * @param newestDemoTouch   the time of the newest stored demo touchpoint; empty when none is stored
     * @param zone              the tenant's time zone, which defines its days
     */
    public static LocalDate firstDay(LocalDate today, Optional<Instant> newestDemoTouch, ZoneId zone) {
        LocalDate oldest = today.minusDays(DAYS_KEPT);
        if (newestDemoTouch.isEmpty()) {
            return oldest;
        }
        LocalDate resume = newestDemoTouch.get().atZone(zone).toLocalDate().minusDays(JOURNEY_REACH_DAYS);
        if (resume.isBefore(oldest)) {
            return oldest;
        }
        return resume.isAfter(today) ? today : resume;
    }
}
