/**
 * The collection core: what every way in (the JS tag, the pixel, tracked links, the Segment-compatible
 * API) hands its hits to.
 *
 * <ul>
 *   <li>{@link io.tracker.application.tracking.collection.CollectionKeys}: a site key or write key to its
 *       tenant (cached; the only source of a hit's tenant);</li>
 *   <li>{@link io.tracker.application.tracking.collection.Collector#collect}: validates
 *       {@link io.tracker.application.tracking.collection.CollectedHit}s, drops bots and prefetches, queues the
 *       rest in a bounded queue and answers {@link io.tracker.application.tracking.collection.HitOutcome}s once
 *       their group-commit transaction committed;</li>
 *   <li>{@link io.tracker.application.tracking.collection.SiteService}: the tenant's websites and site keys;
 *       {@link io.tracker.application.tracking.collection.CollectionCountService}: the daily counts of what
 *       was stored, duplicated, refused or sent by bots.</li>
 * </ul>
 *
 * Invariants: a hit is stored at most once (event id, order id per action, event name and order id
 * within 48 hours); a future completes only after commit; a cookieless hit is stored without any
 * identifier; every visitor whose touchpoints, conversions or identity changed is marked in
 * {@code attribution_pending} in the same transaction.
 */
package io.tracker.application.tracking.collection;
