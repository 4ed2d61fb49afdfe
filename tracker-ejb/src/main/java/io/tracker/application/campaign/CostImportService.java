package io.tracker.application.campaign;

import io.tracker.application.shared.ExportCsv;
import io.tracker.application.shared.RejectedRows;
import io.tracker.application.shared.UploadRecords;
import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.application.tenant.TenantService;
import io.tracker.domain.attribution.SourceMedium;
import io.tracker.domain.campaign.cost.CostLayout;
import io.tracker.domain.campaign.cost.CostRow;
import io.tracker.domain.campaign.cost.CostRowException;
import io.tracker.domain.campaign.cost.CostRowReader;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.tenant.Permission;
import io.tracker.domain.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Imports ad cost per campaign per day for the current tenant, from a CSV file in one of the
 * {@link CostLayout}s ({@link CostRowReader} says how rows read).
 *
 * <p>The header line is the first of the file's first {@value #HEADER_SEARCH_LINES} lines that names a layout's
 * day, campaign and cost columns (or the named layout's); the lines before it are the export's title lines and
 * are skipped. No header line there: the file is refused as a whole ({@link InvalidInputException}, 400).
 *
 * <p><b>Replacement.</b> The file's rows of the same campaign and day are added up. Then, in one transaction,
 * every stored row of the tenant and the file's platform ({@code plain} counts as a platform) for each day the
 * file stores rows for is deleted, and the file's rows for those days are inserted: a campaign absent from a
 * re-imported day is gone for that day, days the file does not have are kept, other platforms are untouched.
 * A rejected row stores nothing and replaces nothing (a day whose every row is rejected is kept as it was).
 *
 * <p><b>Keys.</b> The campaign is kept as written and matches the touchpoints' campaign (an explicit
 * {@code campaign} or {@code utm_campaign}) exactly, as reports key campaigns. The channel is the layout's
 * ({@link CostRowReader}); a plain row without one takes the channel under which most of that campaign's
 * touchpoints arrived in the file's days and the {@value #LOOKBACK_DAYS} days before, else {@code (unknown)}.
 * {@code source_medium} is the plain file's, else likewise the campaign's most frequent one, else null (such
 * cost shows under {@code (unknown)} when reports are broken down by source / medium).
 */
@Stateless
@RequiresPermission(Permission.INGEST)
public class CostImportService {

    /** How many lines may come before the header line (the exports' titles, date ranges, notes). */
    static final int HEADER_SEARCH_LINES = ExportCsv.HEADER_SEARCH_LINES;
    /** The channel of cost whose campaign is known neither by the file nor by any touchpoint. */
    public static final String UNKNOWN_CHANNEL = "(unknown)";
    static final int LOOKBACK_DAYS = 30;

    static final String REPORT_COLUMNS = "id, received_at, layout, rows, stored, rejected, skipped, replaced, "
            + "first_day, last_day, days, cost, currency, errors::text";
    private static final String START = "insert into ad_cost_import (tenant_id, layout, actor, currency) "
            + "values (current_setting('" + TenantConnections.SETTING + "'), ?, ?, ?) returning id";
    private static final String FINISH = "update ad_cost_import set rows = ?, stored = ?, rejected = ?, skipped = ?, "
            + "replaced = ?, first_day = ?, last_day = ?, days = ?, cost = ?, errors = ?::jsonb where id = ? "
            + "returning " + REPORT_COLUMNS;
    private static final String DELETE = "delete from ad_cost where tenant_id = ? and platform = ? "
            + "and day = any(?::date[])";
    private static final String INSERT = "insert into ad_cost (tenant_id, platform, day, campaign, channel, "
            + "source_medium, cost, currency, clicks, impressions, import_id) "
            + "select ?, ?, u.day, u.campaign, u.channel, u.source_medium, u.cost, ?, u.clicks, u.impressions, ? "
            + "from unnest(?::date[], ?::text[], ?::text[], ?::text[], ?::numeric[], ?::bigint[], ?::bigint[]) "
            + "as u(day, campaign, channel, source_medium, cost, clicks, impressions)";
    /** Per campaign, channel and source signals: how many touchpoints arrived so in the window. */
    private static final String TOUCH_KEYS = "select campaign, channel, utm_source, utm_medium, "
            + "(gclid is not null), referrer, count(*) from touchpoint where tenant_id = ? "
            + "and occurred_at >= ? and occurred_at < ? and campaign = any(?::text[]) "
            + "group by campaign, channel, utm_source, utm_medium, (gclid is not null), referrer";

    @Inject
    private TenantConnections connections;

    @Inject
    private CurrentTenant currentTenant;

    @EJB
    private TenantService tenants;

