package io.tracker.domain.conversion;

/**
 * What records a conversion of an action (column {@code conversion_action.trigger_type}):
 * {@code EVENT} an event (a tag event, a Segment {@code track}) of the action's trigger event name;
 * {@code URL} a page view whose URL matches the action's {@link UrlRule} (the thank-you page);
 * {@code CALL} a qualified call, answered and lasting at least the action's minimum seconds (calls arrive
 * with call tracking, issue #9: the setting is stored and validated, nothing records it yet);
 * {@code OFFLINE} only import rows and API conversions naming the action.
 *
 * <p>Whatever the trigger, a conversion that names the action by its key (a {@code conversion} hit of the
 * tag, the events API's {@code conversion}, an import row) records it.
 */
public enum TriggerType {
    EVENT,
    URL,
    CALL,
    OFFLINE
}
