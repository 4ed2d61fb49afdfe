package io.tracker.domain.conversion;

import io.tracker.domain.shared.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A kind of valuable action the tenant tracks, identified in events by its {@code key}
 * (for example {@code purchase}). The default value (in the tenant's currency) applies to
 * conversions that arrive without a value.
 */
@Entity
@Table(name = "conversion_action")
public class ConversionAction extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "action_key", nullable = false)
    private String key;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ConversionCategory category;

    @Column(name = "default_value", nullable = false)
    private BigDecimal defaultValue;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CountingMode counting;

    protected ConversionAction() {
    }

    public ConversionAction(String key, String name, ConversionCategory category, BigDecimal defaultValue,
                            CountingMode counting) {
        this.key = Objects.requireNonNull(key);
        this.name = Objects.requireNonNull(name);
        this.category = Objects.requireNonNull(category);
        this.defaultValue = Objects.requireNonNull(defaultValue);
        this.counting = Objects.requireNonNull(counting);
    }

    public Long getId() {
        return id;
    }

    public String getKey() {
        return key;
    }

    public String getName() {
        return name;
    }

    public ConversionCategory getCategory() {
        return category;
    }

    public BigDecimal getDefaultValue() {
        return defaultValue;
    }

    public CountingMode getCounting() {
        return counting;
    }

    /** The rule ingestion applies to this action's conversions. */
    public CountingRule countingRule() {
        return new CountingRule(id, key, defaultValue, counting);
    }
}