    /**
     * Imports a cost file.
     *
     * @param layout {@code google_ads}, {@code microsoft_ads}, {@code meta}, {@code plain}, or null/blank to
     *               detect it from the header line
     * @throws InvalidInputException for an unknown layout, no header line, or a file that is not CSV
     */
    public CostImportReport importCsv(InputStream csv, Charset charset, String layout) {
        CostLayout wanted;
        try {
            wanted = CostLayout.parse(layout).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        Tenant tenant = tenants.current();
        String currency = tenant.getCurrency().getCurrencyCode();
        Upload upload = new Upload();
        ExportCsv.Tally tally = new ExportCsv.Tally();
        LocalDate today = LocalDate.now(tenant.getTimeZone());
        CostRowReader reader = ExportCsv.read(csv, charset, tally, cells -> CostLayout.header(cells, wanted)
                        .map(h -> new CostRowReader(h, currency, today)),
                (r, line, cells) -> {
                    if (r.isNote(cells)) {
                        tally.skip();
                        return;
                    }
                    tally.row();
                    if (tally.rejectInvalidBytes(line, cells, charset)) {
                        return;
                    }
                    try {
                        upload.add(r.read(cells));
                    } catch (CostRowException e) {
                        tally.reject(line, e.column(), e.getMessage());
                    }
                }, wanted == null ? "the columns of a Google Ads, Microsoft Advertising or Meta Ads Manager export, "
                        + "or date,campaign,cost,currency,clicks,impressions"
                        : "the " + wanted.label() + " columns " + wanted.requiredColumns());
        return store(upload, tally, reader.header().layout(), currency, tenant);
    }

    /** An earlier upload's report. */
    public CostImportReport report(long id) {
        return UploadRecords.one(connections::forCurrentTenant, "ad_cost_import", REPORT_COLUMNS, id, "cost upload",
                CostImportService::read);
    }

    /** The latest uploads' reports, newest first (at most {@code limit}). */
    public List<CostImportReport> recent(int limit) {
        return UploadRecords.latest(connections::forCurrentTenant, "ad_cost_import", REPORT_COLUMNS, limit,
                CostImportService::read);
    }

    private CostImportReport store(Upload upload, ExportCsv.Tally tally, CostLayout layout, String currency,
                                    Tenant tenant) {
        String tenantId = currentTenant.require();
        try (Connection c = connections.forCurrentTenant()) {
            long id;
            try (PreparedStatement ps = c.prepareStatement(START)) {
                ps.setString(1, layout.apiName());
                ps.setString(2, currentTenant.actor());
                ps.setString(3, currency);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            List<CostRow> rows = new ArrayList<>(upload.rows().values());
            rows = resolveKeys(c, tenantId, tenant, rows);
            Set<LocalDate> days = new TreeSet<>();
            rows.forEach(r -> days.add(r.day()));
            int replaced = 0;
            if (!days.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(DELETE)) {
                    ps.setString(1, tenantId);
                    ps.setString(2, layout.apiName());
                    ps.setArray(3, c.createArrayOf("date", days.stream().map(Date::valueOf).toArray()));
                    replaced = ps.executeUpdate();
                }
                insert(c, tenantId, layout, currency, id, rows);
            }
            BigDecimal cost = rows.stream().map(CostRow::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
            try (PreparedStatement ps = c.prepareStatement(FINISH)) {
                ps.setInt(1, tally.rows());
                ps.setInt(2, rows.size());
                ps.setInt(3, tally.rejected().count());
                ps.setInt(4, tally.skipped());
                ps.setInt(5, replaced);
                ps.setObject(6, days.isEmpty() ? null : ((TreeSet<LocalDate>) days).first());
                ps.setObject(7, days.isEmpty() ? null : ((TreeSet<LocalDate>) days).last());
                ps.setInt(8, days.size());
                ps.setBigDecimal(9, cost);
                ps.setString(10, tally.rejected().json());
                ps.setLong(11, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storing the cost failed: " + e.getMessage(), e);
        }
    }

    private static void insert(Connection c, String tenantId, CostLayout layout, String currency, long id,
                               List<CostRow> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, tenantId);
            ps.setString(2, layout.apiName());
            ps.setString(3, currency);
            ps.setLong(4, id);
            ps.setArray(5, c.createArrayOf("date", rows.stream().map(r -> Date.valueOf(r.day())).toArray()));
            ps.setArray(6, c.createArrayOf("text", rows.stream().map(CostRow::campaign).toArray()));
            ps.setArray(7, c.createArrayOf("text", rows.stream().map(CostRow::channel).toArray()));
            ps.setArray(8, c.createArrayOf("text", rows.stream().map(CostRow::sourceMedium).toArray()));
            ps.setArray(9, c.createArrayOf("numeric", rows.stream().map(CostRow::cost).toArray()));
            ps.setArray(10, c.createArrayOf("bigint", rows.stream().map(CostRow::clicks).toArray()));
            ps.setArray(11, c.createArrayOf("bigint", rows.stream().map(CostRow::impressions).toArray()));
            ps.executeUpdate();
        }
    }

    /**
     * Rows without a channel or source / medium take their campaign's most frequent one among its touchpoints
     * from {@value #LOOKBACK_DAYS} days before the file's first day to the end of its last (ties: the name first
     * in alphabetical order); a campaign without touchpoints: channel {@value #UNKNOWN_CHANNEL}, source / medium null.
     */
    private static List<CostRow> resolveKeys(Connection c, String tenantId, Tenant tenant, List<CostRow> rows)
            throws SQLException {
        Set<String> open = new TreeSet<>();
        LocalDate first = null;
        LocalDate last = null;
        for (CostRow r : rows) {
            if (r.channel() == null || r.sourceMedium() == null) {
                open.add(r.campaign());
            }
            first = first == null || r.day().isBefore(first) ? r.day() : first;
            last = last == null || r.day().isAfter(last) ? r.day() : last;
        }
        if (open.isEmpty()) {
            return rows;
        }
        Map<String, Map<String, Long>> channels = new HashMap<>();
        Map<String, Map<String, Long>> sources = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(TOUCH_KEYS)) {
            ps.setString(1, tenantId);
            ps.setObject(2, first.minusDays(LOOKBACK_DAYS).atStartOfDay(tenant.getTimeZone()).toInstant()
                    .atOffset(ZoneOffset.UTC));
            ps.setObject(3, last.plusDays(1).atStartOfDay(tenant.getTimeZone()).toInstant().atOffset(ZoneOffset.UTC));
            ps.setArray(4, c.createArrayOf("text", open.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String campaign = rs.getString(1);
                    String channel = rs.getString(2);
                    long n = rs.getLong(7);
                    channels.computeIfAbsent(campaign, k -> new HashMap<>()).merge(channel, n, Long::sum);
                    String sourceMedium = SourceMedium.of(rs.getString(3), rs.getString(4), rs.getString(6),
                            rs.getBoolean(5) ? "gclid" : null, channel);
                    sources.computeIfAbsent(campaign, k -> new HashMap<>()).merge(sourceMedium, n, Long::sum);
                }
            }
        }
        List<CostRow> resolved = new ArrayList<>(rows.size());
        for (CostRow r : rows) {
            String channel = r.channel() != null ? r.channel()
                    : mostFrequent(channels.get(r.campaign()), UNKNOWN_CHANNEL);
            String sourceMedium = r.sourceMedium() != null ? r.sourceMedium()
                    : mostFrequent(sources.get(r.campaign()), null);
            resolved.add(new CostRow(r.day(), r.campaign(), channel, sourceMedium, r.cost(), r.currency(), r.clicks(),
                    r.impressions()));
        }
        return resolved;
    }

    private static String mostFrequent(Map<String, Long> counts, String otherwise) {
        if (counts == null || counts.isEmpty()) {
            return otherwise;
        }
        return counts.entrySet().stream()
                .min((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey())
                        : Long.compare(b.getValue(), a.getValue()))
                .map(Map.Entry::getKey).orElse(otherwise);
    }

    private static CostImportReport read(ResultSet rs) throws SQLException {
        return new CostImportReport(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getInt(4),
                rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getObject(9, LocalDate.class),
                rs.getObject(10, LocalDate.class), rs.getInt(11), rs.getBigDecimal(12).setScale(2, RoundingMode.HALF_EVEN),
                rs.getString(13).strip(), RejectedRows.read(rs.getString(14)));
    }

    /** The rows read so far, added up per (day, campaign). */
    private static final class Upload {
        private final Map<String, CostRow> sums = new LinkedHashMap<>();

        void add(CostRow r) {
            sums.merge(r.day() + "\u0000" + r.campaign(), r, (a, b) -> new CostRow(a.day(), a.campaign(),
                    a.channel() != null ? a.channel() : b.channel(),
                    a.sourceMedium() != null ? a.sourceMedium() : b.sourceMedium(), a.cost().add(b.cost()),
                    a.currency(), sum(a.clicks(), b.clicks()), sum(a.impressions(), b.impressions())));
        }

        Map<String, CostRow> rows() {
            return sums;
        }

        private static Long sum(Long a, Long b) {
            return a == null ? b : b == null ? a : a + b;
        }
    }
}
