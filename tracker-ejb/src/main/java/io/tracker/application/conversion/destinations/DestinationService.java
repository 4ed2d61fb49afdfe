package io.tracker.application.conversion.destinations;

import io.tracker.application.tenant.AuditLog;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.conversion.export.Platform;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.Text;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The current tenant's destinations: per platform the settings the uploader and the files use, the mapping of
 * Tracker's conversion actions to the platform's names, and the results kept per row and per request.
 *
 * <p>Analysts and agency admins change settings ({@link Permission#EDIT_SETUP}, audited without the tokens);
 * every member reads them. The access token and the Google Ads developer token are write-only: stored as given,
 * never returned by any method here (only whether they are set), and kept when a change leaves them empty.
 */
@Stateless
public class DestinationService {

    static final int MAX_NAME = 200;
    static final int MAX_TOKEN = 4096;
    static final int MAX_RESULTS = 50_000;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Set<String> STATUSES = Set.of("ACCEPTED", "FAILED", "INVALID", "RETRY");

    @Inject
    private TenantConnections connections;

    @EJB
    private AuditLog audit;

    /** The destination's settings (defaults when the tenant saved none: disabled, no mapping). */
    @RequiresPermission({Permission.READ_REPORTS, Permission.EDIT_SETUP})
    public DestinationSettings settings(Platform platform) {
        try (Connection c = connections.forCurrentTenant()) {
            return read(c, platform);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the destination failed: " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the destination's settings and action mapping.
     *
     * @throws InvalidInputException naming the field: an account id that is not the platform's kind of id (Google
     *                               Ads: the customer id's digits, dashes allowed; Meta: the pixel id's digits),
     *                               missing while enabled (Google Ads, Meta); an endpoint that is not an http(s)
     *                               URL; a schedule outside 5 to 10,080 minutes; an action key the tenant does not
     *                               have or given twice; a name empty or longer than 200 characters
     */
    @RequiresPermission(Permission.EDIT_SETUP)
    public DestinationSettings save(Platform platform, DestinationChange change) {
        if (change == null) {
            throw new InvalidInputException("the destination's settings are required");
        }
        boolean enabled = change.enabled() == null || change.enabled();
        String account = account(platform, change.accountId());
        if (enabled && account == null && platform != Platform.MICROSOFT_ADS) {
            throw new InvalidInputException("account_id is required to enable " + PlatformNames.label(platform) + ": "
                    + (platform == Platform.META ? "the pixel (dataset) id" : "the customer id"));
        }
        String login = blank(change.loginCustomerId()) ? null : digits("login_customer_id", change.loginCustomerId());
        String endpoint = endpoint(change.endpoint());
        String accessToken = token("access_token", change.accessToken());
        String developerToken = token("developer_token", change.developerToken());
        Integer every = change.uploadEveryMinutes();
        if (every != null && (every < 5 || every > 10_080)) {
            throw new InvalidInputException("upload_every_minutes must be from 5 to 10080 (a week), or null for on demand only");
        }
        List<ActionMapping> actions = change.actions() == null ? List.of() : change.actions();
        try (Connection c = connections.forCurrentTenant()) {
            List<long[]> mapped = new ArrayList<>();
            List<String> names = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (ActionMapping a : actions) {
                if (a == null || blank(a.action())) {
                    throw new InvalidInputException("each of actions needs an action (a conversion action key)");
                }
                String key = a.action().trim();
                if (!seen.add(key)) {
                    throw new InvalidInputException("actions names " + Text.echo(key) + " twice");
                }
                String name = a.name() == null ? "" : a.name().trim();
                if (name.isEmpty() || name.length() > MAX_NAME) {
                    throw new InvalidInputException("the name of action " + Text.echo(key) + " must be 1 to " + MAX_NAME
                            + " characters: the conversion's name at " + PlatformNames.label(platform));
                }
                mapped.add(new long[] {actionId(c, key)});
                names.add(name);
            }
            try (PreparedStatement ps = c.prepareStatement("insert into destination (tenant_id, platform, enabled, account_id, "
                    + "login_customer_id, endpoint, access_token, developer_token, upload_every_minutes, updated_at) "
                    + "values (current_setting('" + TenantConnections.SETTING + "'), ?, ?, ?, ?, ?, ?, ?, ?, now()) "
                    + "on conflict (tenant_id, platform) do update set enabled = excluded.enabled, "
                    + "account_id = excluded.account_id, login_customer_id = excluded.login_customer_id, "
                    + "endpoint = excluded.endpoint, "
                    + "access_token = coalesce(excluded.access_token, destination.access_token), "
                    + "developer_token = coalesce(excluded.developer_token, destination.developer_token), "
                    + "upload_every_minutes = excluded.upload_every_minutes, updated_at = now()")) {
                ps.setString(1, platform.name());
                ps.setBoolean(2, enabled);
                ps.setString(3, account);
                ps.setString(4, login);
                ps.setString(5, endpoint);
                ps.setString(6, accessToken);
                ps.setString(7, developerToken);
                ps.setObject(8, every);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("delete from destination_action where platform = ?")) {
                ps.setString(1, platform.name());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into destination_action (tenant_id, platform, action_id, "
                    + "platform_name) values (current_setting('" + TenantConnections.SETTING + "'), ?, ?, ?)")) {
                for (int i = 0; i < mapped.size(); i++) {
                    ps.setString(1, platform.name());
                    ps.setLong(2, mapped.get(i)[0]);
                    ps.setString(3, names.get(i));
                    ps.addBatch();
                }
                if (!mapped.isEmpty()) {
                    ps.executeBatch();
                }
            }
            audit.record("destination.updated", PlatformNames.path(platform), (enabled ? "enabled" : "disabled")
                    + (account == null ? "" : ", account " + account)
                    + (endpoint == null ? "" : ", endpoint " + endpoint)
                    + (every == null ? ", on demand" : ", every " + every + " min")
                    + ", " + mapped.size() + " action(s)"
                    + (accessToken != null ? ", access token replaced" : "")
                    + (developerToken != null ? ", developer token replaced" : ""));
            return read(c, platform);
        } catch (SQLException e) {
            throw new IllegalStateException("storing the destination failed: " + e.getMessage(), e);
        }
    }

    /**
     * The rows' latest results at the destination, newest first.
     *
     * @param status ACCEPTED, FAILED, INVALID or RETRY (any case), or null for all
     * @param limit  at most this many (1 to 50,000)
     * @throws InvalidInputException for another status
     */
    @RequiresPermission({Permission.READ_REPORTS, Permission.EDIT_SETUP})
    public List<UploadResult> results(Platform platform, String status, int limit) {
        String s = blank(status) ? null : status.trim().toUpperCase(Locale.ROOT);
        if (s != null && !STATUSES.contains(s)) {
            throw new InvalidInputException("'status' must be accepted, failed, invalid or retry, not " + Text.echo(status));
        }
        try (Connection c = connections.forCurrentTenant();
             PreparedStatement ps = c.prepareStatement("select u.kind, u.item_id, coalesce(a.conversion_id, u.item_id), "
                     + "coalesce(cv.order_id, a.order_id), u.status, u.error, u.attempts, u.request_id, u.updated_at "
                     + "from destination_upload u "
                     + "left join conversion cv on u.kind = 'CONVERSION' and cv.tenant_id = u.tenant_id and cv.id = u.item_id "
                     + "left join conversion_adjustment a on u.kind = 'ADJUSTMENT' and a.tenant_id = u.tenant_id and a.id = u.item_id "
                     + "where u.platform = ? and (?::text is null or u.status = ?) "
                     + "order by u.updated_at desc, u.kind, u.item_id limit ?")) {
            ps.setString(1, platform.name());
            ps.setString(2, s);
            ps.setString(3, s);
            ps.setInt(4, Math.max(1, Math.min(MAX_RESULTS, limit)));
            List<UploadResult> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long request = rs.getLong(8);
                    Long requestId = rs.wasNull() ? null : request;
                    out.add(new UploadResult(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getInt(7), requestId, rs.getTimestamp(9).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the upload results failed: " + e.getMessage(), e);
        }
    }

    /** The latest requests sent to the destination, newest first (at most {@code limit}, 1 to 1,000). */
    @RequiresPermission({Permission.READ_REPORTS, Permission.EDIT_SETUP})
    public List<UploadRequest> requests(Platform platform, int limit) {
        try (Connection c = connections.forCurrentTenant();
             PreparedStatement ps = c.prepareStatement("select id, sent_at, rows, http_status, outcome "
                     + "from destination_request where platform = ? order by id desc limit ?")) {
            ps.setString(1, platform.name());
            ps.setInt(2, Math.max(1, Math.min(1000, limit)));
            List<UploadRequest> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int http = rs.getInt(4);
                    Integer status = rs.wasNull() ? null : http;
                    out.add(new UploadRequest(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getInt(3), status,
                            rs.getString(5)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the upload requests failed: " + e.getMessage(), e);
        }
    }

    static DestinationSettings read(Connection c, Platform platform) throws SQLException {
        List<ActionMapping> actions = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select a.action_key, d.platform_name from destination_action d "
                + "join conversion_action a on a.tenant_id = d.tenant_id and a.id = d.action_id "
                + "where d.platform = ? order by a.action_key")) {
            ps.setString(1, platform.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    actions.add(new ActionMapping(rs.getString(1), rs.getString(2)));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("select enabled, account_id, login_customer_id, endpoint, "
                + "access_token is not null, developer_token is not null, upload_every_minutes, last_upload_at "
                + "from destination where platform = ?")) {
            ps.setString(1, platform.name());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new DestinationSettings(PlatformNames.path(platform), false, false, null, null, null, false,
                            false, null, null, List.of());
                }
                int every = rs.getInt(7);
                Integer uploadEvery = rs.wasNull() ? null : every;
                Timestamp last = rs.getTimestamp(8);
                return new DestinationSettings(PlatformNames.path(platform), true, rs.getBoolean(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getBoolean(6), uploadEvery,
                        last == null ? null : last.toInstant(), List.copyOf(actions));
            }
        }
    }

    private static long actionId(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id from conversion_action where action_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new InvalidInputException("actions: " + Text.echo(key) + " is not one of the client's conversion actions");
                }
                return rs.getLong(1);
            }
        }
    }

    private static String account(Platform platform, String text) {
        if (blank(text)) {
            return null;
        }
        return switch (platform) {
            case GOOGLE_ADS -> digits("account_id", text.trim().replace("-", ""));
            case META -> digits("account_id", text);
            case MICROSOFT_ADS -> {
                if (!ACCOUNT.matcher(text.trim()).matches()) {
                    throw new InvalidInputException("account_id must be the Microsoft Advertising account id (letters, digits), not "
                            + Text.echo(text));
                }
                yield text.trim();
            }
        };
    }

    private static String digits(String field, String text) {
        String t = text.trim().replace("-", "");
        if (!DIGITS.matcher(t).matches()) {
            throw new InvalidInputException(field + " must be the account's id in digits (dashes allowed), not " + Text.echo(text));
        }
        return t;
    }

    private static String endpoint(String text) {
        if (blank(text)) {
            return null;
        }
        String t = text.trim();
        try {
            URI uri = new URI(t);
            if (t.length() > 2048 || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                throw new URISyntaxException(t, "not an http(s) base URL");
            }
        } catch (URISyntaxException e) {
            throw new InvalidInputException("endpoint must be an http(s) URL without query (at most 2048 characters), "
                    + "or empty for the platform's own, not " + Text.echo(text));
        }
        return t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
    }

    private static String token(String field, String text) {
        if (blank(text)) {
            return null;
        }
        String t = text.trim();
        if (t.length() > MAX_TOKEN || t.chars().anyMatch(ch -> ch < 0x21 || ch > 0x7e)) {
            throw new InvalidInputException(field + " must be at most " + MAX_TOKEN + " printable ASCII characters without spaces");
        }
        return t;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
