package io.tracker.application.reporting.schedules;

import io.tracker.application.reporting.ClientSummary;
import io.tracker.application.reporting.ClientSummaryService;
import io.tracker.application.reporting.NumberFormats;
import io.tracker.application.reporting.ReportDimension;
import io.tracker.application.reporting.ReportLabels;
import io.tracker.application.reporting.ReportPeriod;
import io.tracker.application.reporting.SummaryPdf;
import io.tracker.application.tenant.CrossTenant;
import io.tracker.application.tenant.PlatformJob;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.attribution.AttributionModel;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * One pass of the summary e-mails for the current tenant: claims its due schedules ({@link ReportScheduleWork}),
 * and for each reads the summary of its period ({@link ClientSummaryService}, attribution by channel under the
 * schedule's model, KPIs compared with the period before), writes the PDF ({@link SummaryPdf}) and sends it
 * ({@link SummaryMailer}) with no transaction open, then records the outcome. Does nothing while SMTP is not
 * configured ({@link MailSettings}). Claims no new schedule after {@link #BUDGET} for one tenant.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReportMailRun {

    static final int CHUNK = 5;
    static final Duration BUDGET = Duration.ofSeconds(60);
    private static final Logger LOG = Logger.getLogger(ReportMailRun.class.getName());

    @EJB
    private ReportScheduleWork work;

    @EJB
    private ClientSummaryService summaries;

    @Inject
    private MailSettings mail;

    @Inject
    private TenantConnections connections;

    /**
     * Sends the current tenant's due summaries.
     *
     * @return what it did
     */
    @PlatformJob("the summary e-mail job sends each tenant's due summaries as that tenant")
    public Pass run() {
        Optional<MailSettings.Smtp> smtp = mail.smtp();
        if (smtp.isEmpty()) {
            return new Pass(0, 0);
        }
        int sent = 0;
        int failed = 0;
        Instant stop = Instant.now().plus(BUDGET);
        while (Instant.now().isBefore(stop)) {
            List<ReportScheduleWork.Due> due = work.claim(CHUNK);
            if (due.isEmpty()) {
                break;
            }
            for (ReportScheduleWork.Due d : due) {
                LocalDate[] days = d.period(Instant.now());
                try {
                    SummaryMailer.send(smtp.get(), mail(d, days));
                    work.recordSent(d, days[0], days[1]);
                    sent++;
                } catch (Exception e) {
                    // The server's answer (or the reason there was none) for the page; the password is in no message.
                    String error = smtp.get().where() + ": " + e;
                    work.recordFailed(d, error);
                    failed++;
                    LOG.warning(() -> "report schedule " + d.id() + " not sent, retried later: " + error);
                }
            }
        }
        return new Pass(sent, failed);
    }

    /** What a pass did: summaries sent, sends that failed (kept due, retried later). */
    public record Pass(int sent, int failed) {
    }

    /** The tenants with a due schedule ({@code report_schedule_tenants_due()}). */
    @CrossTenant("the summary e-mail job finds which tenants have due schedules before it works as each of them; "
            + "reads tenant ids only, through the function report_schedule_tenants_due")
    public List<String> tenantsDue() {
        List<String> tenants = new ArrayList<>();
        try (Connection c = connections.forCrossTenantFunctions();
             PreparedStatement ps = c.prepareStatement("select tenant_id from report_schedule_tenants_due()");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tenants.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("finding the tenants with due report schedules failed: " + e.getMessage(),
                    e);
        }
        return tenants;
    }

    /** Whether SMTP is configured: the scheduler does not even look for due schedules without it. */
    @CrossTenant("reads Tracker's own mail settings, no tenant data")
    public boolean mailConfigured() {
        return mail.configured();
    }

    private SummaryMailer.Mail mail(ReportScheduleWork.Due d, LocalDate[] days) {
        ReportFrequency f = d.frequency();
        LocalDate[] before = f.comparison(days[0]);
        ClientSummary s = summaries.summary(new ReportPeriod(days[0], days[1], d.zone()),
                new ReportPeriod(before[0], before[1], d.zone()), f.against(), AttributionModel.fromApiName(d.model()),
                ReportDimension.CHANNEL, null);
        byte[] pdf = SummaryPdf.write(s);
        return new SummaryMailer.Mail(d.recipients(), s.client() + ": summary " + s.from() + " to " + s.to(),
                text(s, d), SummaryPdf.fileName(s.client(), s.from(), s.to()), pdf);
    }

    /** The message's text: the headline figures (the PDF has the rest) and why it was sent. */
    static String text(ClientSummary s, ReportScheduleWork.Due d) {
        ClientSummary.SummaryKpis k = s.current();
        ClientSummary.SummaryKpis p = s.previous();
        String when = d.frequency() == ReportFrequency.WEEKLY ? "every Monday" : "on the 1st of every month";
        return "The summary of " + s.client() + " for " + s.from() + " to " + s.to() + " (" + s.timeZone()
                + ", both days included) is attached.\n\n"
                + "Visits: " + NumberFormats.count(k.visits()) + change(k.visits(), p == null ? null : p.visits(), s) + "\n"
                + "Macro conversions: " + NumberFormats.count(k.conversions())
                + change(k.conversions(), p == null ? null : p.conversions(), s) + "\n"
                + "Conversion rate: " + NumberFormats.percent(k.conversionRate())
                + change(k.conversionRate(), p == null ? null : p.conversionRate(), s) + "\n"
                + "Revenue: " + NumberFormats.money(k.revenue(), s.currency())
                + change(k.revenue(), p == null ? null : p.revenue(), s) + "\n\n"
                + "Conversions are credited by the " + ReportLabels.MODELS.get(s.model()).toLowerCase(NumberFormats.LOCALE)
                + " model.\n\n"
                + "Tracker sends this summary " + when + " at " + String.format("%02d:00", d.sendHour()) + " ("
                + d.zone().getId() + ") to " + String.join(", ", d.recipients()) + ". An analyst or admin of "
                + s.client() + " can change or stop it on the Reports by e-mail page.\n";
    }

    private static String change(double now, Number before, ClientSummary s) {
        Double fraction = ClientSummary.SummaryKpis.change(now, before == null ? null : before.doubleValue());
        return fraction == null ? "" : " (" + NumberFormats.change(fraction) + " " + s.comparedAgainst() + ")";
    }
}
