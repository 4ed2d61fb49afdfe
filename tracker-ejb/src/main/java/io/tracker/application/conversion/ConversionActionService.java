package io.tracker.application.conversion;

import io.tracker.application.tenant.AuditLog;
import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.application.tenant.TenantService;
import io.tracker.application.tracking.collection.Collector;
import io.tracker.domain.conversion.ActionSettings;
import io.tracker.domain.conversion.ActionStatus;
import io.tracker.domain.conversion.ActionTrigger;
import io.tracker.domain.conversion.ActionValue;
import io.tracker.domain.conversion.ConversionAction;
import io.tracker.domain.conversion.ConversionCategory;
import io.tracker.domain.conversion.CountingMode;
import io.tracker.domain.conversion.CountingRule;
import io.tracker.domain.conversion.JourneyStart;
import io.tracker.domain.conversion.TriggerType;
import io.tracker.domain.conversion.ValueSource;
import io.tracker.domain.shared.ConflictException;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.NotFoundException;
import io.tracker.domain.shared.Text;
import io.tracker.domain.tenant.Permission;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The current tenant's conversion actions: create, change, pause, delete.
 *
 * <ul>
 *   <li>keys are 1 to 64 of {@code a-z 0-9 _ -} and never change; two actions may not share a key (409);</li>
 *   <li>two event-triggered actions may not listen to the same event name (409), so one event records at
 *       most one conversion and which one is never a matter of order;</li>
 *   <li>a change of counting, a window, the journey start or the status marks every visitor with a
 *       conversion of the action in {@code attribution_pending} (one {@code insert … select} in the
 *       change's transaction); the attribution worker re-attributes them in the background, never in the
 *       request. Progress: {@code AttributionProgressService};</li>
 *   <li>a change of category re-marks the first macro conversion of each visit of the action's
 *       visitors in the change's transaction (the summary's converted visits);</li>
 *   <li>an action with conversions cannot be deleted (409: pause it instead, which keeps its history);
 *       nor can the tenant's default action. Deleting an action without conversions changes no
 *       attribution;</li>
 *   <li>every change is audited and drops this server's cached collection rules before and after its
 *       commit (other servers read them again within seconds).</li>
 * </ul>
 */
@Stateless
public class ConversionActionService {

    /** What an action key looks like, as events and the API send it. */
    public static final String KEY_PATTERN = "[a-z0-9_\\-]{1,64}";

    @PersistenceContext(unitName = "tracker")
    private EntityManager em;

    @EJB
    private AuditLog audit;

    @EJB
    private TenantService tenants;

    @Inject
    private CurrentTenant currentTenant;

    @Inject
    private Collector collector;

    @Inject
    private TenantConnections connections;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** What a change did: the action as saved and how many visitors now wait for re-attribution because of it. */
    public record ActionChange(ConversionAction action, int visitorsMarked) {
    }

    /** An action with the original settings (event trigger by key, 30 / 1 day windows, active). */
    @RequiresPermission(Permission.EDIT_SETUP)
    public ConversionAction create(String key, String name, ConversionCategory category, BigDecimal defaultValue,
                                   CountingMode counting) {
        return create(key, ActionSettings.basic(name, category, ActionValue.fromEvent(defaultValue), counting));
    }

    /**
     * A new action.
     *
     * @throws InvalidInputException a malformed key
     * @throws ConflictException     the key exists, or another event action listens to the same event name
     */
    @RequiresPermission(Permission.EDIT_SETUP)
    public ConversionAction create(String key, ActionSettings settings) {
        checkKey(key);
        if (findByKey(key).isPresent()) {
            throw new ConflictException("conversion action '" + key + "' already exists");
        }
        ConversionAction action = new ConversionAction(key, settings);
        checkEventUnique(action);
        em.persist(action);
        em.flush();
        audit.record("conversion-action.created", key, describe(settings));
        rulesChanged();
        return action;
    }

