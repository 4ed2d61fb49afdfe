package io.tracker.application.reporting;

import io.tracker.application.conversion.ConversionActionService;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.domain.tenant.Permission;
import io.tracker.domain.attribution.AttributionModel;
import io.tracker.domain.conversion.ConversionAction;
import io.tracker.domain.conversion.ConversionCategory;
import io.tracker.domain.shared.InvalidInputException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;

/**
 * Read side: reports as projections over the stored credits, through JPA so that tenant
 * isolation applies. Conversions are selected by their own time; unless an action is named,
 * reports cover the tenant's macro conversion actions.
 */
@Stateless
@RequiresPermission(Permission.READ_REPORTS)
public class ReportService {

    @PersistenceContext(unitName = "tracker")
    private EntityManager em;

    @EJB
    private ConversionActionService conversionActions;

    public AttributionReport attribution(AttributionModel model, ReportPeriod period, ReportDimension dimension,
                                         String actionKey) {
        List<Long> actions = actionIds(actionKey);
        List<Object[]> result = em.createQuery("select c." + dimension.field() + ", sum(c.credit), sum(c.revenue) "
                        + "from AttributionCredit c where c.model = :model and c.actionId in :actions "
                        + "and c.convertedAt >= :from and c.convertedAt < :to "
                        + "group by c." + dimension.field() + " order by sum(c.credit) desc, c." + dimension.field(),
                        Object[].class)
                .setParameter("model", model.apiName())
                .setParameter("actions", actions)
                .setParameter("from", period.start())
                .setParameter("to", period.end())
                .getResultList();
        List<AttributionRow> rows = result.stream()
                .map(r -> new AttributionRow((String) r[0], ((Number) r[1]).doubleValue(), money(r[2])))
                .toList();
        double conversions = rows.stream().mapToDouble(AttributionRow::conversions).sum();
        // The total is the rounded sum of the unrounded rows: three thirds of 25.00 are 8.33 each in
        // the rows but 25.00 together, not 24.99.
        double revenue = money(result.stream().map(r -> decimal(r[2])).reduce(BigDecimal.ZERO, BigDecimal::add));
        return new AttributionReport(model, period, dimension, rows, conversions, revenue);
    }

    public Kpis kpis(ReportPeriod period) {
        long touchpoints = em.createQuery("select count(t) from Touchpoint t "
                        + "where t.occurredAt >= :from and t.occurredAt < :to", Long.class)
                .setParameter("from", period.start()).setParameter("to", period.end()).getSingleResult();
        // Only counted conversions: a repeat that a counting-"one" action does not count is kept, not counted.
        Object[] conv = em.createQuery("select count(c), sum(c.value) from Conversion c where c.counted = true "
                        + "and c.actionId in :actions and c.occurredAt >= :from and c.occurredAt < :to", Object[].class)
                .setParameter("actions", actionIds(null))
                .setParameter("from", period.start()).setParameter("to", period.end()).getSingleResult();
        long conversions = ((Number) conv[0]).longValue();
        double rate = touchpoints == 0 ? 0 : (double) conversions / touchpoints;
        return new Kpis(touchpoints, conversions, rate, money(conv[1]));
    }

    private List<Long> actionIds(String actionKey) {
        if (actionKey != null && !actionKey.isBlank()) {
            return List.of(conversionActions.findByKey(actionKey.trim())
                    .orElseThrow(() -> new InvalidInputException("unknown conversion action '" + actionKey + "'"))
                    .getId());
        }
        List<Long> macro = conversionActions.list().stream()
                .filter(a -> a.getCategory() == ConversionCategory.MACRO).map(ConversionAction::getId).toList();
        return macro.isEmpty() ? List.of(-1L) : macro;
    }

    private static double money(Object sum) {
        return decimal(sum).setScale(2, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    private static BigDecimal decimal(Object sum) {
        if (sum == null) {
            return BigDecimal.ZERO;
        }
        return sum instanceof BigDecimal b ? b : new BigDecimal(sum.toString());
    }
}
