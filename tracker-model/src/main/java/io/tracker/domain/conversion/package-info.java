/**
 * Conversion actions (what counts as valuable, as Google Ads defines them) and the conversions recorded
 * for them.
 *
 * <p>Invariants: an action's key never changes; its {@link io.tracker.domain.conversion.ActionSettings}
 * are always valid (lookback 1–90 days, view-through 1–30, a URL trigger has a compiling, bounded pattern,
 * a call trigger a minimum of 0 seconds or more, a currency is a current ISO 4217 code or null for the
 * tenant's); a paused action records nothing new and keeps its history. Ingestion sees an action only as
 * a {@link io.tracker.domain.conversion.CountingRule}.
 */
package io.tracker.domain.conversion;
