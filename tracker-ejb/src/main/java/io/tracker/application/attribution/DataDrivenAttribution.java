package io.tracker.application.attribution;

import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.PlatformJob;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.attribution.AttributionModel;
import io.tracker.domain.attribution.ChannelShares;
import io.tracker.domain.attribution.ConversionPoint;
import io.tracker.domain.attribution.Credit;
import io.tracker.domain.attribution.DataDrivenPaths;
import io.tracker.domain.attribution.Journey;
import io.tracker.domain.attribution.JourneyRules;
import io.tracker.domain.attribution.JourneyTouch;
import io.tracker.domain.attribution.MarkovModel;
import io.tracker.domain.attribution.PathCount;
import io.tracker.domain.attribution.RevenueSplit;
import io.tracker.domain.attribution.ShapleyModel;
import io.tracker.domain.tracking.Interaction;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * One data-driven run for the current tenant: fits {@link MarkovModel} and {@link ShapleyModel} per
 * conversion action on the tenant's journeys and stores every counted conversion's {@code markov} and
 * {@code shapley} credits ({@link AttributionModel#credits(List, ChannelShares)}), by channel, campaign
 * and source / medium as the rule-based credits are, replacing the previous run's, in one transaction
 * (reports see the old credits or the new ones, never a mix).
 *
 * <p>The run's period is the tenant's whole stored history when the run reads it (the actions' windows
 * bound each path). It goes through the tenant's persons (visitors joined by identify, {@link PersonGraph})
 * in chunks of {@value #VISITORS_PER_CHUNK} visitors, each person once:
 * <ul>
 *   <li>converting paths: the journeys the rule-based models credit, read by the same code
 *       ({@link PersonJourneys}: each action's lookback and view-through windows, journey start and
 *       counting), counted conversions only: a repeat that counting "one" does not count adds no path and
 *       gets no data-driven credit;</li>
 *   <li>non-converting paths: per action, the person's touches in none of its counted journeys of the
 *       action, cut into would-be journeys under the action's windows ({@link DataDrivenPaths}).</li>
 * </ul>
 * Cookieless touches (no visitor) belong to no person and are left out. A conversion without touches is
 * credited to Direct. Channels only, as the models are defined: a channel's share of a conversion is then
 * split evenly over that channel's touches, so campaigns and sources get their part.
 */
@Stateless
@PlatformJob("data-driven runs are carried out by the scheduler as Tracker itself, never in a request")
public class DataDrivenAttribution {

    private static final Logger LOG = Logger.getLogger(DataDrivenAttribution.class.getName());

    private static final List<AttributionModel> MODELS = List.of(AttributionModel.MARKOV, AttributionModel.SHAPLEY);
    /** Visitors read at once, as the attribution worker reads them: bounded arrays and reads per query. */
    private static final int VISITORS_PER_CHUNK = 5_000;
    /** Credits written per insert statement. */
    private static final int CHUNK = 10_000;

    private static final String VISITORS = "select visitor_id from touchpoint where tenant_id = ? and visitor_id is not null "
            + "union select visitor_id from conversion where tenant_id = ? and visitor_id is not null";
    private static final String CONVERSION_VISITORS = "select id, visitor_id from conversion "
            + "where tenant_id = ? and visitor_id = any(?::text[])";
    /** What a null path needs of a touch: its time, channel and kind (campaign and source do not make paths). */
    private static final String TOUCHES = "select visitor_id, id, occurred_at, channel, interaction from touchpoint "
            + "where tenant_id = ? and visitor_id = any(?::text[])";

    @Inject
    private TenantConnections connections;

    @Inject
    private CurrentTenant currentTenant;

    /** What a run found and how long fitting took. */
    record Outcome(int conversions, long convertingPaths, long nullPaths, int channels, long markovMillis,
                   long shapleyMillis, long upToConversion) {
    }

    /**
     * Carries out the run (which must be RUNNING), in a transaction of its own, and records its outcome
     * (SUCCEEDED with the figures). A failure rolls everything back and is thrown.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void run(long runId) {
        String tenantId = currentTenant.require();
        try (Connection c = connections.forCurrentTenant()) {
            Outcome outcome = attribute(c, tenantId);
            try (PreparedStatement ps = c.prepareStatement("update data_driven_run set status = 'SUCCEEDED', "
                    + "finished_at = clock_timestamp(), conversions = ?, converting_paths = ?, null_paths = ?, channels = ?, "
                    + "markov_millis = ?, shapley_millis = ?, up_to_conversion = ?, error = null "
                    + "where tenant_id = ? and id = ?")) {
                ps.setInt(1, outcome.conversions());
                ps.setLong(2, outcome.convertingPaths());
                ps.setLong(3, outcome.nullPaths());
                ps.setInt(4, outcome.channels());
                ps.setLong(5, outcome.markovMillis());
                ps.setLong(6, outcome.shapleyMillis());
                ps.setLong(7, outcome.upToConversion());
                ps.setString(8, tenantId);
                ps.setLong(9, runId);
                ps.executeUpdate();
            }
            LOG.info(() -> "data-driven run " + runId + " of tenant " + tenantId + ": " + outcome);
        } catch (SQLException e) {
            throw new IllegalStateException("data-driven run failed: " + e.getMessage(), e);
        }
    }

    private Outcome attribute(Connection c, String tenantId) throws SQLException {
        // Read first: a conversion stored while the run reads is credited, or the next schedule runs again.
        long upTo = newestConversion(c, tenantId);
        Map<Long, JourneyRules> rules = PersonJourneys.actionRules(c, tenantId);
        Map<Long, DataDrivenPaths> pathsByAction = new HashMap<>();
        rules.forEach((action, r) -> pathsByAction.put(action, new DataDrivenPaths(r)));
        List<Journey> credited = new ArrayList<>();
        Set<String> done = new HashSet<>();
        List<String> visitors = visitors(c, tenantId);
        for (int from = 0; from < visitors.size(); from += VISITORS_PER_CHUNK) {
            List<String> chunk = visitors.subList(from, Math.min(visitors.size(), from + VISITORS_PER_CHUNK));
            gather(c, tenantId, chunk, done, pathsByAction, credited);
        }

        Map<Long, ChannelShares> markov = new HashMap<>();
        Map<Long, ChannelShares> shapley = new HashMap<>();
        long convertingPaths = 0;
        long nullPaths = 0;
        Set<String> channels = new HashSet<>();
        long markovNanos = 0;
        long shapleyNanos = 0;
        for (var action : pathsByAction.entrySet()) {
            Collection<PathCount> paths = action.getValue().paths();
            if (paths.stream().noneMatch(p -> p.conversions() > 0)) {
                continue; // no converting journey with touches: nothing to fit (touchless ones go to Direct)
            }
            for (PathCount p : paths) {
                convertingPaths += p.conversions();
                nullPaths += p.nulls();
                channels.addAll(p.channels());
            }
            long t0 = System.nanoTime();
            markov.put(action.getKey(), MarkovModel.fit(paths));
            long t1 = System.nanoTime();
            shapley.put(action.getKey(), ShapleyModel.fit(paths));
            markovNanos += t1 - t0;
            shapleyNanos += System.nanoTime() - t1;
        }

        try (PreparedStatement delete = c.prepareStatement("delete from data_driven_credit where tenant_id = ?")) {
            delete.setString(1, tenantId);
            delete.executeUpdate();
        }
        CreditRows rows = new CreditRows();
        for (Journey journey : credited) {
            ConversionPoint conversion = journey.conversion();
            for (AttributionModel model : MODELS) {
                ChannelShares fitted = (model == AttributionModel.MARKOV ? markov : shapley).get(conversion.actionId());
                // an empty journey is credited to Direct without asking the fitted model (which may be absent)
                List<Credit> credits = model.credits(journey.touches(), fitted);
                // The parts of the value add up to it exactly (RevenueSplit), so reports' totals do too.
                List<BigDecimal> revenues = RevenueSplit.of(conversion.value(), credits.stream().map(Credit::share).toList());
                for (int i = 0; i < credits.size(); i++) {
                    rows.add(conversion, model, credits.get(i), revenues.get(i));
                    if (rows.size() >= CHUNK) {
                        rows.insert(c, tenantId);
                    }
                }
            }
        }
        rows.insert(c, tenantId);
        return new Outcome(credited.size(), convertingPaths, nullPaths, channels.size(), markovNanos / 1_000_000,
                shapleyNanos / 1_000_000, upTo);
    }

    /**
     * Adds the paths of the persons of these visitors not seen before ({@code done}, which it extends):
     * their counted journeys as converting paths (kept in {@code credited}) and their other touches as
     * null paths, per action.
     */
    private static void gather(Connection c, String tenantId, List<String> chunk, Set<String> done,
                               Map<Long, DataDrivenPaths> pathsByAction, List<Journey> credited) throws SQLException {
        List<Journey> journeys = PersonJourneys.load(c, tenantId, chunk, false).journeys();
        List<Set<String>> persons = new ArrayList<>();
        for (Set<String> person : PersonGraph.load(c, tenantId, chunk).groups()) {
            if (person.stream().noneMatch(done::contains)) {
                persons.add(person);
                done.addAll(person);
            }
        }
        List<String> fresh = persons.stream().flatMap(Set::stream).toList();
        Map<Long, String> visitorOfConversion = conversionVisitors(c, tenantId, fresh);
        Map<String, List<Journey>> countedByVisitor = new HashMap<>();
        for (Journey j : journeys) {
            String visitor = visitorOfConversion.get(j.conversion().conversionId());
            if (j.counted() && visitor != null) {
                countedByVisitor.computeIfAbsent(visitor, v -> new ArrayList<>()).add(j);
            }
        }
        Map<String, List<JourneyTouch>> touches = touches(c, tenantId, fresh);
        for (Set<String> person : persons) {
            List<JourneyTouch> history = new ArrayList<>();
            Map<Long, List<Journey>> byAction = new HashMap<>();
            for (String v : person) {
                history.addAll(touches.getOrDefault(v, List.of()));
                for (Journey j : countedByVisitor.getOrDefault(v, List.of())) {
                    byAction.computeIfAbsent(j.conversion().actionId(), a -> new ArrayList<>()).add(j);
                }
            }
            for (var action : byAction.entrySet()) {
                // an action missing from conversion_action (deleted meanwhile) has the defaults, as JourneyBuilder.of gives
                DataDrivenPaths paths = pathsByAction.computeIfAbsent(action.getKey(),
                        a -> new DataDrivenPaths(JourneyRules.DEFAULT));
                for (Journey j : action.getValue()) {
                    paths.converted(j.touches(), j.conversion().value());
                    credited.add(j);
                }
            }
            if (!history.isEmpty()) {
                for (var action : pathsByAction.entrySet()) {
                    action.getValue().notConverted(history, byAction.getOrDefault(action.getKey(), List.of()));
                }
            }
        }
    }

    /** The tenant's visitors with touches or conversions, in a fixed order. */
    private static List<String> visitors(Connection c, String tenantId) throws SQLException {
        List<String> visitors = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(VISITORS + " order by 1")) {
            ps.setString(1, tenantId);
            ps.setString(2, tenantId);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    visitors.add(rs.getString(1));
                }
            }
        }
        return visitors;
    }

    /** The newest conversion id of the tenant (0 without any): what the schedule compares with. */
    private static long newestConversion(Connection c, String tenantId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select coalesce(max(id), 0) from conversion where tenant_id = ?")) {
            ps.setString(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The visitor of each conversion of these visitors. */
    private static Map<Long, String> conversionVisitors(Connection c, String tenantId, List<String> visitors)
            throws SQLException {
        Map<Long, String> byConversion = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(CONVERSION_VISITORS)) {
            ps.setString(1, tenantId);
            ps.setArray(2, c.createArrayOf("text", visitors.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byConversion.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        return byConversion;
    }

    /** Every touch of these visitors, whatever its time, per visitor, as much as null paths need. */
    private static Map<String, List<JourneyTouch>> touches(Connection c, String tenantId, List<String> visitors)
            throws SQLException {
        Map<String, List<JourneyTouch>> byVisitor = new HashMap<>();
        Map<String, String> channels = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(TOUCHES)) {
            ps.setString(1, tenantId);
            ps.setArray(2, c.createArrayOf("text", visitors.toArray()));
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String channel = channels.computeIfAbsent(rs.getString(4), s -> s);
                    byVisitor.computeIfAbsent(rs.getString(1), v -> new ArrayList<>(4)).add(new JourneyTouch(
                            rs.getLong(2), rs.getObject(3, OffsetDateTime.class).toInstant(), channel, "", "",
                            Interaction.valueOf(rs.getString(5)), ""));
                }
            }
        }
        return byVisitor;
    }

    /** Credit rows waiting to be inserted, as columns, written with one statement per chunk. */
    private static final class CreditRows {
        private final List<Long> conversionIds = new ArrayList<>();
        private final List<String> models = new ArrayList<>();
        private final List<String> channels = new ArrayList<>();
        private final List<String> campaigns = new ArrayList<>();
        private final List<String> sourceMediums = new ArrayList<>();
        private final List<Long> actionIds = new ArrayList<>();
        private final List<String> convertedAt = new ArrayList<>();
        private final List<Double> shares = new ArrayList<>();
        private final List<BigDecimal> revenues = new ArrayList<>();

        void add(ConversionPoint conversion, AttributionModel model, Credit credit, BigDecimal revenue) {
            conversionIds.add(conversion.conversionId());
            models.add(model.apiName());
            channels.add(credit.channel());
            campaigns.add(credit.campaign());
            sourceMediums.add(credit.sourceMedium());
            actionIds.add(conversion.actionId());
            convertedAt.add(conversion.at().toString());
            shares.add(credit.share());
            revenues.add(revenue);
        }

        int size() {
            return conversionIds.size();
        }

        /** Inserts the waiting rows, in one statement. */
        void insert(Connection c, String tenantId) throws SQLException {
            if (conversionIds.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement("insert into data_driven_credit (tenant_id, conversion_id, "
                    + "model, channel, campaign, source_medium, action_id, converted_at, credit, revenue) "
                    + "select ?, u.* from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], "
                    + "?::timestamptz[], ?::float8[], ?::numeric[]) as u")) {
                ps.setString(1, tenantId);
                ps.setArray(2, c.createArrayOf("bigint", conversionIds.toArray()));
                ps.setArray(3, c.createArrayOf("text", models.toArray()));
                ps.setArray(4, c.createArrayOf("text", channels.toArray()));
                ps.setArray(5, c.createArrayOf("text", campaigns.toArray()));
                ps.setArray(6, c.createArrayOf("text", sourceMediums.toArray()));
                ps.setArray(7, c.createArrayOf("bigint", actionIds.toArray()));
                ps.setArray(8, c.createArrayOf("timestamptz", convertedAt.toArray()));
                ps.setArray(9, c.createArrayOf("float8", shares.toArray()));
                ps.setArray(10, c.createArrayOf("numeric", revenues.toArray()));
                ps.executeUpdate();
            }
            conversionIds.clear();
            models.clear();
            channels.clear();
            campaigns.clear();
            sourceMediums.clear();
            actionIds.clear();
            convertedAt.clear();
            shares.clear();
            revenues.clear();
        }
    }
}
