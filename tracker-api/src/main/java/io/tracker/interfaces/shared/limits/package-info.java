/**
 * Limits on what one caller may cost the server: token buckets per API caller and, for failed
 * authentications, per client address (429 with {@code Retry-After}). (Concurrent imports per
 * tenant and the size of an import body, shared with the UI, are in
 * {@code io.tracker.application.tracking.imports}.) Every limit is read from MicroProfile Config
 * ({@code TRACKER_*} environment variables) with the defaults documented in the README, and every
 * refusal is problem+json. The state is in memory, per server: a cluster multiplies the limits by
 * its size.
 */
package io.tracker.interfaces.shared.limits;
