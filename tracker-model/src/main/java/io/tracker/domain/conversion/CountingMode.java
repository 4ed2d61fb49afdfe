package io.tracker.domain.conversion;

/**
 * How often a person's conversions of an action count, as in Google Ads' "count" setting:
 * {@code EVERY} counts each one (purchases), {@code ONE} counts one per ad interaction, that is
 * one per journey anchor (leads, signups; see {@code JourneyBuilder}). In both, a repeated order id
 * or event id is one conversion.
 */
public enum CountingMode {
    EVERY,
    ONE
}
