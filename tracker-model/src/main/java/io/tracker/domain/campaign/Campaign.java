package io.tracker.domain.campaign;

import io.tracker.domain.shared.Clock;
import io.tracker.domain.shared.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A marketing campaign as the tenant names it. Touchpoints refer to a campaign by name
 * ({@code campaign} or {@code utm_campaign} of an event), so a campaign's traffic is reported
 * even before the campaign is registered here; registering it adds its channel and UTM values.
 */
@Entity
@Table(name = "campaign")
public class Campaign extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String channel;

    @Column(name = "utm_source")
    private String utmSource;

    @Column(name = "utm_medium")
    private String utmMedium;

    @Column(name = "utm_campaign")
    private String utmCampaign;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Campaign() {
    }

    public Campaign(String name, String channel, String utmSource, String utmMedium, String utmCampaign) {
        this.name = Objects.requireNonNull(name);
        this.channel = Objects.requireNonNull(channel);
        this.utmSource = utmSource;
        this.utmMedium = utmMedium;
        this.utmCampaign = utmCampaign;
        this.createdAt = Clock.now();
    }

    /** New channel and UTM values; the name is the campaign's identity in events and stays. */
    public void change(String channel, String utmSource, String utmMedium, String utmCampaign) {
        this.channel = Objects.requireNonNull(channel);
        this.utmSource = utmSource;
        this.utmMedium = utmMedium;
        this.utmCampaign = utmCampaign;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getChannel() {
        return channel;
    }

    public String getUtmSource() {
        return utmSource;
    }

    public String getUtmMedium() {
        return utmMedium;
    }

    public String getUtmCampaign() {
        return utmCampaign;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
