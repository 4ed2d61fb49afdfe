package io.tracker.domain.conversion;

/**
 * Where a conversion's value comes from: {@code EVENT} the event's value, else the action's default
 * value; {@code FIXED} always the action's default value (a lead worth 50 whatever the event says).
 */
public enum ValueSource {
    EVENT,
    FIXED
}
