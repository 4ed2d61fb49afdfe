package io.tracker.interfaces.audit.web;

import io.tracker.application.audit.Alert;
import io.tracker.application.audit.AlertChecker;
import io.tracker.application.audit.AlertService;
import io.tracker.application.audit.AlertSettings;
import io.tracker.application.audit.AlertSettingsChange;
import io.tracker.application.audit.TagHealthReport;
import io.tracker.application.audit.TagHealthService;
import io.tracker.domain.audit.TagHealthRules;
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
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backs {@code /app/tag-health.xhtml}: the client's tag health now ({@link TagHealthService}), its alerts
 * ({@link AlertService}) and its alert settings; for analysts and agency admins, "check now", mute/unmute and the
 * settings form (webhook URL, e-mail addresses, thank-you patterns), the others see the settings read-only (the
 * services refuse them anyway). A webhook's signing secret is shown once, in the answer to the save that generated
 * it, as the API does. A refused save keeps the form's values and names the field in words.
 */
@Named
@ViewScoped
public class TagHealthBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The settings form's client id: its messages are shown in its card. */
    private static final String SETTINGS_FORM = "settings-form";
    /** An API field at the start of a refusal: {@code emails[1]: …}. */
    private static final Pattern FIELD = Pattern.compile("^(webhook_url|emails|thank_you_patterns)(?:\\[(\\d+)])?: ");

    @Inject
    private TagHealthService tagHealth;

    @Inject
    private AlertService alerts;

    @Inject
    private AlertChecker checker;

    @Inject
    private SignedInUser user;

    private String tenantId;
    private TagHealthReport report;
    private List<Alert> alertRows = List.of();
    private AlertSettings settings;

    // The settings form; the e-mail addresses one per line or separated by commas, the patterns one per line.
    private String webhookUrl;
    private String emails;
    private String patterns;
    private boolean newSecret;
    /** The signing secret the last save generated: shown until the page is left. */
    private String createdSecret;

    @PostConstruct
    public void init() {
        tenantId = user.getTenantId();
        load();
        fillForm();
    }

    public void load() {
        report = tagHealth.report(null);
        alertRows = alerts.list(false);
        settings = alerts.settings();
    }

    /** Runs the checks now. */
    public void checkNow() {
        if (run(() -> {
            int raised = checker.checkNow(null).size();
            Messages.info(raised == 0 ? "Checked: no new alert." : "Checked: " + raised + " new alert(s).");
        })) {
            load();
        }
    }

    public void mute(boolean muted) {
        if (run(() -> alerts.mute(muted))) {
            Messages.info(muted ? "Alerts muted: nothing is sent and the dashboard shows none."
                    : "Alerts unmuted.");
            load();
        }
    }

    /**
     * Saves the settings form; the mute state is kept as stored now. Patterns left empty mean the defaults
     * ({@link TagHealthRules#DEFAULT_THANK_YOU_PATTERNS}).
     */
    public void saveSettings() {
        createdSecret = null;
        if (!user.isStill(tenantId)) {
            Messages.errorFor(SETTINGS_FORM, "You switched to another client in another window. Reload this page.");
            return;
        }
        try {
            AlertSettings saved = alerts.save(new AlertSettingsChange(alerts.settings().muted(), webhookUrl,
                    split(emails, "[,;\\s]+"), patterns == null || patterns.isBlank() ? null
                    : split(patterns, "\\R"), newSecret));
            createdSecret = saved.webhookSecret();
        } catch (DomainException | EJBException e) {
            // Shown next to the form, whose values stay as typed.
            Messages.errorFor(SETTINGS_FORM, inWords(Messages.domainCause(e).orElseThrow(() -> e).getMessage()));
            return;
        }
        Messages.infoFor(SETTINGS_FORM, createdSecret == null ? "Alert settings saved."
                : "Alert settings saved. Copy the webhook's signing secret now: it is not shown again.");
        newSecret = false;
        load();
        fillForm();
    }

    private void fillForm() {
        webhookUrl = settings.webhookUrl();
        emails = String.join("\n", settings.emails());
        patterns = settings.thankYouPatterns().equals(TagHealthRules.DEFAULT_THANK_YOU_PATTERNS) ? ""
                : String.join("\n", settings.thankYouPatterns());
    }

    private static List<String> split(String text, String separators) {
        return text == null ? List.of() : Arrays.stream(text.split(separators)).map(String::strip)
                .filter(x -> !x.isEmpty()).toList();
    }

    /**
     * The service's message with the API field named as the form names it: {@code emails[1]: …} → "E-mail address
     * 2: …", {@code thank_you_patterns[0]: …} → "Thank-you pattern 1: …", {@code webhook_url: …} → "Webhook URL: …".
     */
    static String inWords(String message) {
        Matcher m = FIELD.matcher(message);
        if (!m.find()) {
            return message;
        }
        String index = m.group(2) == null ? "" : " " + (Integer.parseInt(m.group(2)) + 1);
        String field = switch (m.group(1)) {
            case "webhook_url" -> "Webhook URL";
            case "emails" -> index.isEmpty() ? "E-mail addresses" : "E-mail address" + index;
            default -> index.isEmpty() ? "Thank-you patterns" : "Thank-you pattern" + index;
        };
        return field + ": " + message.substring(m.end());
    }

    private boolean run(Runnable action) {
        if (!user.isStill(tenantId)) {
            Messages.error("You switched to another client in another window. Reload this page.");
            return false;
        }
        try {
            action.run();
            return true;
        } catch (DomainException | EJBException e) {
            Messages.error(Messages.domainCause(e).orElseThrow(() -> e).getMessage());
            return false;
        }
    }

    /** A domain as shown: "(no page URL)" for server hits. */
    public String domain(String domain) {
        return domain == null || domain.isEmpty() ? "(no page URL)" : domain;
    }

    /** A share 0..1 as "12.5%"; "–" without data. */
    public String share(Double share) {
        return share == null ? "–" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    public String baseline(double baseline) {
        return String.format(Locale.ROOT, "%.1f", baseline);
    }

    public TagHealthReport getReport() {
        return report;
    }

    public List<Alert> getAlerts() {
        return alertRows;
    }

    public AlertSettings getSettings() {
        return settings;
    }

    public String getWebhookUrl() {
        return webhookUrl;
    }

    public void setWebhookUrl(String webhookUrl) {
        this.webhookUrl = webhookUrl;
    }

    public String getEmails() {
        return emails;
    }

    public void setEmails(String emails) {
        this.emails = emails;
    }

    public String getPatterns() {
        return patterns;
    }

    public void setPatterns(String patterns) {
        this.patterns = patterns;
    }

    public boolean isNewSecret() {
        return newSecret;
    }

    public void setNewSecret(boolean newSecret) {
        this.newSecret = newSecret;
    }

    public String getCreatedSecret() {
        return createdSecret;
    }

    /** A list as shown: "a, b"; "none" when empty. */
    public String listed(List<String> items) {
        return items == null || items.isEmpty() ? "none" : String.join(", ", items);
    }

    /** The default thank-you patterns, for the form's hint. */
    public String getDefaultPatterns() {
        return String.join(", ", TagHealthRules.DEFAULT_THANK_YOU_PATTERNS);
    }

    public boolean isMayEditSetup() {
        return user.isMayEditSetup();
    }
}