    /**
     * Replaces the settings of the action with this key; re-attribution as the class says.
     *
     * @throws NotFoundException no such action in the current tenant
     * @throws ConflictException another event action listens to the same event name
     */
    @RequiresPermission(Permission.EDIT_SETUP)
    public ActionChange update(String key, ActionSettings settings) {
        ConversionAction action = getByKey(key);
        ActionSettings before = action.settings();
        action.apply(settings);
        checkEventUnique(action);
        em.flush();
        int marked = before.changesAttribution(settings) ? markConversionVisitors(action.getId()) : 0;
        if (before.category() != settings.category()) {
            markFirstOfVisits(action.getId());
        }
        audit.record("conversion-action.updated", key, describe(settings)
                + (marked > 0 ? "; " + marked + " visitors queued for re-attribution" : ""));
        rulesChanged();
        return new ActionChange(action, marked);
    }

    /**
     * Deletes an action that has no conversions.
     *
     * @throws NotFoundException no such action
     * @throws ConflictException it has conversions (pause it instead: that keeps its history), or it is the
     *                           tenant's default action
     */
    @RequiresPermission(Permission.EDIT_SETUP)
    public void delete(String key) {
        ConversionAction action = getByKey(key);
        long conversions = conversionCount(action);
        if (conversions > 0) {
            throw new ConflictException("conversion action '" + key + "' has " + conversions + (conversions == 1
                    ? " conversion" : " conversions") + "; deleting it would erase that history and its credits: "
                    + "pause it instead (status paused), which records nothing new and keeps the history");
        }
        if (key.equals(tenants.current().getDefaultActionKey())) {
            throw new ConflictException("conversion action '" + key + "' is the tenant's default action "
                    + "(conversions without an action count for it) and cannot be deleted");
        }
        em.remove(action);
        em.flush();
        audit.record("conversion-action.deleted", key, "had no conversions");
        rulesChanged();
    }

    /** Reading the actions is part of reporting, ingesting and editing the set-up alike. */
    @RequiresPermission({Permission.READ_REPORTS, Permission.INGEST, Permission.EDIT_SETUP})
    public Optional<ConversionAction> findByKey(String key) {
        return em.createQuery("select a from ConversionAction a where a.key = :key", ConversionAction.class)
                .setParameter("key", key).getResultStream().findFirst();
    }

    /** @throws NotFoundException no action with this key in the current tenant */
    @RequiresPermission({Permission.READ_REPORTS, Permission.INGEST, Permission.EDIT_SETUP})
    public ConversionAction getByKey(String key) {
        return findByKey(key).orElseThrow(() -> new NotFoundException("no conversion action " + Text.echo(key)));
    }

    @RequiresPermission({Permission.READ_REPORTS, Permission.INGEST, Permission.EDIT_SETUP})
    public List<ConversionAction> list() {
        return em.createQuery("select a from ConversionAction a order by a.key", ConversionAction.class)
                .getResultList();
    }

    /**
     * The actions a report covers: the one with this key, or, for a null or blank key, the tenant's macro actions
     * (possibly none), as every report reads conversions unless told otherwise.
     *
     * @throws InvalidInputException for a key no action of the tenant has
     */
    @RequiresPermission(Permission.READ_REPORTS)
    public List<ConversionAction> reported(String actionKey) {
        if (actionKey != null && !actionKey.isBlank()) {
            return List.of(findByKey(actionKey.trim())
                    .orElseThrow(() -> new InvalidInputException("unknown conversion action '" + actionKey + "'")));
        }
        return list().stream().filter(a -> a.getCategory() == ConversionCategory.MACRO).toList();
    }

    /** How many conversions the action with this key has recorded (what deleting it would erase). */
    @RequiresPermission({Permission.READ_REPORTS, Permission.EDIT_SETUP})
    public long conversionCount(String key) {
        return conversionCount(getByKey(key));
    }

    /** The counting rules of all of the tenant's actions, by action key. */
    @RequiresPermission({Permission.READ_REPORTS, Permission.INGEST, Permission.EDIT_SETUP})
    public Map<String, CountingRule> countingRules() {
        return list().stream().map(ConversionAction::countingRule)
                .collect(Collectors.toMap(CountingRule::key, Function.identity()));
    }

    private long conversionCount(ConversionAction action) {
        return em.createQuery("select count(c) from Conversion c where c.actionId = :id", Long.class)
                .setParameter("id", action.getId()).getSingleResult();
    }

