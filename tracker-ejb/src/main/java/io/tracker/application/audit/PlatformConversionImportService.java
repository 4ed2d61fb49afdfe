package io.tracker.application.audit;

import io.tracker.application.shared.ExportCsv;
import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.application.tenant.TenantService;
import io.tracker.domain.audit.AdPlatform;
import io.tracker.domain.audit.PlatformLayout;
import io.tracker.domain.audit.PlatformRow;
import io.tracker.domain.audit.PlatformRowReader;
import io.tracker.domain.audit.RowException;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.tenant.Permission;
import io.tracker.domain.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports the conversions an advertising platform reports per campaign per day, from its CSV export
 * ({@link PlatformLayout} says which columns are read, {@link PlatformRowReader} how).
 *
 * <p>Rows of the same campaign and day in one file are added up ({@link PlatformRow#plus}: a sum reaching 10^12,
 * or a value in another currency, rejects the later row instead of failing the upload). Each (platform, day,
 * campaign) is stored once: a re-import replaces the stored row of the same key and keeps the others. The day is the report's own (the platform
 * account's time zone), not converted.
 */
@Stateless
@RequiresPermission(Permission.INGEST)
public class PlatformConversionImportService {

    private static final String UPSERT = "insert into platform_conversion as p (tenant_id, platform, day, campaign, "
            + "conversions, value, currency, basis, import_id) "
            + "select ?, ?, u.day, u.campaign, u.conversions, u.value, u.currency, u.basis, ? "
            + "from unnest(?::date[], ?::text[], ?::numeric[], ?::numeric[], ?::text[], ?::text[]) "
            + "as u(day, campaign, conversions, value, currency, basis) "
            + "on conflict (tenant_id, platform, day, campaign) do update set conversions = excluded.conversions, "
            + "value = excluded.value, currency = excluded.currency, basis = excluded.basis, imported_at = now(), "
            + "import_id = excluded.import_id returning (xmax <> 0)";

    @Inject
    private TenantConnections connections;

    @Inject
    private CurrentTenant currentTenant;

    @EJB
    private TenantService tenants;

    /**
     * Imports a platform's report.
     *
     * @param platform {@code google_ads}, {@code microsoft_ads}, {@code meta}, or null/blank to detect it from the
     *                 header line
     * @throws InvalidInputException for an unknown platform, no header line, or a file that is not CSV
     */
    public AccuracyImportReport importCsv(InputStream csv, Charset charset, String platform) {
        AdPlatform wanted;
        try {
            wanted = AdPlatform.parse(platform).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        Tenant tenant = tenants.current();
        ExportCsv.Tally tally = new ExportCsv.Tally();
        Map<String, PlatformRow> rows = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(tenant.getTimeZone());
        PlatformRowReader reader = ExportCsv.read(csv, charset, tally, cells -> PlatformLayout.header(cells, wanted)
                        .map(h -> new PlatformRowReader(h, tenant.getCurrency().getCurrencyCode(), today)),
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
                        PlatformRow row = r.read(cells);
                        String key = row.day() + "\u0000" + row.campaign();
                        PlatformRow earlier = rows.get(key);
                        rows.put(key, earlier == null ? row : earlier.plus(row));
                    } catch (RowException e) {
                        tally.reject(line, e.column(), e.getMessage());
                    }
                }, wanted == null ? "the columns of a Google Ads, Microsoft Advertising or Meta Ads Manager campaign "
                        + "report by day with conversions" : "the " + wanted.label() + " columns "
                        + PlatformLayout.of(wanted).requiredColumns());
        return store(reader.header().layout().platform(), tally, List.copyOf(rows.values()));
    }

    /** An earlier upload's report. */
    public AccuracyImportReport report(long id) {
        return AccuracyImports.one(connections, AccuracyImports.PLATFORM_CONVERSIONS, id);
    }

    private AccuracyImportReport store(AdPlatform platform, ExportCsv.Tally tally, List<PlatformRow> rows) {
        try (Connection c = connections.forCurrentTenant()) {
            long id = AccuracyImports.start(c, AccuracyImports.PLATFORM_CONVERSIONS, platform.apiName(),
                    currentTenant.actor());
            int replaced = 0;
            if (!rows.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                    ps.setString(1, currentTenant.require());
                    ps.setString(2, platform.apiName());
                    ps.setLong(3, id);
                    ps.setArray(4, c.createArrayOf("date", rows.stream().map(r -> Date.valueOf(r.day())).toArray()));
                    ps.setArray(5, c.createArrayOf("text", rows.stream().map(PlatformRow::campaign).toArray()));
                    ps.setArray(6, c.createArrayOf("numeric", rows.stream().map(PlatformRow::conversions).toArray()));
                    ps.setArray(7, c.createArrayOf("numeric", rows.stream().map(PlatformRow::value).toArray()));
                    ps.setArray(8, c.createArrayOf("text", rows.stream().map(PlatformRow::currency).toArray()));
                    ps.setArray(9, c.createArrayOf("text", rows.stream().map(r -> r.basis().name()).toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            replaced += rs.getBoolean(1) ? 1 : 0;
                        }
                    }
                }
            }
            return AccuracyImports.finish(c, id, tally, rows.size(), replaced,
                    rows.stream().map(PlatformRow::day).min(LocalDate::compareTo).orElse(null),
                    rows.stream().map(PlatformRow::day).max(LocalDate::compareTo).orElse(null));
        } catch (SQLException e) {
            throw new IllegalStateException("storing the platform conversions failed: " + e.getMessage(), e);
        }
    }
}
