package io.tracker.application.tracking.collection;

import io.tracker.application.tracking.TrackedConversion;
import io.tracker.application.tracking.TrackedEvent;
import io.tracker.application.tracking.TrackedTouchpoint;
import io.tracker.domain.conversion.CountingRule;
import io.tracker.domain.tracking.ClickIds;
import io.tracker.domain.tracking.Interaction;
import io.tracker.domain.tracking.Utm;
import io.tracker.domain.tracking.WayIn;
import java.util.List;

/**
 * Turns the events API's already validated items ({@link TrackedEvent}, checked by
 * {@code EventValidator}) into the rows the group commit writes, without validating again, so that
 * the events API keeps its own rules and messages:
 *
 * <ul>
 *   <li>a touchpoint is a touchpoint row as the events API has always stored it: its channel and
 *       campaign as resolved (an explicit {@code channel}/{@code campaign} wins), the click ids it
 *       knows ({@code gclid}, {@code fbclid}, {@code msclkid}), its interaction (a click, or an ad
 *       impression), no session;</li>
 *   <li>a conversion is a conversion row with its dedupe key; when it has an order id it also claims
 *       (action key, order id), so the tag's or the pixel's report of the same order within 48 hours is
 *       the same event (a browser and a server both reporting one purchase count it once); a checkout's
 *       cart details ({@link CheckoutReading}) go to {@code recovery_checkout} and link the visitor to the
 *       shopper's phone ({@code tel:<hash>});</li>
 * </ul>
 * Both carry {@link WayIn#API}, and their visitors are marked for attribution in the same transaction.
 */
final class ApiEvents {

    private ApiEvents() {
    }

    static Prepared prepare(TrackedEvent event, TenantRules rules) {
        return Prepared.valid(event instanceof TrackedTouchpoint t
                ? touchpoint(t) : conversion((TrackedConversion) event, rules));
    }

    private static ValidHit touchpoint(TrackedTouchpoint t) {
        Utm utm = new Utm(t.utmSource(), t.utmMedium(), t.utmCampaign(), t.utmTerm(), t.utmContent());
        ClickIds clickIds = new ClickIds(t.gclid(), t.gbraid(), t.wbraid(), t.fbclid(), t.msclkid(), null, null, null);
        return new ValidHit(WayIn.API, HitType.PAGE_VIEW, t.eventId(), t.occurredAt(), t.visitorId(), null, true,
                t.channel(), t.campaign(), utm, clickIds, t.url(), t.referrer(), null, null, null, null, null, null,
                null, List.of(), null, null, null, t.interaction());
    }

    private static ValidHit conversion(TrackedConversion c, TenantRules rules) {
        String orderName = c.orderId() == null ? null : actionKey(c.actionId(), rules);
        RecoveryCheckout checkout = null;
        String note = null;
        List<String> personKeys = List.of();
        if (c.checkout() != null && c.checkout().any() && c.visitorId() != null) {
            CheckoutReading reading = CheckoutReading.read(c.checkout(), rules.phoneRegion());
            checkout = reading.checkout();
            note = reading.problem();
            if (c.visitorId() != null && checkout.phoneHash() != null) {
                personKeys = List.of("tel:" + checkout.phoneHash());
            }
        }
        return new ValidHit(WayIn.API, HitType.CONVERSION, c.eventId(), c.occurredAt(), c.visitorId(), null, false,
                null, null, null, null, null, null, c.actionId(), c.value(), c.currency(), c.orderId(), c.dedupeKey(),
                null, null, personKeys, orderName, null, note, Interaction.CLICK, checkout);
    }

    private static String actionKey(long actionId, TenantRules rules) {
        for (CountingRule rule : rules.actions().values()) {
            if (rule.actionId() == actionId) {
                return rule.key();
            }
        }
        throw new IllegalArgumentException("conversion action " + actionId + " is not one of the tenant's");
    }
}
