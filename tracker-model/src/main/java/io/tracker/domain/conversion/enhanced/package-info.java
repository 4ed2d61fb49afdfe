/**
 * Enhanced conversions' first-party data (issue #10): e-mail addresses, phone numbers and names normalised
 * exactly as each ad platform specifies, then hashed (SHA-256, lowercase hex), one versioned normaliser per
 * platform ({@link io.tracker.domain.conversion.enhanced.GoogleAdsNormaliser},
 * {@link io.tracker.domain.conversion.enhanced.MetaNormaliser}). A value that already is a SHA-256 hex digest
 * is never hashed again. Raw values are hashed on arrival and never stored.
 */
package io.tracker.domain.conversion.enhanced;
