package io.tracker.it.support;

/** Rows a tenant has in the tables the write paths fill, counted in SQL (see {@link FixtureServlet}). */
public record StoredCounts(long touchpoints, long conversions, long eventReceipts, long attributionCredits) {

    public static final StoredCounts NONE = new StoredCounts(0, 0, 0, 0);
}
