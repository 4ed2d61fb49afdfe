package io.tracker.interfaces.tracking.collect;

import io.tracker.application.tracking.collection.CollectedHit;
import io.tracker.application.tracking.collection.HitType;
import io.tracker.domain.tracking.ClickIds;
import io.tracker.domain.tracking.QueryParameters;
import io.tracker.domain.tracking.Utm;
import java.util.Map;

/**
 * When a page view without the tag's session cookie starts a visit (a touchpoint): when it carries
 * campaign information, that is a non-empty UTM value or click id, sent on its own or in the query of its
 * {@code url}. The tag decides for hits with cookies itself ({@code ss}); a pixel and a cookieless tag
 * hit (no consent) cannot know a session, so their landing pages count as visits of their campaign
 * (without identifiers such a visit is counted, never attributed). Pure.
 */
public final class Landing {

    private Landing() {
    }

    /** Whether the hit names a campaign (UTM values, click ids, or either in its URL's query). */
    public static boolean hasCampaign(CollectedHit hit) {
        if (present(hit.utm()) || present(hit.clickIds())) {
            return true;
        }
        Map<String, String> query = QueryParameters.of(hit.url());
        return present(Utm.fromQuery(query)) || present(ClickIds.fromQuery(query));
    }

    /** The hit, starting a visit when it is a page view with campaign information. */
    public static CollectedHit startingVisit(CollectedHit hit) {
        if (hit.startsVisit() || hit.type() != HitType.PAGE_VIEW || !hasCampaign(hit)) {
            return hit;
        }
        return new CollectedHit(hit.wayIn(), hit.type(), hit.eventId(), hit.occurredAt(), hit.visitorId(),
                hit.sessionId(), true, hit.url(), hit.referrer(), hit.utm(), hit.clickIds(), hit.eventName(),
                hit.actionKey(), hit.value(), hit.currency(), hit.orderId(), hit.userId(), hit.emailSha256(),
                hit.propertiesJson(), hit.userAgent(), hit.prefetch(), hit.trackedLinkId(),
                hit.sentEventName(), hit.phone(), hit.checkout());
    }

    /** A tag hit: {@link #startingVisit} when it is cookieless (no visitor id), else unchanged. */
    public static CollectedHit cookieless(CollectedHit hit) {
        return hit.visitorId() == null ? startingVisit(hit) : hit;
    }

    private static boolean present(Utm u) {
        return u != null && (filled(u.source()) || filled(u.medium()) || filled(u.campaign()) || filled(u.term())
                || filled(u.content()));
    }

    private static boolean present(ClickIds c) {
        return c != null && (filled(c.gclid()) || filled(c.gbraid()) || filled(c.wbraid()) || filled(c.fbclid())
                || filled(c.msclkid()) || filled(c.ttclid()) || filled(c.liFatId()) || filled(c.trk()));
    }

    private static boolean filled(String s) {
        return s != null && !s.isBlank();
    }
}
