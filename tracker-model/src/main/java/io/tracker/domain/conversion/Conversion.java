package io.tracker.domain.conversion;

import io.tracker.domain.shared.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One conversion of a visitor. Written by the ingestion path in batches; duplicates (a repeated
 * event id, a repeated order id of the same action) never reach this table. A conversion of a
 * counting-"one" action that repeats an earlier one of the same journey is kept with
 * {@code counted = false} (set by attribution): it is neither counted in reports nor credited.
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

    @Column(nullable = false)
    private boolean counted = true;

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

    /** False when attribution found it repeating an earlier conversion of a counting-"one" action's journey. */
    public boolean isCounted() {
        return counted;
    }
}
