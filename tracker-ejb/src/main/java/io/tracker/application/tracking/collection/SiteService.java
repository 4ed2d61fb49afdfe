package io.tracker.application.tracking.collection;

import io.tracker.application.tenant.AuditLog;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.Text;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The current tenant's websites (table {@code site}): each has a public site key for the tag snippet,
 * its host names and whether it requires consent before the tag sets a cookie.
 */
@Stateless
public class SiteService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern HOST = Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    @Inject
    private TenantConnections connections;

    @EJB
    private AuditLog audit;

    /**
     * Adds a website with a new public site key ({@code site_} and 22 random base64url characters).
     *
     * @param domains host names such as {@code shop.example} (lower-cased; no scheme, port or path)
     * @throws InvalidInputException for a blank name or a domain that is no host name
     */
    @RequiresPermission(Permission.EDIT_SETUP)
    public Site create(String name, List<String> domains, boolean consentRequired) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidInputException("a site needs a name of at most 200 characters");
        }
        Text.withoutNul("name", name);
        Set<String> hosts = new LinkedHashSet<>();
        for (String d : domains) {
            String host = d == null ? "" : d.strip().toLowerCase(Locale.ROOT);
            if (!HOST.matcher(host).matches()) {
                throw new InvalidInputException("domain " + Text.echo(d) + " is not a host name such as shop.example");
            }
            hosts.add(host);
        }
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String key = "site_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try (Connection c = connections.forCurrentTenant();
             PreparedStatement ps = c.prepareStatement("insert into site (tenant_id, name, domains, site_key, "
                     + "consent_required) values (current_setting('" + TenantConnections.SETTING + "'), ?, ?, ?, ?) "
                     + "returning id, created_at")) {
            ps.setString(1, name.strip());
            ps.setArray(2, c.createArrayOf("text", hosts.toArray(new String[0])));
            ps.setString(3, key);
            ps.setBoolean(4, consentRequired);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Site site = new Site(rs.getLong(1), name.strip(), List.copyOf(hosts), key, consentRequired,
                        rs.getTimestamp(2).toInstant());
                audit.record("site.created", site.name(), String.join(",", hosts)
                        + (consentRequired ? ", consent required" : ", no consent required"));
                return site;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storing the site failed: " + e.getMessage(), e);
        }
    }

    /** The tenant's sites, oldest first. */
    @RequiresPermission({Permission.READ_REPORTS, Permission.INGEST, Permission.EDIT_SETUP})
    public List<Site> list() {
        List<Site> sites = new ArrayList<>();
        try (Connection c = connections.forCurrentTenant();
             PreparedStatement ps = c.prepareStatement("select id, name, domains, site_key, consent_required, created_at "
                     + "from site order by id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Timestamp created = rs.getTimestamp(6);
                sites.add(new Site(rs.getLong(1), rs.getString(2), List.of((String[]) rs.getArray(3).getArray()),
                        rs.getString(4), rs.getBoolean(5), created.toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the sites failed: " + e.getMessage(), e);
        }
        return sites;
    }
}
