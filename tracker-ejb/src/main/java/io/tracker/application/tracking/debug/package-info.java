/**
 * Debug mode (README "Debug mode"): debug sessions started from the set-up page for one site
 * ({@link io.tracker.application.tracking.debug.DebugSessionService}), the hits a browser sent in one, as the
 * collector stored them in {@code debug_hit} with what it understood and the de-duplication outcome they would have
 * had, and the hourly pruning of both ({@link io.tracker.application.tracking.debug.DebugDataPruner}).
 *
 * <p>Invariant: nothing here is ever read by a report; a debug hit changes no touchpoint, conversion, count or
 * attribution.
 */
package io.tracker.application.tracking.debug;
