package io.tracker.application.attribution;

import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.application.tracking.imports.LimitedInputStream;
import io.tracker.domain.attribution.ChannelComparison;
import io.tracker.domain.attribution.ChannelTotal;
import io.tracker.domain.attribution.PathAnalysis;
import io.tracker.domain.attribution.PathFile;
import io.tracker.domain.attribution.PathLineError;
import io.tracker.domain.attribution.PathTotals;
import io.tracker.domain.attribution.UnusablePathFileException;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.NotFoundException;
import io.tracker.domain.shared.Text;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The current tenant's path analyses ({@code path_analysis}, {@code path_analysis_credit}): path data
 * uploaded in ChannelAttribution's layout ({@link PathFile}) and every model side by side over it
 * ({@link PathAnalysis}). Analyses belong to the tenant that made them; row-level security keeps
 * them there, so another tenant's id is simply not found. The uploaded file is not stored. Like a
 * file import, an upload is data, not set-up: it is not written to the audit log (whose writers need
 * set-up permissions that a write key lacks).
 *
 * <p>Uploading needs {@link Permission#INGEST} (a write key or an analyst); reading needs
 * {@link Permission#READ_REPORTS}. The analysis runs inside the upload's request: its cost is bounded
 * by {@link #MAX_BYTES} and {@link PathFile}'s bounds (lines, channels).
 */
@Stateless
public class PathAnalysisService {

    /** Largest upload, in bytes (20 MiB; ChannelAttribution's 10,000-line sample is 0.5 MB). */
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    public static final int MAX_NAME_LENGTH = 200;
    /** How many analyses {@link #list()} returns, newest first. */
    public static final int MAX_LISTED = 500;

    private static final String[] MODELS = {"first_touch", "last_touch", "linear", "position_based", "markov", "shapley"};
    private static final String HEAD = "select id, name, created_at, created_by, lines, rejected, paths, conversions, "
            + "revenue, nulls from path_analysis ";

    @Inject
    private TenantConnections connections;

    @Inject
    private CurrentTenant currentTenant;

    /**
     * Reads a path file, analyses it and stores the result.
     *
     * @param name      the caller's name for it (trimmed; blank: {@code "paths"}); at most {@value #MAX_NAME_LENGTH} characters
     * @param body      the file; at most {@link #MAX_BYTES} bytes (read as it streams)
     * @param charset   the file's character set (bytes that are not text in it make their line an error)
     * @param separator {@code ;}, {@code ,} or tab
     * @throws UnusablePathFileException no good line (the first reasons in the message, the lines in the exception)
     * @throws InvalidInputException     a bad name or separator, or a file that is not CSV
     * @throws io.tracker.domain.shared.ContentTooLargeException over {@link #MAX_BYTES} or {@link PathFile}'s bounds
     */
    @RequiresPermission(Permission.INGEST)
    public CreatedPathAnalysis create(String name, InputStream body, Charset charset, char separator) {
        String label = name == null || name.isBlank() ? "paths" : Text.withoutNul("name", name.strip());
        if (label.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException("name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        Reader in = new InputStreamReader(new LimitedInputStream(body, MAX_BYTES, "the path file"),
                charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE));
        PathFile file = PathFile.read(in, separator);
        if (file.paths().isEmpty()) {
            throw new UnusablePathFileException(noGoodLine(file), file.rejected());
        }
        PathAnalysis analysis = PathAnalysis.of(file.paths());
        UUID id = UUID.randomUUID();
        store(id, label, file, analysis);
        return new CreatedPathAnalysis(id, file.rejectedCount(), file.rejected());
    }

    /**
     * One analysis with every model per channel.
     *
     * @throws NotFoundException when the current tenant has no analysis with this id
     */
    @RequiresPermission(Permission.READ_REPORTS)
    public StoredPathAnalysis get(UUID id) {
        try (Connection c = connections.forCurrentTenant()) {
            StoredPathAnalysis head;
            try (PreparedStatement ps = c.prepareStatement(HEAD + "where id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException("no path analysis " + id);
                    }
                    head = head(rs);
                }
            }
            return new StoredPathAnalysis(head.id(), head.name(), head.createdAt(), head.createdBy(), head.lines(),
                    head.rejected(), head.paths(), head.totals(), channels(c, id));
        } catch (SQLException e) {
            throw new IllegalStateException("reading path analysis " + id + " failed: " + e.getMessage(), e);
        }
    }

    /** The tenant's analyses, newest first (at most {@value #MAX_LISTED}), without their channels. */
    @RequiresPermission(Permission.READ_REPORTS)
    public List<StoredPathAnalysis> list() {
        try (Connection c = connections.forCurrentTenant();
             PreparedStatement ps = c.prepareStatement(HEAD + "order by created_at desc, id limit " + MAX_LISTED)) {
            List<StoredPathAnalysis> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(head(rs));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("listing path analyses failed: " + e.getMessage(), e);
        }
    }

    private void store(UUID id, String name, PathFile file, PathAnalysis analysis) {
        String tenant = currentTenant.require();
        PathTotals totals = analysis.totals();
        try (Connection c = connections.forCurrentTenant()) {
            try (PreparedStatement ps = c.prepareStatement("insert into path_analysis (tenant_id, id, name, created_by, "
                    + "lines, rejected, paths, channels, conversions, revenue, nulls) values (?,?,?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, tenant);
                ps.setObject(2, id);
                ps.setString(3, name);
                ps.setString(4, currentTenant.actor());
                ps.setLong(5, file.goodLines());
                ps.setLong(6, file.rejectedCount());
                ps.setInt(7, file.paths().size());
                ps.setInt(8, analysis.channels().size());
                ps.setLong(9, totals.conversions());
                ps.setBigDecimal(10, totals.revenue());
                ps.setLong(11, totals.nulls());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into path_analysis_credit (tenant_id, analysis_id, "
                    + "channel, model, conversions, revenue, removal_effect) values (?,?,?,?,?,?,?)")) {
                for (ChannelComparison ch : analysis.channels()) {
                    ChannelTotal[] byModel = {ch.firstTouch(), ch.lastTouch(), ch.linear(), ch.positionBased(),
                        ch.markov(), ch.shapley()};
                    for (int m = 0; m < MODELS.length; m++) {
                        ps.setString(1, tenant);
                        ps.setObject(2, id);
                        ps.setString(3, ch.channel());
                        ps.setString(4, MODELS[m]);
                        // Rounding can leave -1e-17 where a model gives nothing.
                        ps.setDouble(5, Math.max(0, byModel[m].conversions()));
                        ps.setDouble(6, Math.max(0, byModel[m].value()));
                        if (MODELS[m].equals("markov")) {
                            ps.setDouble(7, ch.removalEffect());
                        } else {
                            ps.setNull(7, java.sql.Types.DOUBLE);
                        }
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storing path analysis failed: " + e.getMessage(), e);
        }
    }

    private static StoredPathAnalysis head(ResultSet rs) throws SQLException {
        return new StoredPathAnalysis(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
                rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getInt(7),
                new PathTotals(rs.getLong(8), rs.getBigDecimal(9), rs.getLong(10)), List.of());
    }

    private static List<ChannelComparison> channels(Connection c, UUID id) throws SQLException {
        Map<String, Map<String, double[]>> byChannel = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select channel, model, conversions, revenue, removal_effect "
                + "from path_analysis_credit where analysis_id = ? order by channel")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byChannel.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                            .put(rs.getString(2), new double[] {rs.getDouble(3), rs.getDouble(4), rs.getDouble(5)});
                }
            }
        }
        List<ChannelComparison> channels = new ArrayList<>(byChannel.size());
        byChannel.forEach((channel, m) -> channels.add(new ChannelComparison(channel, total(m, "first_touch"),
                total(m, "last_touch"), total(m, "linear"), total(m, "position_based"), total(m, "markov"),
                m.getOrDefault("markov", new double[3])[2], total(m, "shapley"))));
        return channels;
    }

    private static ChannelTotal total(Map<String, double[]> byModel, String model) {
        double[] t = byModel.get(model);
        return t == null ? ChannelTotal.ZERO : new ChannelTotal(t[0], t[1]);
    }

    /** Why nothing could be used: the first few line errors, or that the file had no data line. */
    private static String noGoodLine(PathFile file) {
        if (file.rejected().isEmpty()) {
            return "the path file has no data line; expected lines such as 'alpha > beta;1;2.5;3' "
                    + "(path;total_conversions;total_conversion_value;total_null)";
        }
        return "no line of the path file could be used (" + file.rejectedCount() + " bad); first: "
                + file.rejected().stream().limit(3).map(e -> "line " + e.line() + ": " + e.reason())
                        .collect(Collectors.joining("; "));
    }
}
