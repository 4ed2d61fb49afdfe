/**
 * The website collection endpoints of the API module, in front of the collection core
 * ({@link io.tracker.application.tracking.collection.Collector}):
 *
 * <ul>
 *   <li>{@link io.tracker.interfaces.tracking.collect.CollectServlet}: {@code POST /v1/collect}, the tag's
 *       beacon (JSON read by {@link io.tracker.interfaces.tracking.collect.BeaconBody});</li>
 *   <li>{@link io.tracker.interfaces.tracking.collect.PixelServlet}: {@code GET /p.gif}, the image pixel
 *       (query read by {@link io.tracker.interfaces.tracking.collect.PixelQuery});</li>
 *   <li>{@link io.tracker.interfaces.tracking.collect.TagFileFilter}: the headers of the static {@code /t.js}.</li>
 * </ul>
 *
 * Invariants: the tenant comes only from the site key ({@link io.tracker.application.tracking.collection.CollectionKeys});
 * every query value is percent-decoded exactly once; on a site that requires consent no identifier of a
 * hit without {@code consent=granted} reaches the collector ({@link io.tracker.interfaces.tracking.collect.ConsentRule});
 * an answer is written only once the collector's future completed (after commit); no endpoint here
 * creates a session or sets a cookie.
 */
package io.tracker.interfaces.tracking.collect;
