package io.tracker.application.tracking;

/** A validated event of either type. */
public sealed interface TrackedEvent permits TrackedTouchpoint, TrackedConversion {

    String eventId();

    String visitorId();
}
