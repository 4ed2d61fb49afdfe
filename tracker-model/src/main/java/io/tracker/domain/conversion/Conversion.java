package io.tracker.domain.conversion;

import io.tracker.domain.shared.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One counted conversion of a visitor. Written by the ingestion path in batches; duplicates
 * (a repeated event id, a repeated order id of the same action, a second conversion of a
 * count-one action) never reach this table.
 */
@Entity
@Table(name = "conversion")
public class Conversion extends TenantOwned {

    @Id
    private Long id;

    @Column(name = "event_id", nullable = false)
    private String eventId;

    @Column(name = "visitor_id", nullable = false)
    private String visitorId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "action_id", nullable = false)
    private Long actionId;

    @Column(nullable = false)
    private BigDecimal value;

    @Column(nullable = false)
    private String currency;

    @Column(name = "order_id")
    private String orderId;

    protected Conversion() {
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

    public Long getActionId() {
        return actionId;
    }

    public BigDecimal getValue() {
        return value;
    }

    public String getCurrency() {
        return currency;
    }

    public String getOrderId() {
        return orderId;
    }
}
