package io.tracker.domain.tracking;

import io.tracker.domain.shared.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One marketing touch of one visitor: an ad click, a campaign visit, an SMS link, an organic
 * visit. Written by the ingestion path in batches (never one by one through JPA), read here.
 * The channel is already resolved at ingestion (explicit, or by the default channel grouping).
 * Times are instants (UTC).
 */
@Entity
@Table(name = "touchpoint")
public class Touchpoint extends TenantOwned {

    @Id
    private Long id;

    @Column(name = "event_id", nullable = false)
    private String eventId;

    @Column(name = "visitor_id", nullable = false)
    private String visitorId;

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
    private String fbclid;
    private String msclkid;

    protected Touchpoint() {
    }

    public Long getId() {
        return id;
    }

    public String getEventId() {
        return eventId;
    }

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
}
