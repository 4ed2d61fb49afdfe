package io.tracker.application.attribution;

import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.PlatformJob;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.attribution.AttributionModel;
import io.tracker.domain.attribution.ChannelShares;
import io.tracker.domain.attribution.ConversionPoint;
import io.tracker.domain.attribution.Credit;
import io.tracker.domain.attribution.DataDrivenPaths;
import io.tracker.domain.attribution.JourneyBuilder;
import io.tracker.domain.attribution.JourneyTouch;
import io.tracker.domain.attribution.MarkovModel;
import io.tracker.domain.attribution.PathCount;
import io.tracker.domain.attribution.Persons;
import io.tracker.domain.attribution.ShapleyModel;
import io.tracker.domain.attribution.SourceMedium;
import io.tracker.domain.tracking.Interaction;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * One data-driven run for the current tenant: fits {@link MarkovModel} and {@link ShapleyModel} per
 * conversion action on the tenant's journeys and stores every counted conversion's {@code markov} and
 * {@code shapley} credits ({@link AttributionModel#credits(List, ChannelShares)}), replacing the previous
 * run's, in one transaction (reports see the old credits or the new ones, never a mix).
 *
 * <p>The journeys are built as for the rule-based models: per person (visitors joined by identify,
 * {@link PersonGraph}), by {@link JourneyBuilder} with the default lookback. Each action's model is
 * fitted on the paths {@link DataDrivenPaths} defines: the channels of the action's converting
 * journeys, and each person's non-converting path (its touches after its last conversion of the action,
 * or all of them if it never converted it, within the lookback before the latest). Cookieless touches
 * (no visitor) belong to no person and are left out. A conversion without touches is credited to
 * Direct. Channels only, as the models are defined: a channel's share of a conversion is then split
 * evenly over that channel's touches, so campaigns get their part.
 */
@Stateless
@PlatformJob("data-driven runs are carried out by the scheduler as Tracker itself, never in a request")
public class DataDrivenAttribution {

    private static final Logger LOG = Logger.getLogger(DataDrivenAttribution.class.getName());

    private static final JourneyBuilder JOURNEYS = new JourneyBuilder(JourneyBuilder.DEFAULT_LOOKBACK);
    private static final List<AttributionModel> MODELS = List.of(AttributionModel.MARKOV, AttributionModel.SHAPLEY);
    /** Credits written per insert statement. */
    private static final int CHUNK = 10_000;

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
        Map<String, List<ConversionPoint>> conversions = new HashMap<>();
        long upTo = loadConversions(c, tenantId, conversions);
        Map<String, List<JourneyTouch>> touches = loadTouches(c, tenantId);
        Set<String> visitors = new LinkedHashSet<>(conversions.keySet());
        visitors.addAll(touches.keySet());
        Persons persons = PersonGraph.load(c, tenantId, visitors);
        Map<ConversionPoint, List<JourneyTouch>> journeys = JOURNEYS.journeys(persons, touches, conversions);

        Map<Long, DataDrivenPaths> pathsByAction = new HashMap<>();
        journeys.forEach((conversion, journey) -> pathsByAction
                .computeIfAbsent(conversion.actionId(), a -> new DataDrivenPaths(JourneyBuilder.DEFAULT_LOOKBACK))
                .converted(journey, conversion.value()));
        for (Set<String> person : persons.groups()) {
            List<JourneyTouch> history = new ArrayList<>();
            Map<Long, Instant> lastConversion = new HashMap<>();
            for (String v : person) {
                history.addAll(touches.getOrDefault(v, List.of()));
                for (ConversionPoint cp : conversions.getOrDefault(v, List.of())) {
                    lastConversion.merge(cp.actionId(), cp.at(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
            if (history.isEmpty()) {
                continue;
            }
            for (var action : pathsByAction.entrySet()) {
                action.getValue().notConverted(history, lastConversion.get(action.getKey()));
            }
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
                continue; // only journeys without touches: all to Direct, nothing to fit
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

        try (PreparedStatement delete = c.prepareStatement("delete from attribution_credit where tenant_id = ? "
                + "and model = any(?::text[])")) {
            delete.setString(1, tenantId);
            delete.setArray(2, c.createArrayOf("text", MODELS.stream().map(AttributionModel::apiName).toArray()));
            delete.executeUpdate();
        }
        CreditRows rows = new CreditRows();
        for (var journey : journeys.entrySet()) {
            ConversionPoint conversion = journey.getKey();
            for (AttributionModel model : MODELS) {
                ChannelShares fitted = (model == AttributionModel.MARKOV ? markov : shapley).get(conversion.actionId());
                // an empty journey is credited to Direct without asking the fitted model (which may be absent)
                List<Credit> credits = model.credits(journey.getValue(), fitted);
                for (Credit credit : credits) {
                    rows.add(conversion, model, credit);
                    if (rows.size() >= CHUNK) {
                        rows.insert(c, tenantId);
                    }
                }
            }
        }
        rows.insert(c, tenantId);
        return new Outcome(journeys.size(), convertingPaths, nullPaths, channels.size(), markovNanos / 1_000_000,
                shapleyNanos / 1_000_000, upTo);
    }

    /** The tenant's counted conversions of visitors, per visitor; returns the newest conversion id (0 without any). */
    private static long loadConversions(Connection c, String tenantId, Map<String, List<ConversionPoint>> into)
            throws SQLException {
        long newest = 0;
        try (PreparedStatement ps = c.prepareStatement("select visitor_id, id, action_id, occurred_at, value "
                + "from conversion where tenant_id = ? and counted and visitor_id is not null")) {
            ps.setString(1, tenantId);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(2);
                    newest = Math.max(newest, id);
                    into.computeIfAbsent(rs.getString(1), v -> new ArrayList<>()).add(new ConversionPoint(id,
                            rs.getLong(3), rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getBigDecimal(5)));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("select coalesce(max(id), 0) from conversion where tenant_id = ?")) {
            ps.setString(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Math.max(newest, rs.getLong(1));
            }
        }
    }

    /**
     * Every touch of the tenant with a visitor, per visitor; channel and campaign texts shared. With its
     * interaction, so that ad impressions count within the view-through window only, as in the rule-based
     * journeys.
     */
    private static Map<String, List<JourneyTouch>> loadTouches(Connection c, String tenantId) throws SQLException {
        Map<String, List<JourneyTouch>> byVisitor = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select visitor_id, id, occurred_at, channel, coalesce(campaign, ''), "
                + "interaction from touchpoint where tenant_id = ? and visitor_id is not null")) {
            ps.setString(1, tenantId);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String channel = texts.computeIfAbsent(rs.getString(4), s -> s);
                    String campaign = texts.computeIfAbsent(rs.getString(5), s -> s);
                    byVisitor.computeIfAbsent(rs.getString(1), v -> new ArrayList<>(4)).add(new JourneyTouch(
                            rs.getLong(2), rs.getObject(3, OffsetDateTime.class).toInstant(), channel, campaign,
                            SourceMedium.ofChannel(channel), Interaction.valueOf(rs.getString(6)), ""));
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
        private final List<Long> actionIds = new ArrayList<>();
        private final List<String> convertedAt = new ArrayList<>();
        private final List<Double> shares = new ArrayList<>();
        private final List<BigDecimal> revenues = new ArrayList<>();

        void add(ConversionPoint conversion, AttributionModel model, Credit credit) {
            conversionIds.add(conversion.conversionId());
            models.add(model.apiName());
            channels.add(credit.channel());
            campaigns.add(credit.campaign());
            actionIds.add(conversion.actionId());
            convertedAt.add(conversion.at().toString());
            shares.add(credit.share());
            revenues.add(conversion.value().multiply(BigDecimal.valueOf(credit.share())).setScale(6, RoundingMode.HALF_EVEN));
        }

        int size() {
            return conversionIds.size();
        }

        /**
         * Inserts the waiting rows. Source / medium: the data-driven models credit channels and campaigns;
         * their rows carry {@code ""} (reports by source / medium show them under "").
         */
        void insert(Connection c, String tenantId) throws SQLException {
            if (conversionIds.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement("insert into attribution_credit (tenant_id, conversion_id, "
                    + "model, channel, campaign, source_medium, action_id, converted_at, credit, revenue) "
                    + "select ?, u.* from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], "
                    + "?::timestamptz[], ?::float8[], ?::numeric[]) as u")) {
                ps.setString(1, tenantId);
                ps.setArray(2, c.createArrayOf("bigint", conversionIds.toArray()));
                ps.setArray(3, c.createArrayOf("text", models.toArray()));
                ps.setArray(4, c.createArrayOf("text", channels.toArray()));
                ps.setArray(5, c.createArrayOf("text", campaigns.toArray()));
                ps.setArray(6, c.createArrayOf("text", Collections.nCopies(conversionIds.size(), "").toArray()));
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
            actionIds.clear();
            convertedAt.clear();
            shares.clear();
            revenues.clear();
        }
    }
}
