/** Touchpoints: the marketing touches that conversions are attributed to. */
package io.tracker.domain.tracking;
