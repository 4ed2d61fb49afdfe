/**
 * The data-accuracy audit: a shop's orders, Tracker's purchases and the ad platforms' reported conversions side
 * by side. Reading the shops' and platforms' export files ({@link io.tracker.domain.audit.OrderLayout},
 * {@link io.tracker.domain.audit.PlatformLayout}) and reconciling the three sources
 * ({@link io.tracker.domain.audit.AccuracyAuditor}) are pure: no persistence, no clock of their own.
 */
package io.tracker.domain.audit;
