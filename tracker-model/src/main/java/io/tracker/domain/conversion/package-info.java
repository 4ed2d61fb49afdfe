/** Conversion actions (what counts as valuable) and the conversions recorded for them. */
package io.tracker.domain.conversion;
