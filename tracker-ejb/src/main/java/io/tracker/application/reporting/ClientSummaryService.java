package io.tracker.application.reporting;

import io.tracker.application.reporting.ClientSummary.SummaryKpis;
import io.tracker.application.reporting.ClientSummary.SummaryLine;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.attribution.AttributionModel;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what the current client's PDF summary shows ({@link ClientSummary}), through {@link ReportService}: the
 * same figures the dashboard and the report API give for the same query. Used by the dashboard's "PDF summary"
 * button and by the scheduled e-mails.
 */
@Stateless
@RequiresPermission(Permission.READ_REPORTS)
public class ClientSummaryService {

    @EJB
    private ReportService reports;

    @Inject
    private TenantConnections connections;

    /** The current client's name, time zone and currency. */
    public Client client() {
        try (Connection c = connections.forCurrentTenant();
             PreparedStatement ps = c.prepareStatement("select name, time_zone, currency from tenant where id = "
                     + "current_setting('" + TenantConnections.SETTING + "')");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("the current tenant has no row");
            }
            return new Client(rs.getString(1), ZoneId.of(rs.getString(2)), rs.getString(3).trim());
        } catch (SQLException e) {
            throw new IllegalStateException("reading the client failed: " + e.getMessage(), e);
        }
    }

    /**
     * The summary of a period.
     *
     * @param period    the days, in the client's time zone
     * @param compared  the days the KPIs' changes are against; null for none
     * @param against   what {@code compared} is, for the reader ({@code "vs previous period"}); ignored without it
     * @param model     the attribution table's model
     * @param dimension the attribution table's lines
     * @param channel   only this channel's credits (the dashboard's drill-down); null for all
     * @throws io.tracker.domain.shared.InvalidInputException for a period longer than
     *                                                        {@value ReportPeriod#MAX_DAYS} days
     */
    public ClientSummary summary(ReportPeriod period, ReportPeriod compared, String against, AttributionModel model,
                                 ReportDimension dimension, String channel) {
        Client client = client();
        SummaryKpis current = SummaryKpis.of(reports.kpis(period), reports.activity(period));
        SummaryKpis previous = compared == null ? null
                : SummaryKpis.of(reports.kpis(compared), reports.activity(compared));
        AttributionReport table = reports.attribution(model, period, dimension, null, channel);
        double total = table.totalConversions();
        List<SummaryLine> lines = new ArrayList<>();
        for (AttributionRow row : table.rows()) {
            lines.add(new SummaryLine(row.name() == null || row.name().isEmpty() ? "(no campaign)" : row.name(),
                    row.conversions(), row.revenue(), total == 0 ? 0 : row.conversions() / total));
        }
        return new ClientSummary(client.name(), period.from(), period.to(), period.zone().getId(), client.currency(),
                current, previous, compared == null ? "" : against, model, dimension, lines, total,
                table.totalRevenue());
    }

    /**
     * A client as its summary names it.
     *
     * @param name     the client's name
     * @param zone     its time zone: its days, and the hour scheduled summaries are sent at
     * @param currency ISO 4217 code of its amounts
     */
    public record Client(String name, ZoneId zone, String currency) {
    }
}
