package io.tracker.application.tracking.collection;

import java.time.LocalDate;

/**
 * What collection received for the tenant on one day (in the tenant's time zone, by arrival):
 * {@code hits = stored + duplicates + bots + rejected}; prefetches are among the bots; cookieless
 * counts the stored hits without a visitor id.
 */
public record CollectionDay(LocalDate day, long hits, long stored, long duplicates, long bots, long prefetches,
                            long cookieless, long rejected) {
}
