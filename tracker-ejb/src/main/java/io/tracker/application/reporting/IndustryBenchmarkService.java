package io.tracker.application.reporting;

import io.tracker.application.tenant.Caller;
import io.tracker.application.tenant.CrossTenant;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.shared.ForbiddenException;
import io.tracker.domain.shared.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The platform-wide benchmark table ({@code industry_benchmark}, V22): read by anyone signed in, changed
 * only by platform admins (the identity provider's {@code platform-admin} realm role, {@link Caller#platformAdmin()}).
 * The table belongs to no tenant (no {@code tenant_id}, no row-level security), so these methods act for no
 * tenant.
 */
@Stateless
public class IndustryBenchmarkService {

    private static final Logger LOG = Logger.getLogger(IndustryBenchmarkService.class.getName());

    private static final String COLUMNS = "id, industry, metric, value, year, region, source, source_url";

    @Inject
    private TenantConnections connections;

    /** Every row, by industry (case-insensitively), then newest year first. */
    @CrossTenant("platform-wide reference data (industry_benchmark has no tenant): the same for every caller")
    public List<IndustryBenchmark> list() {
        List<IndustryBenchmark> rows = new ArrayList<>();
        try (Connection c = connections.forCrossTenantFunctions();
             PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from industry_benchmark "
                     + "order by lower(btrim(industry)), year desc, id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(row(rs));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the benchmarks failed: " + e.getMessage(), e);
        }
        return rows;
    }

    /**
     * Adds a row (checked by {@link IndustryBenchmark#checked}).
     *
     * @throws ForbiddenException unless the caller is a platform admin
     */
    @CrossTenant("platform-wide reference data: only platform admins (checked here) change it")
    public IndustryBenchmark add(Caller caller, IndustryBenchmark draft) {
        requirePlatformAdmin(caller);
        IndustryBenchmark b = recheck(0, draft);
        try (Connection c = connections.forCrossTenantFunctions();
             PreparedStatement ps = c.prepareStatement("insert into industry_benchmark (industry, metric, value, year, "
                     + "region, source, source_url) values (?, ?, ?, ?, ?, ?, ?) returning " + COLUMNS)) {
            bind(ps, b);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                IndustryBenchmark stored = row(rs);
                LOG.info(() -> caller.actor() + " added benchmark " + stored);
                return stored;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("adding a benchmark failed: " + e.getMessage(), e);
        }
    }

    /**
     * Replaces every field of a row.
     *
     * @throws ForbiddenException unless the caller is a platform admin
     * @throws NotFoundException  for an unknown id
     */
    @CrossTenant("platform-wide reference data: only platform admins (checked here) change it")
    public IndustryBenchmark update(Caller caller, long id, IndustryBenchmark draft) {
        requirePlatformAdmin(caller);
        IndustryBenchmark b = recheck(id, draft);
        try (Connection c = connections.forCrossTenantFunctions();
             PreparedStatement ps = c.prepareStatement("update industry_benchmark set industry = ?, metric = ?, "
                     + "value = ?, year = ?, region = ?, source = ?, source_url = ? where id = ? returning " + COLUMNS)) {
            bind(ps, b);
            ps.setLong(8, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("no benchmark " + id);
                }
                IndustryBenchmark stored = row(rs);
                LOG.info(() -> caller.actor() + " changed benchmark " + stored);
                return stored;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("changing a benchmark failed: " + e.getMessage(), e);
        }
    }

    /**
     * Deletes a row.
     *
     * @throws ForbiddenException unless the caller is a platform admin
     * @throws NotFoundException  for an unknown id
     */
    @CrossTenant("platform-wide reference data: only platform admins (checked here) change it")
    public void delete(Caller caller, long id) {
        requirePlatformAdmin(caller);
        try (Connection c = connections.forCrossTenantFunctions();
             PreparedStatement ps = c.prepareStatement("delete from industry_benchmark where id = ?")) {
            ps.setLong(1, id);
            if (ps.executeUpdate() == 0) {
                throw new NotFoundException("no benchmark " + id);
            }
            LOG.info(() -> caller.actor() + " deleted benchmark " + id);
        } catch (SQLException e) {
            throw new IllegalStateException("deleting a benchmark failed: " + e.getMessage(), e);
        }
    }

    static IndustryBenchmark row(ResultSet rs) throws SQLException {
        return new IndustryBenchmark(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4).stripTrailingZeros(),
                rs.getInt(5), rs.getString(6), rs.getString(7), rs.getString(8));
    }

    private static IndustryBenchmark recheck(long id, IndustryBenchmark d) {
        if (d == null) {
            throw new io.tracker.domain.shared.InvalidInputException("a benchmark is required");
        }
        return IndustryBenchmark.checked(id, d.industry(), d.metric(), d.value(), d.year(), d.region(), d.source(),
                d.sourceUrl());
    }

    private static void bind(PreparedStatement ps, IndustryBenchmark b) throws SQLException {
        ps.setString(1, b.industry());
        ps.setString(2, b.metric());
        ps.setBigDecimal(3, b.value());
        ps.setInt(4, b.year());
        ps.setString(5, b.region());
        ps.setString(6, b.source());
        if (b.sourceUrl() == null) {
            ps.setNull(7, Types.VARCHAR);
        } else {
            ps.setString(7, b.sourceUrl());
        }
    }

    private static void requirePlatformAdmin(Caller caller) {
        if (caller == null || !caller.platformAdmin()) {
            throw new ForbiddenException("only platform admins may change the benchmark table");
        }
    }
}
