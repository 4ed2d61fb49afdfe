package io.tracker.application.audit;

import io.tracker.application.reporting.schedules.MailSettings;
import io.tracker.application.reporting.schedules.Recipients;
import io.tracker.application.shared.SqlArrays;
import io.tracker.application.tenant.AuditLog;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.audit.AlertCheck;
import io.tracker.domain.audit.TagHealthRules;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.Text;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The current client's alerts ({@code alert}) and alert settings ({@code alert_settings}). Reading needs
 * {@link Permission#READ_REPORTS}; changing the settings and muting need {@link Permission#EDIT_SETUP}: they decide
 * where the client's figures are sent.
 */
@Stateless
public class AlertService {

    static final int MAX_LISTED = 200;
    static final int MAX_ON_DASHBOARD = 10;
    static final int MAX_PATTERNS = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    static final String SELECT = "select id, check_name, subject, message, raised_at, resolved_at, notified from alert ";

    @Inject
    private TenantConnections connections;

    @Inject
    private MailSettings mail;

    @EJB
    private AuditLog audit;

    /**
     * The client's alerts, newest first, at most {@value #MAX_LISTED}.
     *
     * @param openOnly only those not resolved
     */
    @RequiresPermission(Permission.READ_REPORTS)
    public List<Alert> list(boolean openOnly) {
        try (Connection c = connections.forCurrentTenant();
             PreparedStatement ps = c.prepareStatement(SELECT + (openOnly ? "where resolved_at is null " : "")
                     + "order by raised_at desc, id desc limit " + MAX_LISTED)) {
            return read(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the alerts failed: " + e.getMessage(), e);
        }
    }

    /**
     * The open alerts for the dashboard's card, newest first, at most {@value #MAX_ON_DASHBOARD}; none while the
     * client muted alerts. One small query (the open alerts' partial index).
     */
    @RequiresPermission(Permission.READ_REPORTS)
    public List<Alert> forDashboard() {
        try (Connection c = connections.forCurrentTenant();
             PreparedStatement ps = c.prepareStatement(SELECT + "where resolved_at is null and not exists "
                     + "(select 1 from alert_settings s where s.muted) order by raised_at desc, id desc limit "
                     + MAX_ON_DASHBOARD)) {
            return read(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the open alerts failed: " + e.getMessage(), e);
        }
    }

    /** The client's alert settings (defaults when it saved none). */
    @RequiresPermission(Permission.READ_REPORTS)
    public AlertSettings settings() {
        try (Connection c = connections.forCurrentTenant()) {
            return settings(c, null);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the alert settings failed: " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the client's alert settings. A signing secret is generated with the first webhook URL and when
     * {@code newSecret} asks; the answer shows it, later ones never.
     *
     * @throws InvalidInputException naming {@code webhook_url}, {@code emails[i]}, {@code thank_you_patterns[i]}
     */
    @RequiresPermission(Permission.EDIT_SETUP)
    public AlertSettings save(AlertSettingsChange change) {
        if (change == null) {
            throw new InvalidInputException("a JSON body is required");
        }
        String url = webhookUrl(change.webhookUrl());
        List<String> emails = emails(change.emails());
        List<String> patterns = patterns(change.thankYouPatterns());
        try (Connection c = connections.forCurrentTenant()) {
            String secret = null;
            boolean hasSecret;
            try (PreparedStatement ps = c.prepareStatement("select webhook_secret is not null from alert_settings");
                 ResultSet rs = ps.executeQuery()) {
                hasSecret = rs.next() && rs.getBoolean(1);
            }
            if (Boolean.TRUE.equals(change.newSecret()) || (url != null && !hasSecret)) {
                secret = newSecret();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into alert_settings (tenant_id, muted, webhook_url, "
                    + "webhook_secret, emails, thank_you_patterns) values (current_setting('" + TenantConnections.SETTING
                    + "'), ?, ?, ?, ?, ?) on conflict (tenant_id) do update set muted = excluded.muted, "
                    + "webhook_url = excluded.webhook_url, webhook_secret = coalesce(excluded.webhook_secret, "
                    + "alert_settings.webhook_secret), emails = excluded.emails, "
                    + "thank_you_patterns = excluded.thank_you_patterns, updated_at = now()")) {
                ps.setBoolean(1, Boolean.TRUE.equals(change.muted()));
                ps.setString(2, url);
                ps.setString(3, secret);
                ps.setArray(4, SqlArrays.texts(c, emails));
                ps.setArray(5, patterns == null ? null : SqlArrays.texts(c, patterns));
                ps.executeUpdate();
            }
            audit.record("alert-settings.saved", "alerts", (Boolean.TRUE.equals(change.muted()) ? "muted, " : "")
                    + (url == null ? "no webhook" : "webhook " + URI.create(url).getHost()) + ", " + emails.size()
                    + " e-mail address(es)" + (secret != null ? ", new signing secret" : ""));
            return settings(c, secret);
        } catch (SQLException e) {
            throw new IllegalStateException("storing the alert settings failed: " + e.getMessage(), e);
        }
    }

    /** Mutes (or unmutes) the client's alerts: nothing delivered, nothing on the dashboard; still recorded. */
    @RequiresPermission(Permission.EDIT_SETUP)
    public AlertSettings mute(boolean muted) {
        try (Connection c = connections.forCurrentTenant()) {
            try (PreparedStatement ps = c.prepareStatement("insert into alert_settings (tenant_id, muted) values "
                    + "(current_setting('" + TenantConnections.SETTING + "'), ?) on conflict (tenant_id) do update "
                    + "set muted = excluded.muted, updated_at = now()")) {
                ps.setBoolean(1, muted);
                ps.executeUpdate();
            }
            audit.record(muted ? "alerts.muted" : "alerts.unmuted", "alerts", "");
            return settings(c, null);
        } catch (SQLException e) {
            throw new IllegalStateException("storing the alert settings failed: " + e.getMessage(), e);
        }
    }

    private AlertSettings settings(Connection c, String newSecret) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select muted, webhook_url, webhook_secret is not null, emails, "
                + "thank_you_patterns from alert_settings");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return new AlertSettings(false, null, null, false, List.of(), TagHealthRules.DEFAULT_THANK_YOU_PATTERNS,
                        mail.configured());
            }
            List<String> patterns = rs.getArray(5) == null ? TagHealthRules.DEFAULT_THANK_YOU_PATTERNS
                    : List.of((String[]) rs.getArray(5).getArray());
            return new AlertSettings(rs.getBoolean(1), rs.getString(2), newSecret, rs.getBoolean(3),
                    List.of((String[]) rs.getArray(4).getArray()), patterns, mail.configured());
        }
    }

    static List<Alert> read(PreparedStatement ps) throws SQLException {
        List<Alert> alerts = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Timestamp resolved = rs.getTimestamp(6);
                alerts.add(new Alert(rs.getLong(1), rs.getString(2), AlertCheck.labelOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                        resolved == null ? null : resolved.toInstant(), rs.getBoolean(7)));
            }
        }
        return alerts;
    }

    static String webhookUrl(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String url = given.strip();
        Text.withoutNul("webhook_url", url);
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (url.length() <= 2048 && (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
                    && uri.getUserInfo() == null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        throw new InvalidInputException("webhook_url: " + Text.echo(url)
                + " is not an absolute http(s) URL of at most 2048 characters (https://hooks.example/tracker)");
    }

    static List<String> emails(List<String> given) {
        if (given == null) {
            return List.of();
        }
        Map<String, String> unique = new LinkedHashMap<>();
        for (int i = 0; i < given.size(); i++) {
            String address = given.get(i) == null ? "" : given.get(i).strip();
            if (!Recipients.valid(address)) {
                throw new InvalidInputException("emails[" + i + "]: " + (address.isEmpty() ? "empty"
                        : Text.echo(address) + " is not an e-mail address (name@example.com)"));
            }
            unique.putIfAbsent(address.toLowerCase(Locale.ROOT), address);
        }
        if (unique.size() > Recipients.MAX) {
            throw new InvalidInputException("emails: " + unique.size() + " addresses; at most " + Recipients.MAX);
        }
        return new ArrayList<>(unique.values());
    }

    static List<String> patterns(List<String> given) {
        if (given == null) {
            return null;
        }
        if (given.isEmpty() || given.size() > MAX_PATTERNS) {
            throw new InvalidInputException("thank_you_patterns: give 1 to " + MAX_PATTERNS
                    + " patterns, or leave it out for the defaults " + TagHealthRules.DEFAULT_THANK_YOU_PATTERNS);
        }
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String p = given.get(i) == null ? "" : given.get(i).strip();
            if (p.replace("*", "").length() < 2 || p.length() > 200) {
                throw new InvalidInputException("thank_you_patterns[" + i + "]: give 2 to 200 characters besides *");
            }
            Text.withoutNul("thank_you_patterns[" + i + "]", p);
            patterns.add(p);
        }
        return patterns;
    }

    private static String newSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