    /** One statement, in visitor order like {@code PendingAttribution.mark}, so concurrent marks cannot deadlock. */
    private int markConversionVisitors(long actionId) {
        try (Connection c = connections.forCurrentTenant();
             PreparedStatement ps = c.prepareStatement("insert into attribution_pending (tenant_id, visitor_id) "
                     + "select distinct tenant_id, visitor_id from conversion where tenant_id = ? and action_id = ? "
                     + "order by visitor_id on conflict do nothing")) {
            ps.setString(1, currentTenant.require());
            ps.setLong(2, actionId);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("queueing the action's visitors for re-attribution failed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * A category change moves the first macro conversion of the visits of the action's conversions (the
     * summary's converted visits, V16): marked again in this transaction, for every visitor with a
     * conversion of the action, so the summary is right from the commit on.
     */
    private void markFirstOfVisits(long actionId) {
        try (Connection c = connections.forCurrentTenant();
             PreparedStatement ps = c.prepareStatement("select conversion_first_of_visit_mark(?, array(select "
                     + "distinct visitor_id from conversion where tenant_id = ? and action_id = ?))")) {
            ps.setString(1, currentTenant.require());
            ps.setString(2, currentTenant.require());
            ps.setLong(3, actionId);
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("marking the first conversions of visits failed: " + e.getMessage(), e);
        }
    }

    private static void checkKey(String key) {
        if (key == null || !key.matches(KEY_PATTERN)) {
            throw new InvalidInputException("key must be 1 to 64 of a-z, 0-9, '_' or '-', such as 'purchase', not "
                    + Text.echo(key));
        }
    }

    private void checkEventUnique(ConversionAction action) {
        String event = action.trigger().eventName(action.getKey());
        if (event == null) {
            return;
        }
        for (ConversionAction other : list()) {
            if (!other.getKey().equals(action.getKey()) && other.trigger().type() == TriggerType.EVENT
                    && event.equals(other.trigger().eventName(other.getKey()))) {
                throw new ConflictException("trigger.event: the conversion action '" + other.getKey()
                        + "' already records events named " + Text.echo(event));
            }
        }
    }

    private void rulesChanged() {
        String tenantId = currentTenant.require();
        collector.forgetRules(tenantId);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing before the commit
            }

            @Override
            public void afterCompletion(int status) {
                collector.forgetRules(tenantId);
            }
        });
    }

    /**
     * The audit's details: category, counting and default value as always ("macro, counting every, default
     * value 0"), then each setting that differs from the defaults.
     */
    private static String describe(ActionSettings s) {
        StringBuilder d = new StringBuilder(lower(s.category())).append(", counting ").append(lower(s.counting()))
                .append(", default value ").append(s.value().defaultValue().stripTrailingZeros().toPlainString());
        ActionTrigger t = s.trigger();
        if (t.type() != TriggerType.EVENT || t.event() != null) {
            d.append(", trigger ").append(lower(t.type()));
            if (t.event() != null) {
                d.append(' ').append(t.event());
            } else if (t.url() != null) {
                d.append(' ').append(lower(t.url().match())).append(' ').append(t.url().pattern());
            } else if (t.callMinSeconds() != null) {
                d.append(" at least ").append(t.callMinSeconds()).append(" s");
            }
        }
        if (s.value().source() != ValueSource.EVENT) {
            d.append(", value ").append(lower(s.value().source()));
        }
        if (s.value().currency() != null) {
            d.append(", currency ").append(s.value().currency().getCurrencyCode());
        }
        if (s.lookbackDays() != ActionSettings.DEFAULT_LOOKBACK) {
            d.append(", lookback ").append(s.lookbackDays()).append(" d");
        }
        if (s.viewThroughDays() != ActionSettings.DEFAULT_VIEW_THROUGH) {
            d.append(", view-through ").append(s.viewThroughDays()).append(" d");
        }
        if (s.journeyStart() != JourneyStart.LOOKBACK) {
            d.append(", journey start ").append(lower(s.journeyStart()));
        }
        if (s.status() != ActionStatus.ACTIVE) {
            d.append(", ").append(lower(s.status()));
        }
        return d.toString();
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
