/**
 * Data-accuracy audit and tag health, free of the database and of any clock of their own.
 * <ul>
 *   <li>The accuracy audit: a shop's orders, Tracker's purchases and the ad platforms' reported conversions side by
 *       side. Reading the shops' and platforms' export files ({@link io.tracker.domain.audit.OrderLayout},
 *       {@link io.tracker.domain.audit.PlatformLayout}) and reconciling the three sources
 *       ({@link io.tracker.domain.audit.AccuracyAuditor}).</li>
 *   <li>Tag health: the rules that judge whether the tag works (thresholds of the checks, a hit's website
 *       domain).</li>
 * </ul>
 */
package io.tracker.domain.audit;
