package io.tracker.interfaces.reporting.web;

import io.tracker.application.reporting.ReportLabels;
import io.tracker.application.reporting.schedules.ReportSchedule;
import io.tracker.application.reporting.schedules.ReportScheduleService;
import io.tracker.application.reporting.schedules.ScheduleChange;
import io.tracker.domain.attribution.AttributionModel;
import io.tracker.domain.shared.DomainException;
import io.tracker.interfaces.shared.web.Messages;
import io.tracker.interfaces.tenant.web.SignedInUser;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Backs {@code /app/report-emails.xhtml}: the client's scheduled e-mails of its PDF summary
 * ({@link ReportScheduleService}), with their next and last sends and the last error; analysts and agency admins add,
 * send now and delete (the service refuses anyone else). Says so when Tracker cannot send e-mail at all.
 */
@Named
@ViewScoped
public class ReportSchedulesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ReportScheduleService schedules;

    @Inject
    private SignedInUser user;

    /** The tenant the page was opened for (see {@code SignedInUser#isStill}). */
    private String tenantId;
    private List<ReportSchedule> rows = List.of();
    private String mailMissing = "";

    // The new schedule's form.
    private String recipients;
    private String frequency = "weekly";
    private AttributionModel model = AttributionModel.LAST_TOUCH;
    private int sendHour = ReportScheduleService.DEFAULT_HOUR;

    @PostConstruct
    public void init() {
        tenantId = user.getTenantId();
        load();
    }

    public void load() {
        if (!user.isStill(tenantId)) {
            Messages.error("You switched to another client in another window. Reload this page.");
            return;
        }
        rows = schedules.list();
        mailMissing = schedules.mailMissing();
    }

    /** Adds a schedule; the recipients are typed one per line or separated by commas. */
    public void create() {
        if (run(() -> schedules.create(new ScheduleChange(Arrays.stream((recipients == null ? "" : recipients)
                .split("[,;\\s]+")).filter(s -> !s.isBlank()).toList(), frequency, model.apiName(), sendHour)))) {
            Messages.info("Scheduled: the first summary goes out on the next "
                    + ("monthly".equals(frequency) ? "1st of a month" : "Monday") + " at " + hour(sendHour) + ".");
            recipients = null;
        }
    }

    public void sendNow(long id) {
        if (run(() -> schedules.sendNow(id))) {
            Messages.info("The latest complete period is being sent" + (mailMissing.isEmpty() ? "." : " once e-mail "
                    + "is configured."));
        }
    }

    public void delete(long id) {
        if (run(() -> schedules.delete(id))) {
            Messages.info("Deleted: no more summaries from that schedule.");
        }
    }

    private boolean run(Runnable change) {
        if (!user.isStill(tenantId)) {
            Messages.error("You switched to another client in another window. Reload this page.");
            return false;
        }
        try {
            change.run();
            load();
            return true;
        } catch (DomainException | EJBException e) {
            Messages.error(Messages.domainCause(e).orElseThrow(() -> e).getMessage());
            return false;
        }
    }

    /** {@code 7} → {@code "07:00"}. */
    public String hourText(int hour) {
        return hour(hour);
    }

    static String hour(int hour) {
        return String.format("%02d:00", hour);
    }

    public String recipientsText(ReportSchedule s) {
        return String.join(", ", s.recipients());
    }

    /** What a schedule sends, when. */
    public String frequencyText(ReportSchedule s) {
        return "weekly".equals(s.frequency()) ? "Weekly, Mondays: Monday to Sunday before"
                : "Monthly, the 1st: the previous month";
    }

    public String modelLabel(ReportSchedule s) {
        return ReportLabels.MODELS.get(AttributionModel.fromApiName(s.model()));
    }

    public List<ReportSchedule> getRows() {
        return rows;
    }

    /** Empty when Tracker can send e-mail; else what its operator has to set. */
    public String getMailMissing() {
        return mailMissing;
    }

    public List<AttributionModel> getModels() {
        return List.of(AttributionModel.values());
    }

    public String label(AttributionModel m) {
        return ReportLabels.MODELS.get(m);
    }

    public List<Integer> getHours() {
        return IntStream.range(0, 24).boxed().toList();
    }

    public String getRecipients() {
        return recipients;
    }

    public void setRecipients(String recipients) {
        this.recipients = recipients;
    }

    public String getFrequency() {
        return frequency;
    }

    public void setFrequency(String frequency) {
        this.frequency = frequency;
    }

    public AttributionModel getModel() {
        return model;
    }

    public void setModel(AttributionModel model) {
        this.model = model == null ? AttributionModel.LAST_TOUCH : model;
    }

    public int getSendHour() {
        return sendHour;
    }

    public void setSendHour(int sendHour) {
        this.sendHour = sendHour;
    }
}
