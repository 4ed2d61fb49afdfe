package io.tracker.interfaces.tracking.segment;

import java.util.Locale;
import java.util.Map;

/**
 * What a Segment {@code track} call's event name becomes in Tracker: the e-commerce v2 spec's names
 * (Segment's "Ecommerce Events") map to Tracker's, every other name to its snake_case form. Pure.
 *
 * <table>
 *   <caption>The mapped names</caption>
 *   <tr><th>Segment event</th><th>Tracker</th></tr>
 *   <tr><td>{@code Order Completed}</td><td>a conversion of the action {@code purchase}: value = property
 *       {@code revenue}, else {@code total}, else {@code value}; {@code currency}; {@code order_id}</td></tr>
 *   <tr><td>{@code Product Added}</td><td>event {@code add_to_cart}</td></tr>
 *   <tr><td>{@code Checkout Started}</td><td>event {@code checkout_started}</td></tr>
 *   <tr><td>{@code Signed Up}</td><td>event {@code sign_up}</td></tr>
 *   <tr><td>{@code Order Refunded}</td><td>an adjustment of the {@code purchase} with that
 *       {@code properties.order_id} in the conversion ledger: with {@code properties.total} (else
 *       {@code revenue}) smaller than the purchase's current value, a {@code RESTATE} to the value less that
 *       amount; without an amount, or with all of it, a {@code RETRACT}; adjusted at the message's time (not
 *       stored as an event)</td></tr>
 *   <tr><td>{@code Order Cancelled}</td><td>a {@code RETRACT} of the {@code purchase} with that
 *       {@code properties.order_id}</td></tr>
 *   <tr><td>anything else</td><td>event named by {@link #snakeCase}: {@code Newsletter Subscribed} →
 *       {@code newsletter_subscribed}</td></tr>
 * </table>
 *
 * The spec's names are recognised by their snake_case form, so {@code order_completed} and
 * {@code OrderCompleted} are an order too. The name as sent travels with the hit too
 * ({@code CollectedHit.sentEventName}): a conversion action triggered by it ({@code "trigger":{"type":
 * "event","event":"Order Completed"}}) records the message before anything else; otherwise an event
 * whose Tracker name is the trigger event (by default the key) of an event-triggered action is also that
 * conversion (the collector's rule), so {@code Product Added} counts as the micro conversion
 * {@code add_to_cart} where the tenant has that action, and {@code Order Completed} as {@code purchase}.
 */
public final class TrackNames {

    /** The conversion action an {@code Order Completed} counts for. */
    public static final String PURCHASE = "purchase";

    private static final Map<String, String> EVENTS = Map.of(
            "product_added", "add_to_cart",
            "checkout_started", "checkout_started",
            "signed_up", "sign_up");

    private TrackNames() {
    }

    /** What one event name means for Tracker. */
    public sealed interface Meaning permits Conversion, Event, OrderChange {
    }

    /**
     * A change of the {@code purchase} recorded with the message's {@code order_id}: a refund
     * ({@code cancelled} false), or a cancellation.
     */
    public record OrderChange(boolean cancelled) implements Meaning {
    }

    /** A conversion of the action {@code actionKey}. */
    public record Conversion(String actionKey) implements Meaning {
    }

    /** A custom event named {@code name} (snake_case). */
    public record Event(String name) implements Meaning {
    }

    /**
     * The meaning of a {@code track} call's {@code event}.
     *
     * @return null when the name is null or has no letter or digit (the message is then rejected)
     */
    public static Meaning of(String segmentEvent) {
        String snake = snakeCase(segmentEvent);
        if (snake == null) {
            return null;
        }
        if (snake.equals("order_completed")) {
            return new Conversion(PURCHASE);
        }
        if (snake.equals("order_refunded")) {
            return new OrderChange(false);
        }
        if (snake.equals("order_cancelled") || snake.equals("order_canceled")) {
            return new OrderChange(true);
        }
        return new Event(EVENTS.getOrDefault(snake, snake));
    }

    /**
     * The name in snake_case: letters lower-cased (root locale), a new word at each run of characters
     * that are neither letters nor digits and where a lower-case letter or digit is followed by an
     * upper-case one, words joined by {@code _}. {@code "Video Playback Started"} →
     * {@code video_playback_started}, {@code "cartViewed"} → {@code cart_viewed}, {@code "add_to_cart"}
     * stays, {@code "Über-Größe"} → {@code über_größe}.
     *
     * @return null for null or a name without any letter or digit
     */
    public static String snakeCase(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(name.length() + 4);
        boolean pendingBreak = false;
        int previous = 0;
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isLetterOrDigit(c)) {
                pendingBreak = true;
                previous = 0;
                continue;
            }
            boolean camelBreak = Character.isUpperCase(c) && previous != 0
                    && (Character.isLowerCase(previous) || Character.isDigit(previous));
            if ((pendingBreak || camelBreak) && !out.isEmpty()) {
                out.append('_');
            }
            pendingBreak = false;
            out.append(new String(Character.toChars(c)).toLowerCase(Locale.ROOT));
            previous = c;
        }
        return out.isEmpty() ? null : out.toString();
    }
}
