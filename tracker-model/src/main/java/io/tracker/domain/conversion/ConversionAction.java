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
import java.util.Currency;
import java.util.Objects;

/**
 * A kind of valuable action the tenant tracks, as Google Ads defines conversion actions: identified by
 * its {@code key} (for example {@code purchase}), with its {@link ActionSettings} (category, trigger,
 * value and currency, counting, lookback and view-through windows, journey start, status). The key never
 * changes; the settings are replaced whole ({@link #apply}), already checked. Columns as migration V7
 * describes them.
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

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_type", nullable = false)
    private TriggerType triggerType = TriggerType.EVENT;

    @Column(name = "trigger_event")
    private String triggerEvent;

    @Enumerated(EnumType.STRING)
    @Column(name = "url_match")
    private UrlMatch urlMatch;

    @Column(name = "url_pattern")
    private String urlPattern;

    @Column(name = "call_min_seconds")
    private Integer callMinSeconds;

    @Enumerated(EnumType.STRING)
    @Column(name = "value_source", nullable = false)
    private ValueSource valueSource = ValueSource.EVENT;

    @Column(name = "currency")
    private String currency;

    @Column(name = "lookback_days", nullable = false)
    private int lookbackDays = ActionSettings.DEFAULT_LOOKBACK;

    @Column(name = "view_through_days", nullable = false)
    private int viewThroughDays = ActionSettings.DEFAULT_VIEW_THROUGH;

    @Enumerated(EnumType.STRING)
    @Column(name = "journey_start", nullable = false)
    private JourneyStart journeyStart = JourneyStart.LOOKBACK;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ActionStatus status = ActionStatus.ACTIVE;

    protected ConversionAction() {
    }

    /** An action with the original settings only (event trigger by key, default windows, active). */
    public ConversionAction(String key, String name, ConversionCategory category, BigDecimal defaultValue,
                            CountingMode counting) {
        this(key, ActionSettings.basic(name, category, ActionValue.fromEvent(defaultValue), counting));
    }

    public ConversionAction(String key, ActionSettings settings) {
        this.key = Objects.requireNonNull(key);
        apply(settings);
    }

    /** Replaces every setting (the key stays). */
    public final void apply(ActionSettings s) {
        name = s.name();
        category = s.category();
        counting = s.counting();
        ActionTrigger t = s.trigger();
        triggerType = t.type();
        triggerEvent = t.event();
        urlMatch = t.url() == null ? null : t.url().match();
        urlPattern = t.url() == null ? null : t.url().pattern();
        callMinSeconds = t.callMinSeconds();
        valueSource = s.value().source();
        defaultValue = s.value().defaultValue();
        currency = s.value().currency() == null ? null : s.value().currency().getCurrencyCode();
        lookbackDays = s.lookbackDays();
        viewThroughDays = s.viewThroughDays();
        journeyStart = s.journeyStart();
        status = s.status();
    }

    /** The current settings, as a value. */
    public ActionSettings settings() {
        return new ActionSettings(name, category, trigger(), value(), counting, lookbackDays, viewThroughDays,
                journeyStart, status);
    }

    public ActionTrigger trigger() {
        return new ActionTrigger(triggerType, triggerEvent,
                triggerType == TriggerType.URL ? UrlRule.of(urlMatch, urlPattern) : null, callMinSeconds);
    }

    public ActionValue value() {
        return new ActionValue(valueSource, defaultValue, currency == null ? null : Currency.getInstance(currency.trim()));
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

    public int getLookbackDays() {
        return lookbackDays;
    }

    public int getViewThroughDays() {
        return viewThroughDays;
    }

    public JourneyStart getJourneyStart() {
        return journeyStart;
    }

    public ActionStatus getStatus() {
        return status;
    }

    /** The rule ingestion applies to this action's conversions. */
    public CountingRule countingRule() {
        ActionValue v = value();
        return new CountingRule(id, key, defaultValue, counting, status, trigger(), v.source(), v.currency());
    }
}
