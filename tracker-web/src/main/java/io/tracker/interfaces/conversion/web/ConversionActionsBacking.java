package io.tracker.interfaces.conversion.web;

import io.tracker.application.attribution.AttributionLag;
import io.tracker.application.attribution.AttributionProgressService;
import io.tracker.application.conversion.ConversionActionService;
import io.tracker.application.conversion.ConversionActionService.ActionChange;
import io.tracker.domain.conversion.ActionSettings;
import io.tracker.domain.conversion.ActionStatus;
import io.tracker.domain.conversion.ActionTrigger;
import io.tracker.domain.conversion.ActionValue;
import io.tracker.domain.conversion.ConversionAction;
import io.tracker.domain.conversion.ConversionCategory;
import io.tracker.domain.conversion.CountingMode;
import io.tracker.domain.conversion.JourneyStart;
import io.tracker.domain.conversion.TriggerType;
import io.tracker.domain.conversion.UrlMatch;
import io.tracker.domain.conversion.UrlRule;
import io.tracker.domain.conversion.ValueSource;
import io.tracker.domain.shared.DomainException;
import io.tracker.interfaces.shared.web.Messages;
import io.tracker.interfaces.tenant.web.SignedInUser;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * Backs {@code /app/conversion-actions.xhtml} (analysts and agency admins): the selected client's
 * conversion actions with every setting (trigger, value, counting, windows, journey start, status),
 * creating and editing them, pausing and resuming, and deleting — only an action without conversions;
 * one with conversions is offered a pause instead, which records nothing new and keeps its history.
 * A change that re-attributes (counting, windows, journey start, status) shows "Re-attributing: N
 * visitors left", polled every two seconds until the tenant's attribution is up to date. The service
 * checks {@code EDIT_SETUP} and audits.
 */
