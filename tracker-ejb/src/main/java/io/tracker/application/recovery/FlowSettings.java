package io.tracker.application.recovery;

import io.tracker.application.recovery.sms.TwilioSmsSender;
import io.tracker.domain.recovery.MessageTemplate;
import io.tracker.domain.recovery.QuietHours;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.Text;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link FlowChange} checked, with action keys resolved to the tenant's actions: what {@code recovery_flow}
 * stores. Every refusal is an {@link InvalidInputException} naming the field as the API spells it.
 */
record FlowSettings(String name, long triggerActionId, String triggerKey, long purchaseActionId, int waitMinutes,
                    BigDecimal minValue, QuietHours quietHours, List<RecoveryFlow.Step> steps, String sender,
                    String webhookUrl, String webhookSecret, String twilioAccountSid, String twilioAuthToken,
                    String twilioFrom, String twilioBaseUrl, int controlPercent, BigDecimal costPerMessage,
                    int recoveryWindowDays, int resendAfterDays, boolean enabled) {

    static final int MAX_STEPS = 3;
    static final int MAX_AFTER_MINUTES = 30 * 24 * 60;
    private static final JsonProvider JSON = JsonProvider.provider();

    /**
     * @param existingId the flow being replaced (its secrets may be left out), or null for a new one
     * @param generated  the webhook secret generated for a new flow that named none, or null
     */
    static FlowSettings read(FlowChange change, Connection c, Long existingId, String generated) throws SQLException {
        if (change == null) {
            throw new InvalidInputException("a JSON body is required: {\"name\", \"trigger_action\", \"wait_minutes\", "
                    + "\"steps\", \"webhook_url\" or \"twilio\", …}");
        }
        String name = required("name", change.name(), 200);
        String triggerKey = required("trigger_action", change.triggerAction(), 200);
        long trigger = action(c, "trigger_action", triggerKey);
        String purchaseKey = change.purchaseAction() == null || change.purchaseAction().isBlank()
                ? defaultAction(c) : change.purchaseAction().strip();
        long purchase = action(c, "purchase_action", purchaseKey);
        if (purchase == trigger) {
            throw new InvalidInputException("purchase_action must differ from trigger_action ('" + triggerKey + "')");
        }
        int wait = whole("wait_minutes", change.waitMinutes(), null, 1, 10_080);
        BigDecimal minValue = amount("min_value", change.minValue());
        QuietHours quiet = quietHours(change.quietFrom(), change.quietTo());
        List<RecoveryFlow.Step> steps = steps(change.steps(), wait);
        int control = whole("control_percent", change.controlPercent(), 0, 0, 100);
        BigDecimal cost = amount("cost_per_message", change.costPerMessage());
        int window = whole("recovery_window_days", change.recoveryWindowDays(), 7, 1, 60);
        int resend = whole("resend_after_days", change.resendAfterDays(), 7, 0, 365);
        boolean enabled = change.enabled() == null || change.enabled();

        FlowChange.TwilioChange twilio = change.twilio();
        boolean webhook = change.webhookUrl() != null && !change.webhookUrl().isBlank();
        if (webhook == (twilio != null)) {
            throw new InvalidInputException("give either webhook_url (with webhook_secret) for the client's SMS platform, "
                    + "or twilio {\"account_sid\", \"auth_token\", \"from\"}" + (webhook ? ", not both" : ""));
        }
        if (webhook) {
            String url = httpUrl("webhook_url", change.webhookUrl());
            Text.withoutNul("webhook_secret", change.webhookSecret());
            String secret = change.webhookSecret() == null || change.webhookSecret().isBlank() ? generated
                    : change.webhookSecret().strip();
            if (secret != null && (secret.length() < 16 || secret.length() > 200)) {
                throw new InvalidInputException("webhook_secret must be 16 to 200 characters (leave it out to have one "
                        + "generated)");
            }
            if (secret == null && existingId == null) {
                throw new InvalidInputException("webhook_secret is required");
            }
            return new FlowSettings(name, trigger, triggerKey, purchase, wait, minValue, quiet, steps, "WEBHOOK", url,
                    secret, null, null, null, null, control, cost, window, resend, enabled);
        }
        String sid = required("twilio.account_sid", twilio.accountSid(), 34);
        if (!sid.matches("AC[0-9a-fA-F]{32}")) {
            throw new InvalidInputException("twilio.account_sid must be AC followed by 32 hex digits");
        }
        Text.withoutNul("twilio.auth_token", twilio.authToken());
        String token = twilio.authToken() == null || twilio.authToken().isBlank() ? null : twilio.authToken().strip();
        if (token == null && existingId == null) {
            throw new InvalidInputException("twilio.auth_token is required");
        }
        String from = required("twilio.from", twilio.from(), 34);
        if (!from.matches("\\+[1-9][0-9]{6,14}|MG[0-9a-fA-F]{32}")) {
            throw new InvalidInputException("twilio.from must be an E.164 number (+15551230000) or a Messaging Service "
                    + "SID (MG followed by 32 hex digits)");
        }
        String base = twilio.baseUrl() == null || twilio.baseUrl().isBlank() ? null
                : httpUrl("twilio.base_url", twilio.baseUrl());
        return new FlowSettings(name, trigger, triggerKey, purchase, wait, minValue, quiet, steps, "TWILIO", null, null,
                sid, token, from, base, control, cost, window, resend, enabled);
    }

    /** The steps as stored: {@code [{"after_minutes":30,"message":"…"}]}. */
    String stepsJson() {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (RecoveryFlow.Step s : steps) {
            array.add(JSON.createObjectBuilder().add("after_minutes", s.afterMinutes()).add("message", s.message()));
        }
        return array.build().toString();
    }

    /** Reads stored steps. */
    static List<RecoveryFlow.Step> steps(String json) {
        List<RecoveryFlow.Step> steps = new ArrayList<>();
        try (var reader = JSON.createReader(new StringReader(json))) {
            JsonArray array = reader.readArray();
            for (JsonObject o : array.getValuesAs(JsonObject.class)) {
                steps.add(new RecoveryFlow.Step(o.getInt("after_minutes"), o.getString("message")));
            }
        }
        return List.copyOf(steps);
    }

    /** The default time zone of twilio's API when the flow names none. */
    URI twilioBase() {
        return twilioBaseUrl == null ? TwilioSmsSender.API : URI.create(twilioBaseUrl);
    }

    private static List<RecoveryFlow.Step> steps(List<FlowChange.StepChange> given, int wait) {
        if (given == null || given.isEmpty()) {
            throw new InvalidInputException("steps is required: 1 to " + MAX_STEPS + " texts, [{\"after_minutes\": 30, "
                    + "\"message\": \"Your cart is waiting: {link}\"}]");
        }
        if (given.size() > MAX_STEPS) {
            throw new InvalidInputException("steps holds " + given.size() + " texts; at most " + MAX_STEPS);
        }
        List<RecoveryFlow.Step> steps = new ArrayList<>();
        int previous = 0;
        for (int i = 0; i < given.size(); i++) {
            FlowChange.StepChange s = given.get(i);
            String field = "steps[" + i + "]";
            if (s == null) {
                throw new InvalidInputException(field + " must be an object {\"after_minutes\", \"message\"}");
            }
            int after = whole(field + ".after_minutes", s.afterMinutes(), null, 1, MAX_AFTER_MINUTES);
            if (i == 0 && after < wait) {
                throw new InvalidInputException(field + ".after_minutes (" + after + ") is before the cart is abandoned "
                        + "(wait_minutes " + wait + ")");
            }
            if (i > 0 && after <= previous) {
                throw new InvalidInputException(field + ".after_minutes (" + after + ") must be later than the step "
                        + "before (" + previous + ")");
            }
            Text.withoutNul(field + ".message", s.message());
            MessageTemplate template;
            try {
                template = MessageTemplate.parse(s.message());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(field + ".message: " + e.getMessage());
            }
            steps.add(new RecoveryFlow.Step(after, template.text()));
            previous = after;
        }
        return List.copyOf(steps);
    }

    private static QuietHours quietHours(String from, String to) {
        boolean hasFrom = from != null && !from.isBlank();
        boolean hasTo = to != null && !to.isBlank();
        if (!hasFrom && !hasTo) {
            return null;
        }
        if (hasFrom != hasTo) {
            throw new InvalidInputException("quiet_hours needs both \"from\" and \"to\" (HH:mm), such as "
                    + "{\"from\": \"21:00\", \"to\": \"08:00\"}");
        }
        try {
            QuietHours quiet = QuietHours.parse(from.strip(), to.strip());
            return quiet.from().equals(quiet.to()) ? null : quiet;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("quiet_hours: " + e.getMessage());
        }
    }

    private static long action(Connection c, String field, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id from conversion_action where action_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        List<String> keys = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select action_key from conversion_action order by action_key");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        throw new InvalidInputException(field + " " + Text.echo(key) + " is none of the client's conversion actions "
                + keys);
    }

    private static String defaultAction(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select default_action_key from tenant where id = current_setting('"
                + io.tracker.application.tenant.TenantConnections.SETTING + "')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field + " is required");
        }
        Text.withoutNul(field, value);
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidInputException(field + " is longer than " + max + " characters");
        }
        return v;
    }

    private static int whole(String field, Integer value, Integer otherwise, int min, int max) {
        if (value == null) {
            if (otherwise == null) {
                throw new InvalidInputException(field + " is required: a whole number from " + min + " to " + max);
            }
            return otherwise;
        }
        if (value < min || value > max) {
            throw new InvalidInputException(field + " must be from " + min + " to " + max + ", not " + value);
        }
        return value;
    }

    private static BigDecimal amount(String field, BigDecimal value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        if (value.signum() < 0 || value.compareTo(new BigDecimal("1000000")) >= 0 || value.scale() > 4) {
            throw new InvalidInputException(field + " must be from 0 to 999,999.9999 with at most 4 decimal places, not "
                    + value.toPlainString());
        }
        return value;
    }

    private static String httpUrl(String field, String value) {
        String v = required(field, value, 2048);
        try {
            URI uri = new URI(v);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && uri.getUserInfo() == null) {
                return uri.toString();
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        throw new InvalidInputException(field + " must be an absolute http(s) URL without user info, not " + Text.echo(v));
    }
}
