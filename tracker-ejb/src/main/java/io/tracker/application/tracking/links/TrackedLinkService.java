package io.tracker.application.tracking.links;

import io.tracker.application.tenant.AuditLog;
import io.tracker.application.tenant.CrossTenant;
import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.application.tracking.collection.Site;
import io.tracker.application.tracking.collection.SiteService;
import io.tracker.domain.campaign.DefaultChannelGrouping;
import io.tracker.domain.campaign.TrackedLinkRedirect;
import io.tracker.domain.campaign.TrafficSignals;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.NotFoundException;
import io.tracker.domain.shared.Text;
import io.tracker.domain.tenant.Permission;
import io.tracker.domain.tracking.QueryParameters;
import io.tracker.domain.tracking.Utm;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The current tenant's tracked links ({@code tracked_link}): made for one of its campaigns, leading to
 * a page of one of its websites, opened as {@code /c/<code>}.
 *
 * <p>A link's UTM values are written into its destination's query when it is made, so that the landing
 * page carries the campaign whatever sends the visitor there: a value given for the link wins over the
 * same key in the destination, the destination's wins over the campaign's, and the campaign's
 * {@code utm_source}, {@code utm_medium} and {@code utm_campaign} fill keys neither has. Codes are
 * {@value #CODE_LENGTH} random base62 characters, unique over all tenants and never reused.
 */
@Stateless
public class TrackedLinkService {

    static final int CODE_LENGTH = 8;
    private static final int MAX_DESTINATION = 4096;
    private static final int MAX_UTM = 500;
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String LIST = "select l.id, l.code, l.campaign_id, c.name, l.channel, l.utm_source, l.utm_medium, "
            + "l.utm_campaign, l.utm_term, l.utm_content, l.destination, l.created_at, l.created_by, l.archived_at, "
            + "(select count(*) from link_click k where k.tenant_id = l.tenant_id and k.link_id = l.id) "
            + "from tracked_link l join campaign c on c.tenant_id = l.tenant_id and c.id = l.campaign_id ";

    @Inject
    private TenantConnections connections;

    @Inject
    private CurrentTenant currentTenant;

    @Inject
    private TrackedLinkCodes codes;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @EJB
    private SiteService sites;

    @EJB
    private AuditLog audit;

    /**
     * Makes a link.
     *
     * @param campaignId  one of the tenant's campaigns
     * @param destination an absolute http(s) URL whose host is one of the tenant's website domains or a
     *                    subdomain of one (no open redirect), at most {@value #MAX_DESTINATION} characters
     * @param utm         the link's UTM values (null or blank: not given), see the class comment
     * @throws InvalidInputException naming what is wrong (unknown campaign, destination not allowed…)
     */
    @RequiresPermission(Permission.EDIT_SETUP)
    public TrackedLink create(Long campaignId, String destination, Utm utm) {
        if (campaignId == null) {
            throw new InvalidInputException("campaign is required: the id of one of the client's campaigns");
        }
        if (destination == null || destination.isBlank()) {
            throw new InvalidInputException("destination is required: an absolute URL on one of the client's websites");
        }
        Text.withoutNul("destination", destination);
        if (destination.length() > MAX_DESTINATION) {
            throw new InvalidInputException("destination is longer than " + MAX_DESTINATION + " characters");
        }
        Utm given = utm == null ? Utm.NONE : utm;
        for (String value : new String[] {given.source(), given.medium(), given.campaign(), given.term(), given.content()}) {
            Text.withoutNul("UTM value", value);
            if (value != null && value.length() > MAX_UTM) {
                throw new InvalidInputException("a UTM value is longer than " + MAX_UTM + " characters");
            }
        }
        Set<String> domains = new HashSet<>();
        for (Site s : sites.list()) {
            domains.addAll(s.domains());
        }
        if (domains.isEmpty()) {
            throw new InvalidInputException("the client has no website yet: add one (with its domains) before making links");
        }
        String checked;
        try {
            checked = TrackedLinkRedirect.checkDestination(destination, domains).toString();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }

        try (Connection c = connections.forCurrentTenant()) {
            String campaignName;
            Utm campaignUtm;
            try (PreparedStatement ps = c.prepareStatement(
                    "select name, utm_source, utm_medium, utm_campaign from campaign where id = ?")) {
                ps.setLong(1, campaignId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new InvalidInputException("campaign " + campaignId + " is not one of the client's campaigns");
                    }
                    campaignName = rs.getString(1);
                    campaignUtm = new Utm(rs.getString(2), rs.getString(3), rs.getString(4), null, null);
                }
            }
            String stored = TrackedLinkRedirect.withUtm(checked, utmValues(given, Utm.fromQuery(QueryParameters.of(checked)),
                    campaignUtm));
            if (stored.length() > MAX_DESTINATION) {
                throw new InvalidInputException("destination with the UTM values is longer than " + MAX_DESTINATION
                        + " characters");
            }
            Utm linkUtm = Utm.fromQuery(QueryParameters.of(stored));
            String channel = DefaultChannelGrouping.classify(new TrafficSignals(null, linkUtm.source(), linkUtm.medium(),
                    null, null, null, null, null, null, null, null));
            for (int attempt = 0; attempt < 5; attempt++) {
                String code = newCode();
                try (PreparedStatement ps = c.prepareStatement("insert into tracked_link (tenant_id, code, campaign_id, "
                        + "channel, utm_source, utm_medium, utm_campaign, utm_term, utm_content, destination, created_by) "
                        + "values (current_setting('" + TenantConnections.SETTING + "'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "on conflict do nothing returning id, created_at")) {
                    int p = 1;
                    ps.setString(p++, code);
                    ps.setLong(p++, campaignId);
                    ps.setString(p++, channel);
                    ps.setString(p++, linkUtm.source());
                    ps.setString(p++, linkUtm.medium());
                    ps.setString(p++, linkUtm.campaign());
                    ps.setString(p++, linkUtm.term());
                    ps.setString(p++, linkUtm.content());
                    ps.setString(p++, stored);
                    ps.setString(p, currentTenant.actor());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            continue; // the code is taken (one chance in ~10^14 per link): draw another
                        }
                        TrackedLink link = new TrackedLink(rs.getLong(1), code, campaignId, campaignName, channel,
                                linkUtm.source(), linkUtm.medium(), linkUtm.campaign(), linkUtm.term(),
                                linkUtm.content(), stored, rs.getTimestamp(2).toInstant(), currentTenant.actor(), null, 0);
                        forgetWhenDone(code);
                        audit.record("link.created", code, campaignName + " → " + stored);
                        return link;
                    }
                }
            }
            throw new IllegalStateException("no free link code after 5 attempts");
        } catch (SQLException e) {
            throw new IllegalStateException("storing the link failed: " + e.getMessage(), e);
        }
    }

    /** The tenant's links, newest first, archived ones included, with their click counts. */
    @RequiresPermission(Permission.READ_REPORTS)
    public List<TrackedLink> list() {
        List<TrackedLink> links = new ArrayList<>();
        try (Connection c = connections.forCurrentTenant();
             PreparedStatement ps = c.prepareStatement(LIST + "order by l.id desc");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                links.add(read(rs));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the links failed: " + e.getMessage(), e);
        }
        return links;
    }

    /**
     * Archives a link: {@code /c/<code>} answers 404 from now on (on other servers within
     * {@value TrackedLinkCodes#FOUND_TTL_SECONDS} seconds). Archiving an archived link changes nothing.
     *
     * @throws NotFoundException when the code is not one of the tenant's links (another tenant's code
     *                           is "not found", never "forbidden")
     */
    @RequiresPermission(Permission.EDIT_SETUP)
    public TrackedLink archive(String code) {
        try (Connection c = connections.forCurrentTenant()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "update tracked_link set archived_at = now() where code = ? and archived_at is null")) {
                ps.setString(1, code);
                if (ps.executeUpdate() == 1) {
                    audit.record("link.archived", code, null);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(LIST + "where l.code = ?")) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException("no link " + Text.echo(code));
                    }
                    forgetWhenDone(code);
                    return read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("archiving the link failed: " + e.getMessage(), e);
        }
    }

    /**
     * The link with this code, for the redirect ({@code /c/<code>}), archived ones included; cached
     * ({@link TrackedLinkCodes}).
     *
     * @return empty for a malformed or unknown code
     */
    @CrossTenant("the redirect /c/{code} learns the tenant from the code: reads one link's tenant, id, destination "
            + "and state through the function tracked_link_by_code, nothing else")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<LinkTarget> findByCode(String code) {
        return codes.find(code);
    }

    /** The values to write into the destination: given ones; the campaign's where neither has one. */
    private static Map<String, String> utmValues(Utm given, Utm inDestination, Utm campaign) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("utm_source", pick(given.source(), inDestination.source(), campaign.source()));
        values.put("utm_medium", pick(given.medium(), inDestination.medium(), campaign.medium()));
        values.put("utm_campaign", pick(given.campaign(), inDestination.campaign(), campaign.campaign()));
        values.put("utm_term", pick(given.term(), inDestination.term(), null));
        values.put("utm_content", pick(given.content(), inDestination.content(), null));
        return values;
    }

    /** The given value; else nothing to change when the destination has one; else the campaign's. */
    private static String pick(String given, String inDestination, String campaign) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        return inDestination != null && !inDestination.isBlank() ? null : campaign;
    }

    private static String newCode() {
        char[] code = new char[CODE_LENGTH];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    private static TrackedLink read(ResultSet rs) throws SQLException {
        Timestamp archived = rs.getTimestamp(14);
        return new TrackedLink(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getTimestamp(12).toInstant(), rs.getString(13), archived == null ? null : archived.toInstant(),
                rs.getLong(15));
    }

    /**
     * Drops the code from this server's cache now and again when the transaction ends: a redirect that
     * read the link before the commit must not keep the old answer (archived or not) for 30 seconds.
     */
    private void forgetWhenDone(String code) {
        codes.forget(code);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                codes.forget(code);
            }
        });
    }
}