@Named
@ViewScoped
public class ConversionActionsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ConversionActionService actions;

    @Inject
    private AttributionProgressService progress;

    @Inject
    private SignedInUser user;

    private String tenantId;
    private List<ActionRow> rows = List.of();

    private boolean creating = true;
    private String key;
    private String name;
    private ConversionCategory category = ConversionCategory.MACRO;
    private TriggerType triggerType = TriggerType.EVENT;
    private String triggerEvent;
    private UrlMatch urlMatch = UrlMatch.EQUALS;
    private String urlPattern;
    private Integer callMinSeconds = 60;
    private ValueSource valueSource = ValueSource.EVENT;
    private BigDecimal defaultValue = BigDecimal.ZERO;
    private String currency;
    private CountingMode counting = CountingMode.EVERY;
    private int lookbackDays = ActionSettings.DEFAULT_LOOKBACK;
    private int viewThroughDays = ActionSettings.DEFAULT_VIEW_THROUGH;
    private JourneyStart journeyStart = JourneyStart.LOOKBACK;
    private ActionStatus status = ActionStatus.ACTIVE;

    private String deleteKey;
    private long deleteConversions;

    private boolean watching;
    private long pendingVisitors;

    @PostConstruct
    public void init() {
        tenantId = user.getTenantId();
        load();
    }

    private void load() {
        rows = actions.list().stream().map(ActionRow::new).toList();
    }

    /** Empties the dialog for a new action. */
    public void startNew() {
        creating = true;
        key = null;
        fill(ActionSettings.basic("", ConversionCategory.MACRO, ActionValue.fromEvent(BigDecimal.ZERO), CountingMode.EVERY));
        name = null;
    }

    /** Fills the dialog with the action's settings. */
    public void startEdit(String actionKey) {
        ConversionAction a = actions.getByKey(actionKey);
        creating = false;
        key = a.getKey();
        fill(a.settings());
    }

    private void fill(ActionSettings s) {
        name = s.name();
        category = s.category();
        ActionTrigger t = s.trigger();
        triggerType = t.type();
        triggerEvent = t.event();
        urlMatch = t.url() == null ? UrlMatch.EQUALS : t.url().match();
        urlPattern = t.url() == null ? null : t.url().pattern();
        callMinSeconds = t.callMinSeconds() == null ? 60 : t.callMinSeconds();
        valueSource = s.value().source();
        defaultValue = s.value().defaultValue();
        currency = s.value().currency() == null ? null : s.value().currency().getCurrencyCode();
        counting = s.counting();
        lookbackDays = s.lookbackDays();
        viewThroughDays = s.viewThroughDays();
        journeyStart = s.journeyStart();
        status = s.status();
    }

    /** Creates or saves the action in the dialog. */
    public void save() {
        if (!user.confirmStill(tenantId)) {
            return;
        }
        try {
            String k = key == null ? "" : key.trim();
            ActionSettings settings = new ActionSettings(name == null || name.isBlank() ? k : name,
                    category, new ActionTrigger(triggerType, triggerEvent,
                    triggerType == TriggerType.URL ? UrlRule.of(urlMatch, urlPattern) : null, callMinSeconds),
                    new ActionValue(valueSource, defaultValue, ActionValue.currency(currency)), counting,
                    lookbackDays, viewThroughDays, journeyStart, status);
            if (creating) {
                ConversionAction a = actions.create(k, settings);
                Messages.info("Created the conversion action " + a.getKey() + ".");
            } else {
                ActionChange change = actions.update(k, settings);
                Messages.info("Saved the conversion action " + k + "."
                        + (change.visitorsMarked() > 0 ? " Re-attributing its " + change.visitorsMarked()
                        + " visitors in the background." : ""));
                watchIf(change.visitorsMarked());
            }
            load();
            PrimeFaces.current().ajax().update("messages", "progress-form:progress");
            PrimeFaces.current().executeScript("PF('actionDialog').hide();");
        } catch (DomainException | EJBException e) {
            Messages.error(Messages.domainCause(e).orElseThrow(() -> e).getMessage());
        }
    }

    /** Pauses an active action, resumes a paused one. */
    public void togglePause(String actionKey) {
        if (!user.confirmStill(tenantId)) {
            return;
        }
        try {
            ActionSettings s = actions.getByKey(actionKey).settings();
            boolean pausing = s.status() == ActionStatus.ACTIVE;
            ActionChange change = actions.update(actionKey, new ActionSettings(s.name(), s.category(), s.trigger(),
                    s.value(), s.counting(), s.lookbackDays(), s.viewThroughDays(), s.journeyStart(),
                    pausing ? ActionStatus.PAUSED : ActionStatus.ACTIVE));
            Messages.info((pausing ? "Paused " : "Resumed ") + actionKey + (pausing
                    ? ": it records nothing new; its conversions and credits stay." : ": it records conversions again."));
            watchIf(change.visitorsMarked());
            load();
        } catch (DomainException | EJBException e) {
            Messages.error(Messages.domainCause(e).orElseThrow(() -> e).getMessage());
        }
    }

    /** Opens the delete dialog, which says what deleting would do. */
    public void startDelete(String actionKey) {
        deleteKey = actionKey;
        deleteConversions = actions.conversionCount(actionKey);
    }

    public void delete() {
        if (!user.confirmStill(tenantId) || deleteKey == null) {
            return;
        }
        try {
            actions.delete(deleteKey);
            Messages.info("Deleted the conversion action " + deleteKey + ".");
            deleteKey = null;
            load();
        } catch (DomainException | EJBException e) {
            Messages.error(Messages.domainCause(e).orElseThrow(() -> e).getMessage());
        }
        PrimeFaces.current().executeScript("PF('deleteDialog').hide();");
    }

    /** Pauses the action the delete dialog is about (what it offers when the action has conversions). */
    public void pauseInstead() {
        if (deleteKey != null) {
            togglePause(deleteKey);
        }
        PrimeFaces.current().executeScript("PF('deleteDialog').hide();");
    }

    private void watchIf(int visitorsMarked) {
        if (visitorsMarked > 0) {
            watching = true;
            refreshProgress();
            if (watching) {
                PrimeFaces.current().executeScript("PF('progressPoll').start();");
            }
            PrimeFaces.current().ajax().update("progress-form:progress");
        }
    }

    /** The poll: how many of the tenant's visitors wait for re-attribution; stops watching at zero. */
    public void refreshProgress() {
        AttributionLag lag = progress.current();
        pendingVisitors = lag.pending();
        if (lag.upToDate()) {
            watching = false;
        }
    }

    public boolean isWatching() {
        return watching;
    }

    public long getPendingVisitors() {
        return pendingVisitors;
    }

    public boolean isCreating() {
        return creating;
    }

    public String getDeleteKey() {
        return deleteKey;
    }

    public long getDeleteConversions() {
        return deleteConversions;
    }

    public List<ConversionCategory> getCategories() {
        return List.of(ConversionCategory.values());
    }

    public List<CountingMode> getCountingModes() {
        return List.of(CountingMode.values());
    }

    public List<TriggerType> getTriggerTypes() {
        return List.of(TriggerType.values());
    }

    public List<UrlMatch> getUrlMatches() {
        return List.of(UrlMatch.values());
    }

    public List<ValueSource> getValueSources() {
        return List.of(ValueSource.values());
    }

    public List<JourneyStart> getJourneyStarts() {
        return List.of(JourneyStart.values());
    }

    /** "Macro" or "Micro". */
    public String categoryLabel(ConversionCategory c) {
        return c == ConversionCategory.MACRO ? "Macro" : "Micro";
    }

    public String countingLabel(CountingMode m) {
        return m == CountingMode.EVERY ? "Every conversion" : "One per journey";
    }

    public String triggerLabel(TriggerType t) {
        return switch (t) {
            case EVENT -> "Event";
            case URL -> "Page URL";
            case CALL -> "Phone call";
            case OFFLINE -> "Offline import";
        };
    }

    public String urlMatchLabel(UrlMatch m) {
        return switch (m) {
            case EQUALS -> "equals";
            case STARTS_WITH -> "starts with";
            case REGEX -> "matches regex";
        };
    }

    public String valueSourceLabel(ValueSource v) {
        return v == ValueSource.EVENT ? "From the event (else default)" : "Always the default";
    }

    public String journeyStartLabel(JourneyStart j) {
        return j == JourneyStart.LOOKBACK ? "Whole lookback window" : "After the previous conversion";
    }

    public List<ActionRow> getRows() {
        return rows;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public ConversionCategory getCategory() {
        return category;
    }

    public void setCategory(ConversionCategory category) {
        this.category = category;
    }

    public TriggerType getTriggerType() {
        return triggerType;
    }

    public void setTriggerType(TriggerType triggerType) {
        this.triggerType = triggerType;
    }

    public String getTriggerEvent() {
        return triggerEvent;
    }

    public void setTriggerEvent(String triggerEvent) {
        this.triggerEvent = triggerEvent;
    }

    public UrlMatch getUrlMatch() {
        return urlMatch;
    }

    public void setUrlMatch(UrlMatch urlMatch) {
        this.urlMatch = urlMatch;
    }

    public String getUrlPattern() {
        return urlPattern;
    }

    public void setUrlPattern(String urlPattern) {
        this.urlPattern = urlPattern;
    }

    public Integer getCallMinSeconds() {
        return callMinSeconds;
    }

    public void setCallMinSeconds(Integer callMinSeconds) {
        this.callMinSeconds = callMinSeconds;
    }

    public ValueSource getValueSource() {
        return valueSource;
    }

    public void setValueSource(ValueSource valueSource) {
        this.valueSource = valueSource;
    }

    /** In the action's currency, else the client's. */
    public BigDecimal getDefaultValue() {
        return defaultValue;
    }

    public void setDefaultValue(BigDecimal defaultValue) {
        this.defaultValue = defaultValue;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public CountingMode getCounting() {
        return counting;
    }

    public void setCounting(CountingMode counting) {
        this.counting = counting;
    }

    public int getLookbackDays() {
        return lookbackDays;
    }

    public void setLookbackDays(int lookbackDays) {
        this.lookbackDays = lookbackDays;
    }

    public int getViewThroughDays() {
        return viewThroughDays;
    }

    public void setViewThroughDays(int viewThroughDays) {
        this.viewThroughDays = viewThroughDays;
    }

    public JourneyStart getJourneyStart() {
        return journeyStart;
    }

    public void setJourneyStart(JourneyStart journeyStart) {
        this.journeyStart = journeyStart;
    }

    public ActionStatus getStatus() {
        return status;
    }

    public void setStatus(ActionStatus status) {
        this.status = status;
    }

    /** One conversion action as the table shows it. */
    public static final class ActionRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String key;
        private final String name;
        private final ConversionCategory category;
        private final String trigger;
        private final BigDecimal defaultValue;
        private final String valueSource;
        private final String currency;
        private final CountingMode counting;
        private final int lookbackDays;
        private final int viewThroughDays;
        private final boolean paused;

        ActionRow(ConversionAction a) {
            ActionTrigger t = a.trigger();
            this.key = a.getKey();
            this.name = a.getName();
            this.category = a.getCategory();
            this.trigger = switch (t.type()) {
                case EVENT -> "Event " + t.eventName(a.getKey());
                case URL -> "URL " + t.url().match().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + " " + t.url().pattern();
                case CALL -> "Call ≥ " + t.callMinSeconds() + " s (with call tracking)";
                case OFFLINE -> "Offline import";
            };
            this.defaultValue = a.getDefaultValue();
            this.valueSource = a.value().source() == ValueSource.FIXED ? "fixed" : "from event";
            this.currency = a.value().currency() == null ? null : a.value().currency().getCurrencyCode();
            this.counting = a.getCounting();
            this.lookbackDays = a.getLookbackDays();
            this.viewThroughDays = a.getViewThroughDays();
            this.paused = a.getStatus() == ActionStatus.PAUSED;
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

        public String getTrigger() {
            return trigger;
        }

        public BigDecimal getDefaultValue() {
            return defaultValue;
        }

        public String getValueSource() {
            return valueSource;
        }

        public String getCurrency() {
            return currency;
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

        public boolean isPaused() {
            return paused;
        }
    }
}
