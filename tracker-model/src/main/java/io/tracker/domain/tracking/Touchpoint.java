package io.tracker.domain.tracking;

import io.tracker.domain.shared.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One marketing touch of one visitor: an ad click, a campaign visit, an SMS link, an organic
 * visit. Written by the ingestion path in batches (never one by one through JPA), read here.
 * The channel is already resolved at ingestion (explicit, or by the default channel grouping).
 * Times are instants (UTC). A cookieless touchpoint (no consent where the site requires it) has no
 * visitor id and no session id: it counts as a visit but is never attributed.
 */
@Entity
@Table(name = "touchpoint")
public class Touchpoint extends TenantOwned {

    @Id
    private Long id;

    @Column(name = "event_id")
    private String eventId;

    @Column(name = "visitor_id")
    private String visitorId;

    @Column(name = "session_id")
    private String sessionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "way_in")
    private WayIn wayIn;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private String channel;

    private String campaign;

    @Column(name = "utm_source")
    private String utmSource;

    @Column(name = "utm_medium")
    private String utmMedium;

    private String gclid;
    private String gbraid;
    private String wbraid;
    private String fbclid;
    private String msclkid;
    private String ttclid;

    @Column(name = "li_fat_id")
    private String liFatId;

    private String trk;

    protected Touchpoint() {
    }

    public Long getId() {
        return id;
    }

    public String getEventId() {
        return eventId;
    }

    /** Null for a cookieless touchpoint. */
    public String getVisitorId() {
        return visitorId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getChannel() {
        return channel;
    }

    public String getCampaign() {
        return campaign;
    }

    public String getUtmSource() {
        return utmSource;
    }

    public String getUtmMedium() {
        return utmMedium;
    }

    public String getGclid() {
        return gclid;
    }

    public String getFbclid() {
        return fbclid;
    }

    public String getMsclkid() {
        return msclkid;
    }

    /** Null for a cookieless touchpoint. */
    public String getSessionId() {
        return sessionId;
    }

    /** Null for touchpoints stored before collection had ways in (the events API, imports). */
    public WayIn getWayIn() {
        return wayIn;
    }

    /** Every click id of the visit, each as sent. */
    public ClickIds getClickIds() {
        return new ClickIds(gclid, gbraid, wbraid, fbclid, msclkid, ttclid, liFatId, trk);
    }
}
