package io.tracker.domain.conversion;

import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.Text;

/**
 * What records a conversion of an action (see {@link TriggerType}); only the fields of its type are set.
 *
 * @param type           the kind of trigger
 * @param event          {@link TriggerType#EVENT}: the event name, as sent (for example Segment's
 *                       {@code Order Completed}); null means the action's key. At most {@value #MAX_EVENT}
 *                       characters
 * @param url            {@link TriggerType#URL}: the rule page URLs must match
 * @param callMinSeconds {@link TriggerType#CALL}: the shortest qualifying answered call, in seconds (0 or more)
 */
public record ActionTrigger(TriggerType type, String event, UrlRule url, Integer callMinSeconds) {

    public static final int MAX_EVENT = 200;
    /** A day: no call lasts longer, so no higher minimum is meaningful. */
    public static final int MAX_CALL_SECONDS = 86_400;

    public ActionTrigger {
        if (type == null) {
            throw new InvalidInputException("trigger.type is required: event, url, call or offline");
        }
        switch (type) {
            case EVENT -> {
                event = checkedEventName(event);
                url = null;
                callMinSeconds = null;
            }
            case URL -> {
                if (url == null) {
                    throw new InvalidInputException("trigger.url_match and trigger.url_pattern are required for a URL trigger");
                }
                event = null;
                callMinSeconds = null;
            }
            case CALL -> {
                if (callMinSeconds == null || callMinSeconds < 0 || callMinSeconds > MAX_CALL_SECONDS) {
                    throw new InvalidInputException("trigger.min_seconds is required for a call trigger: a whole number "
                            + "of seconds from 0 to " + MAX_CALL_SECONDS);
                }
                event = null;
                url = null;
            }
            case OFFLINE -> {
                event = null;
                url = null;
                callMinSeconds = null;
            }
        }
    }

    /** The default trigger: an event named like the action's key. */
    public static ActionTrigger byKey() {
        return new ActionTrigger(TriggerType.EVENT, null, null, null);
    }

    /** The event name that records the action: the trigger's event, else the action key; null unless EVENT. */
    public String eventName(String actionKey) {
        return type != TriggerType.EVENT ? null : event != null ? event : actionKey;
    }

    private static String checkedEventName(String event) {
        if (event == null || event.isBlank()) {
            return null;
        }
        String e = event.strip();
        if (e.indexOf('\0') >= 0 || Text.hasLoneSurrogate(e)) {
            throw new InvalidInputException("trigger.event contains a NUL character or an unpaired surrogate");
        }
        if (e.length() > MAX_EVENT) {
            throw new InvalidInputException("trigger.event is longer than " + MAX_EVENT + " characters");
        }
        return e;
    }
}
