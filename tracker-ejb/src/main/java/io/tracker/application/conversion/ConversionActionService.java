package io.tracker.application.conversion;

import io.tracker.application.tenant.AuditLog;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.domain.conversion.ConversionAction;
import io.tracker.domain.tenant.Permission;
import io.tracker.domain.conversion.ConversionCategory;
import io.tracker.domain.conversion.CountingMode;
import io.tracker.domain.conversion.CountingRule;
import io.tracker.domain.shared.ConflictException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The current tenant's conversion actions. */
@Stateless
public class ConversionActionService {

    @PersistenceContext(unitName = "tracker")
    private EntityManager em;

    @EJB
    private AuditLog audit;

    @RequiresPermission(Permission.EDIT_SETUP)
    public ConversionAction create(String key, String name, ConversionCategory category, BigDecimal defaultValue,
                                   CountingMode counting) {
        if (findByKey(key).isPresent()) {
            throw new ConflictException("conversion action '" + key + "' already exists");
        }
        ConversionAction action = new ConversionAction(key, name, category, defaultValue, counting);
        em.persist(action);
        em.flush();
        audit.record("conversion-action.created", key, category.name().toLowerCase() + ", counting "
                + counting.name().toLowerCase() + ", default value " + defaultValue.toPlainString());
        return action;
    }

    /** Reading the actions is part of reporting, ingesting and editing the set-up alike. */
    @RequiresPermission({Permission.READ_REPORTS, Permission.INGEST, Permission.EDIT_SETUP})
    public Optional<ConversionAction> findByKey(String key) {
        return em.createQuery("select a from ConversionAction a where a.key = :key", ConversionAction.class)
                .setParameter("key", key).getResultStream().findFirst();
    }

    @RequiresPermission({Permission.READ_REPORTS, Permission.INGEST, Permission.EDIT_SETUP})
    public List<ConversionAction> list() {
        return em.createQuery("select a from ConversionAction a order by a.key", ConversionAction.class)
                .getResultList();
    }

    /** The counting rules of all of the tenant's actions, by action key. */
    @RequiresPermission({Permission.READ_REPORTS, Permission.INGEST, Permission.EDIT_SETUP})
    public Map<String, CountingRule> countingRules() {
        return list().stream().map(ConversionAction::countingRule)
                .collect(Collectors.toMap(CountingRule::key, Function.identity()));
    }
}
