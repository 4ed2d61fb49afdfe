package io.tracker.application.attribution;

import io.tracker.application.shared.SqlArrays;
import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.attribution.AttributionModel;
import io.tracker.domain.attribution.ConversionPoint;
import io.tracker.domain.attribution.Credit;
import io.tracker.domain.attribution.Journey;
import io.tracker.domain.attribution.JourneyBuilder;
import io.tracker.domain.attribution.Persons;
import io.tracker.domain.attribution.RevenueSplit;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Keeps the stored attribution credits in step with the events: for each person whose history
 * changed, rebuilds the journey of every conversion ({@link JourneyBuilder}, under each conversion
 * action's windows, journey start and counting) and stores each rule-based {@link AttributionModel}'s
 * credits (time decay with the tenant's half-life), replacing the old ones, by channel, campaign and
 * source / medium. A conversion that its action's counting "one" finds repeating an earlier one of
 * the same journey is marked {@code counted = false} and gets no credits; one that counts again is
 * marked back. Each conversion's visit and whether it is the first of its visit (the summary's converted
 * visits) are stored alongside ({@link ConversionStateWriter}), and with the credits the journey's path: the
 * channel of each touch, oldest first, and the first touch's time (what the conversion path report reads). A person is a visitor with every visitor linked to it by identify, transitively
 * ({@link Persons}); a conversion's journey holds the touches of all of them. Recomputing whole
 * persons makes late and out-of-order events (offline imports) and late identifications come out
 * the same as live ones.
 *
 * <p>Called by the {@link AttributionWorker} (through {@link AttributionQueue}), off the request
 * path. Two servers (or worker lanes) re-attributing overlapping persons at once are serialised: the
 * conversions being re-attributed are locked ({@code for update}) before their credits are replaced.
 * Otherwise writers of credits never wait for each other: the roll-up triggers only append deltas
 * (V15), which {@link io.tracker.application.reporting.Rollups#foldCredits()} moves into the roll-up now and then.
 */
@Stateless
@RequiresPermission(Permission.INGEST)
public class AttributionService {

    /** Visitors read at once; keeps the {@code = any(?)} arrays and the memory bounded. */
    private static final int VISITORS_PER_CHUNK = 5_000;

    /**
     * The rule-based models' credits of these conversions, which have none now (not counted, or no journey);
     * the data-driven ones belong to their runs: data_driven_credit.
     */
    private static final String DELETE_CREDITS = "delete from conversion_credit where tenant_id = ? "
            + "and conversion_id = any(?::bigint[])";
    /**
     * All credits of a chunk in one statement, one row per conversion (V15: the credits as parallel arrays),
     * so the roll-up's statement triggers fire once per chunk. Each row's arrays come as array literals
     * ({@link SqlArrays#literal}), elements of text arrays sent in binary: PostgreSQL has no ragged arrays of
     * arrays, and sending one row per credit to regroup with {@code array_agg} took half the statement (the
     * unnest of 50,000 credits and a hash aggregate that spilled to disk). A conversion credited before is
     * updated only where its credits changed: most of a re-attribution (a visitor's new touch re-attributes
     * all of its person's conversions) writes nothing, so neither its rows nor the roll-up's deltas.
     */
    private static final String INSERT_CREDITS = "insert into conversion_credit (tenant_id, conversion_id, action_id, "
            + "converted_at, model, channel, campaign, source_medium, credit, revenue, path, first_touch_at) "
            + "select ?, u.conversion_id, u.action_id, timestamptz 'epoch' + u.converted_at * interval '1 microsecond', "
            + "u.model::text[], u.channel::text[], u.campaign::text[], u.source_medium::text[], u.credit::float8[], "
            + "u.revenue::numeric[], u.path::text[], timestamptz 'epoch' + u.first_touch_at * interval '1 microsecond' "
            + "from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
            + "?::text[], ?::text[], ?::bigint[]) as u(conversion_id, action_id, converted_at, model, channel, campaign, "
            + "source_medium, credit, revenue, path, first_touch_at) "
            + "on conflict (tenant_id, conversion_id) do update set action_id = excluded.action_id, "
            + "converted_at = excluded.converted_at, model = excluded.model, channel = excluded.channel, "
            + "campaign = excluded.campaign, source_medium = excluded.source_medium, credit = excluded.credit, "
            + "revenue = excluded.revenue, path = excluded.path, first_touch_at = excluded.first_touch_at "
            + "where (conversion_credit.action_id, conversion_credit.converted_at, conversion_credit.model, "
            + "conversion_credit.channel, conversion_credit.campaign, conversion_credit.source_medium, "
            + "conversion_credit.credit, conversion_credit.revenue, conversion_credit.path, "
            + "conversion_credit.first_touch_at) is distinct from (excluded.action_id, "
            + "excluded.converted_at, excluded.model, excluded.channel, excluded.campaign, excluded.source_medium, "
            + "excluded.credit, excluded.revenue, excluded.path, excluded.first_touch_at)";
    private static final String HALF_LIFE = "select time_decay_half_life_hours from tenant where id = ?";
    @Inject
    private TenantConnections connections;

    @Inject
    private CurrentTenant currentTenant;

    /** Recomputes the credits of every conversion of the persons of these visitors of the current tenant. */
    public void reattribute(Collection<String> visitorIds) {
        String tenantId = currentTenant.require();
        List<String> all = List.copyOf(visitorIds);
        try (Connection c = connections.forCurrentTenant()) {
            Duration halfLife = halfLife(c, tenantId);
            Set<Long> macro = ConversionStateWriter.macroActions(c, tenantId);
            for (int from = 0; from < all.size(); from += VISITORS_PER_CHUNK) {
                reattributeChunk(c, tenantId, halfLife, macro, all.subList(from, Math.min(all.size(), from + VISITORS_PER_CHUNK)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("attribution failed: " + e.getMessage(), e);
        }
    }

    private void reattributeChunk(Connection c, String tenantId, Duration halfLife, Set<Long> macro,
                                  List<String> visitorIds) throws SQLException {
        PersonJourneys.Loaded loaded = PersonJourneys.load(c, tenantId, visitorIds, true);
        if (loaded.journeys().isEmpty()) {
            return;
        }
        CreditRows credits = new CreditRows();
        List<Long> uncredited = new ArrayList<>();
        for (Journey journey : loaded.journeys()) {
            if (!journey.counted() || !credits.add(journey, halfLife)) {
                uncredited.add(journey.conversion().conversionId());
            }
        }
        if (!uncredited.isEmpty()) {
            try (PreparedStatement delete = c.prepareStatement(DELETE_CREDITS)) {
                delete.setString(1, tenantId);
                delete.setArray(2, SqlArrays.bigints(c, uncredited));
                delete.executeUpdate();
            }
        }
        if (!credits.conversionIds.isEmpty()) {
            try (PreparedStatement insert = c.prepareStatement(INSERT_CREDITS)) {
                insert.setString(1, tenantId);
                insert.setArray(2, SqlArrays.bigints(c, credits.conversionIds));
                insert.setArray(3, SqlArrays.bigints(c, credits.actionIds));
                insert.setArray(4, SqlArrays.bigints(c, credits.convertedAts));
                insert.setArray(5, SqlArrays.texts(c, credits.models));
                insert.setArray(6, SqlArrays.texts(c, credits.channels));
                insert.setArray(7, SqlArrays.texts(c, credits.campaigns));
                insert.setArray(8, SqlArrays.texts(c, credits.sourceMediums));
                insert.setArray(9, SqlArrays.texts(c, credits.shares));
                insert.setArray(10, SqlArrays.texts(c, credits.revenues));
                insert.setArray(11, SqlArrays.texts(c, credits.paths));
                insert.setArray(12, SqlArrays.bigints(c, credits.firstTouchAts));
                insert.executeUpdate();
            }
        }
        ConversionStateWriter.write(c, tenantId, loaded, macro);
    }

    /**
     * One chunk's credits for {@link #INSERT_CREDITS}, one row per conversion, column by column: each
     * conversion's credits (every rule-based model's, one element per model and key) as array literals.
     */
    private static final class CreditRows {
        final List<Long> conversionIds = new ArrayList<>();
        final List<Long> actionIds = new ArrayList<>();
        /** Microseconds since the epoch ({@link SqlArrays#micros}). */
        final List<Long> convertedAts = new ArrayList<>();
        final List<String> models = new ArrayList<>();
        final List<String> channels = new ArrayList<>();
        final List<String> campaigns = new ArrayList<>();
        final List<String> sourceMediums = new ArrayList<>();
        final List<String> shares = new ArrayList<>();
        final List<String> revenues = new ArrayList<>();
        /** The journey's channels, oldest first (the conversion path reports read). */
        final List<String> paths = new ArrayList<>();
        /** Microseconds since the epoch: the journey's first touch. */
        final List<Long> firstTouchAts = new ArrayList<>();

        /** Adds the journey's credits; false when no model credits anything (a journey without touches). */
        boolean add(Journey journey, Duration halfLife) {
            ConversionPoint conversion = journey.conversion();
            List<String> model = new ArrayList<>();
            List<String> channel = new ArrayList<>();
            List<String> campaign = new ArrayList<>();
            List<String> sourceMedium = new ArrayList<>();
            List<Double> share = new ArrayList<>();
            List<BigDecimal> revenue = new ArrayList<>();
            for (AttributionModel m : AttributionModel.ruleBased()) {
                List<Double> modelShares = new ArrayList<>();
                for (Credit credit : m.credits(journey.touches(), conversion.at(), halfLife)) {
                    model.add(m.apiName());
                    channel.add(credit.channel());
                    campaign.add(credit.campaign());
                    sourceMedium.add(credit.sourceMedium());
                    share.add(credit.share());
                    modelShares.add(credit.share());
                }
                // Each model's parts add up to the value exactly (RevenueSplit), so reports' revenue totals do too.
                revenue.addAll(RevenueSplit.of(conversion.value(), modelShares));
            }
            if (model.isEmpty()) {
                return false;
            }
            conversionIds.add(conversion.conversionId());
            actionIds.add(conversion.actionId());
            convertedAts.add(SqlArrays.micros(conversion.at()));
            models.add(SqlArrays.literal(model));
            channels.add(SqlArrays.literal(channel));
            campaigns.add(SqlArrays.literal(campaign));
            sourceMediums.add(SqlArrays.literal(sourceMedium));
            shares.add(SqlArrays.numberLiteral(share));
            revenues.add(SqlArrays.numberLiteral(revenue));
            paths.add(SqlArrays.literal(journey.path().channels()));
            firstTouchAts.add(SqlArrays.micros(journey.firstTouchAt()));
            return true;
        }
    }

    /** The tenant's time decay half-life ({@code tenant.time_decay_half_life_hours}). */
    static Duration halfLife(Connection c, String tenantId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HALF_LIFE)) {
            ps.setString(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Duration.ofHours(rs.getInt(1)) : AttributionModel.DEFAULT_HALF_LIFE;
            }
        }
    }
}
