package io.tracker.domain.conversion;

/**
 * {@code ACTIVE} actions record conversions; {@code PAUSED} ones record nothing new (what would have
 * recorded one is answered "conversion action paused") and keep their history, credits included.
 */
public enum ActionStatus {
    ACTIVE,
    PAUSED
}
