package io.tracker.domain.attribution;

import io.tracker.domain.shared.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The stored result of attribution: the share of one conversion that one model gives to one
 * channel, campaign and source / medium, with the matching share of its value. Stored per conversion per model,
 * so that a report is a plain sum over the conversions in a date range.
 */
@Entity
@Table(name = "attribution_credit")
@IdClass(AttributionCredit.Key.class)
public class AttributionCredit extends TenantOwned {

    @Id
    @Column(name = "conversion_id")
    private long conversionId;

    @Id
    @Column(name = "model")
    private String model;

    @Id
    @Column(name = "channel")
    private String channel;

    @Id
    @Column(name = "campaign")
    private String campaign;

    /** "source / medium" of the credited touches ({@link SourceMedium}). */
    @Id
    @Column(name = "source_medium")
    private String sourceMedium;

    @Column(name = "action_id", nullable = false)
    private long actionId;

    @Column(name = "converted_at", nullable = false)
    private Instant convertedAt;

    /** Fraction of the conversion, in (0, 1]. */
    @Column(nullable = false)
    private double credit;

    /** {@code credit × value} of the conversion, in the conversion's currency. */
    @Column(nullable = false)
    private BigDecimal revenue;

    protected AttributionCredit() {
    }

    public long getConversionId() {
        return conversionId;
    }

    public String getModel() {
        return model;
    }

    public String getChannel() {
        return channel;
    }

    public String getCampaign() {
        return campaign;
    }

    public String getSourceMedium() {
        return sourceMedium;
    }

    public long getActionId() {
        return actionId;
    }

    public Instant getConvertedAt() {
        return convertedAt;
    }

    public double getCredit() {
        return credit;
    }

    public BigDecimal getRevenue() {
        return revenue;
    }

    /** Composite key (the tenant id is added by the multitenancy mapping). */
    public static class Key implements Serializable {
        private long conversionId;
        private String model;
        private String channel;
        private String campaign;
        private String sourceMedium;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && conversionId == k.conversionId && Objects.equals(model, k.model)
                    && Objects.equals(channel, k.channel) && Objects.equals(campaign, k.campaign)
                    && Objects.equals(sourceMedium, k.sourceMedium);
        }

        @Override
        public int hashCode() {
            return Objects.hash(conversionId, model, channel, campaign, sourceMedium);
        }
    }
}
