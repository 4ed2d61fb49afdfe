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
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
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
 * visits) are stored alongside ({@link ConversionStateWriter}). A person is a visitor with every visitor linked to it by identify, transitively
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
     * so the roll-up's statement triggers fire once per chunk. The arrays stay parallel without an
     * {@code order by} in each {@code array_agg}: the aggregates of a group take its rows together, in
     * the same order. A conversion credited before is updated only where its credits changed: most of a
     * re-attribution (a visitor's new touch re-attributes all of its person's conversions) writes
     * nothing, so neither its rows nor the roll-up's deltas.
     */
    private static final String INSERT_CREDITS = "insert into conversion_credit (tenant_id, conversion_id, action_id, "
            + "converted_at, model, channel, campaign, source_medium, credit, revenue) "
            + "select ?, u.conversion_id, min(u.action_id), timestamptz 'epoch' + min(u.converted_at) * interval '1 microsecond', "
            + "array_agg(u.model), array_agg(u.channel), "
            + "array_agg(u.campaign), array_agg(u.source_medium), array_agg(u.credit), array_agg(u.revenue) "
            + "from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], "
            + "?::float8[], ?::numeric[]) as u(conversion_id, model, channel, campaign, source_medium, action_id, "
            + "converted_at, credit, revenue) group by u.conversion_id "
            + "on conflict (tenant_id, conversion_id) do update set action_id = excluded.action_id, "
            + "converted_at = excluded.converted_at, model = excluded.model, channel = excluded.channel, "
            + "campaign = excluded.campaign, source_medium = excluded.source_medium, credit = excluded.credit, "
            + "revenue = excluded.revenue "
            + "where (conversion_credit.action_id, conversion_credit.converted_at, conversion_credit.model, "
            + "conversion_credit.channel, conversion_credit.campaign, conversion_credit.source_medium, "
            + "conversion_credit.credit, conversion_credit.revenue) is distinct from (excluded.action_id, "
            + "excluded.converted_at, excluded.model, excluded.channel, excluded.campaign, excluded.source_medium, "
            + "excluded.credit, excluded.revenue)";
    private static final String HALF_LIFE = "select time_decay_half_life_hours from tenant where id = ?";
    /**
     * For this transaction: a chunk's credits (about 35,000 for 2,500 conversions) are grouped per conversion
     * in memory, not sorted on disk (the default 4 MB spills).
     */
    private static final String WORK_MEM = "select set_config('work_mem', '64MB', true)";

    @Inject
    private TenantConnections connections;

    @Inject
    private CurrentTenant currentTenant;

    /** Recomputes the credits of every conversion of the persons of these visitors of the current tenant. */
    public void reattribute(Collection<String> visitorIds) {
        String tenantId = currentTenant.require();
        List<String> all = List.copyOf(visitorIds);
        try (Connection c = connections.forCurrentTenant()) {
            try (PreparedStatement ps = c.prepareStatement(WORK_MEM)) {
                ps.execute();
            }
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
        CreditColumns credits = new CreditColumns();
        for (Journey journey : loaded.journeys()) {
            if (journey.counted()) {
                addCredits(credits, journey, halfLife);
            }
        }
        Set<Long> credited = new HashSet<>(credits.conversionIds);
        List<Long> uncredited = loaded.journeys().stream().map(j -> j.conversion().conversionId())
                .filter(id -> !credited.contains(id)).toList();
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
                insert.setArray(3, SqlArrays.texts(c, credits.models));
                insert.setArray(4, SqlArrays.texts(c, credits.channels));
                insert.setArray(5, SqlArrays.texts(c, credits.campaigns));
                insert.setArray(6, SqlArrays.texts(c, credits.sourceMediums));
                insert.setArray(7, SqlArrays.bigints(c, credits.actionIds));
                insert.setArray(8, SqlArrays.bigints(c, credits.convertedAts));
                insert.setArray(9, SqlArrays.doubles(c, credits.shares));
                insert.setArray(10, c.createArrayOf("numeric", credits.revenues.toArray()));
                insert.executeUpdate();
            }
        }
        ConversionStateWriter.write(c, tenantId, loaded, macro);
    }

    /** One chunk's credits, column by column, for {@link #INSERT_CREDITS}. */
    private static final class CreditColumns {
        final List<Long> conversionIds = new ArrayList<>();
        final List<String> models = new ArrayList<>();
        final List<String> channels = new ArrayList<>();
        final List<String> campaigns = new ArrayList<>();
        final List<String> sourceMediums = new ArrayList<>();
        final List<Long> actionIds = new ArrayList<>();
        /** Microseconds since the epoch ({@link SqlArrays#micros}). */
        final List<Long> convertedAts = new ArrayList<>();
        final List<Double> shares = new ArrayList<>();
        final List<BigDecimal> revenues = new ArrayList<>();
    }

    private static void addCredits(CreditColumns columns, Journey journey, Duration halfLife) {
        ConversionPoint conversion = journey.conversion();
        for (AttributionModel model : AttributionModel.ruleBased()) {
            for (Credit credit : model.credits(journey.touches(), conversion.at(), halfLife)) {
                columns.conversionIds.add(conversion.conversionId());
                columns.models.add(model.apiName());
                columns.channels.add(credit.channel());
                columns.campaigns.add(credit.campaign());
                columns.sourceMediums.add(credit.sourceMedium());
                columns.actionIds.add(conversion.actionId());
                columns.convertedAts.add(SqlArrays.micros(conversion.at()));
                columns.shares.add(credit.share());
                columns.revenues.add(conversion.value().multiply(BigDecimal.valueOf(credit.share()))
                        .setScale(6, RoundingMode.HALF_EVEN));
            }
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
