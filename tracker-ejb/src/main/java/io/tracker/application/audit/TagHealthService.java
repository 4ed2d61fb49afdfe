package io.tracker.application.audit;

import io.tracker.application.shared.SqlArrays;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.audit.TagHealthRules;
import io.tracker.domain.audit.WebsiteDomain;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the current client's tag health ({@link TagHealthReport}) at an instant, by the rules of
 * {@link TagHealthRules}. Every query is bounded by a time window on an indexed time column and by a row limit:
 * the hourly roll-up {@code tag_health_hour} over 28 days (domains), page views of the 24 hours before the hour of
 * {@code at} (thank-you pages) and of the 24 hours before {@code at} itself (double fires: a page that loads the
 * tag twice shows at the next check, not only once its hour is over), conversions of 28 days (actions).
 */
@Stateless
public class TagHealthService {

    static final int MAX_DOMAINS = 200;
    static final int MAX_PAGES = 50;
    static final int MAX_ACTIONS = 500;
    /** Ways in whose page views a browser's tag sent (a tracked link's click and the events API's are not loads). */
    private static final String BROWSER_WAYS_IN = "('TAG', 'PIXEL', 'SEGMENT')";
    private static final String HOST = "lower(substring(%s from '^[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/?#]*@)?([^:/?#]+)'))";
    private static final String PAGE = "substring(%s from '^[^?#]*')";

    private static final String DOMAINS = "select host, max(last_hit_at) filter (where last_hit_at <= ?), "
            + "coalesce(sum(hits - bots) filter (where hour = ?), 0), "
            + "coalesce(sum(hits - bots) filter (where hour = any(?::timestamptz[])), 0), "
            + "coalesce(sum(hits) filter (where hour >= ? and hour < ?), 0), "
            + "coalesce(sum(stored) filter (where hour >= ? and hour < ?), 0), "
            + "coalesce(sum(cookieless) filter (where hour >= ? and hour < ?), 0), "
            + "coalesce(sum(bots) filter (where hour >= ? and hour < ?), 0) "
            + "from tag_health_hour where hour >= ? and hour <= ? group by host order by host limit " + MAX_DOMAINS;

    private static final String DOUBLE_FIRES = "with views as ("
            // without consent a touchpoint has no visitor id: two such views are two people, not one tag twice
            + "select visitor_id, url, occurred_at from touchpoint where occurred_at >= ? and occurred_at < ? "
            + "and way_in in " + BROWSER_WAYS_IN + " and visitor_id is not null and url is not null "
            + "union all select visitor_id, url, occurred_at from custom_event where name = 'page_view' "
            + "and occurred_at >= ? and occurred_at < ? and way_in in " + BROWSER_WAYS_IN
            + " and visitor_id is not null and url is not null), "
            + "gaps as (select page, occurred_at - lag(occurred_at) over (partition by visitor_id, page "
            + "order by occurred_at) as gap from (select visitor_id, " + PAGE.formatted("url") + " as page, occurred_at "
            + "from views) p) "
            + "select " + HOST.formatted("page") + ", page, count(*), count(*) filter (where gap < interval '"
            + TagHealthRules.DOUBLE_FIRE_WITHIN.toMillis() + " milliseconds') as doubled from gaps group by page "
            + "having count(*) filter (where gap < interval '" + TagHealthRules.DOUBLE_FIRE_WITHIN.toMillis()
            + " milliseconds') > 0 order by doubled desc, page limit " + MAX_PAGES;

    private static final String THANK_YOU = "with views as ("
            // a view without a visitor id cannot be matched to its conversion: not judged (as custom events below)
            + "select visitor_id, url, occurred_at from touchpoint where occurred_at >= ? and occurred_at < ? "
            + "and way_in <> 'LINK' and visitor_id is not null and lower(url) like any(?::text[]) "
            + "union all select visitor_id, url, occurred_at from custom_event where name = 'page_view' "
            + "and occurred_at >= ? and occurred_at < ? and visitor_id is not null and lower(url) like any(?::text[])), "
            + "judged as (select " + HOST.formatted("v.url") + " as domain, " + PAGE.formatted("v.url") + " as page, "
            + "exists (select 1 from conversion c where c.visitor_id = v.visitor_id and c.occurred_at between "
            + "v.occurred_at - interval '" + TagHealthRules.THANK_YOU_WINDOW.toMinutes() + " minutes' and v.occurred_at + "
            + "interval '" + TagHealthRules.THANK_YOU_WINDOW.toMinutes() + " minutes') as converted from views v) "
            + "select domain, count(*), count(*) filter (where not converted), min(page) filter (where not converted) "
            + "from judged group by domain order by domain limit " + MAX_DOMAINS;

    private static final String ACTIONS = "select a.action_key, a.name, count(c.occurred_at), max(c.occurred_at), "
            + "min(c.occurred_at) from conversion_action a left join conversion c on c.tenant_id = a.tenant_id "
            + "and c.action_id = a.id and c.occurred_at >= ? and c.occurred_at < ? where a.status = 'ACTIVE' "
            + "group by a.id, a.action_key, a.name order by a.action_key limit " + MAX_ACTIONS;

    @Inject
    private TenantConnections connections;

    /**
     * The client's tag health at {@code at}.
     *
     * @param at the report's "now" (an instant); null: now
     */
    @RequiresPermission(Permission.READ_REPORTS)
    public TagHealthReport report(Instant at) {
        Instant now = at == null ? Instant.now() : at;
        Instant hourStart = now.truncatedTo(ChronoUnit.HOURS);
        Instant lastHour = hourStart.minus(Duration.ofHours(1));
        Instant recentFrom = hourStart.minus(TagHealthRules.RECENT);
        try (Connection c = connections.forCurrentTenant()) {
            List<String> patterns = thankYouPatterns(c);
            return new TagHealthReport(now, lastHour, recentFrom, domains(c, now, lastHour, recentFrom, hourStart),
                    doubleFires(c, now.minus(TagHealthRules.RECENT), now),
                    thankYouPages(c, patterns, recentFrom, hourStart),
                    actions(c, now), patterns);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the tag health failed: " + e.getMessage(), e);
        }
    }

    /** The client's thank-you patterns, or {@link TagHealthRules#DEFAULT_THANK_YOU_PATTERNS}. */
    static List<String> thankYouPatterns(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select thank_you_patterns from alert_settings");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next() && rs.getArray(1) != null) {
                return List.of((String[]) rs.getArray(1).getArray());
            }
        }
        return TagHealthRules.DEFAULT_THANK_YOU_PATTERNS;
    }

    private static List<TagHealthReport.DomainHealth> domains(Connection c, Instant now, Instant lastHour,
                                                              Instant recentFrom, Instant hourStart) throws SQLException {
        List<Instant> sameHours = new ArrayList<>();
        for (int d = 1; d <= TagHealthRules.BASELINE_DAYS; d++) {
            sameHours.add(lastHour.minus(Duration.ofDays(d)));
        }
        List<TagHealthReport.DomainHealth> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(DOMAINS)) {
            int p = 1;
            ps.setTimestamp(p++, Timestamp.from(now));
            ps.setTimestamp(p++, Timestamp.from(lastHour));
            ps.setArray(p++, SqlArrays.texts(c, sameHours.stream().map(Instant::toString).toList()));
            for (int i = 0; i < 4; i++) {
                ps.setTimestamp(p++, Timestamp.from(recentFrom));
                ps.setTimestamp(p++, Timestamp.from(hourStart));
            }
            ps.setTimestamp(p++, Timestamp.from(hourStart.minus(Duration.ofDays(TagHealthRules.ACTION_WINDOW_DAYS))));
            ps.setTimestamp(p, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String host = rs.getString(1);
                    Timestamp last = rs.getTimestamp(2);
                    long lastHourHits = rs.getLong(3);
                    double baseline = TagHealthRules.baseline(rs.getLong(4));
                    long hits = rs.getLong(5);
                    long stored = rs.getLong(6);
                    long cookieless = rs.getLong(7);
                    long bots = rs.getLong(8);
                    rows.add(new TagHealthReport.DomainHealth(WebsiteDomain.NONE.equals(host) ? null : host,
                            last == null ? null : last.toInstant(), lastHourHits, baseline,
                            TagHealthRules.hitsDropped(lastHourHits, baseline), hits, stored, cookieless, bots,
                            stored == 0 ? null : cookieless / (double) stored, hits == 0 ? null : bots / (double) hits));
                }
            }
        }
        return rows;
    }

    private static List<TagHealthReport.DoubleFirePage> doubleFires(Connection c, Instant from, Instant to)
            throws SQLException {
        List<TagHealthReport.DoubleFirePage> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(DOUBLE_FIRES)) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            ps.setTimestamp(3, Timestamp.from(from));
            ps.setTimestamp(4, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new TagHealthReport.DoubleFirePage(rs.getString(1), rs.getString(2), rs.getLong(3),
                            rs.getLong(4)));
                }
            }
        }
        return rows;
    }

    private static List<TagHealthReport.ThankYouPages> thankYouPages(Connection c, List<String> patterns, Instant from,
                                                                     Instant to) throws SQLException {
        List<TagHealthReport.ThankYouPages> rows = new ArrayList<>();
        if (patterns.isEmpty()) {
            return rows;
        }
        Array like = SqlArrays.texts(c, patterns.stream().map(TagHealthRules::likePattern).toList());
        try (PreparedStatement ps = c.prepareStatement(THANK_YOU)) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            ps.setArray(3, like);
            ps.setTimestamp(4, Timestamp.from(from));
            ps.setTimestamp(5, Timestamp.from(to));
            ps.setArray(6, like);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long views = rs.getLong(2);
                    long without = rs.getLong(3);
                    rows.add(new TagHealthReport.ThankYouPages(rs.getString(1), views, without, rs.getString(4),
                            TagHealthRules.thankYouAlert(views, without)));
                }
            }
        }
        return rows;
    }

    private static List<TagHealthReport.ActionHealth> actions(Connection c, Instant now) throws SQLException {
        List<TagHealthReport.ActionHealth> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(ACTIONS)) {
            ps.setTimestamp(1, Timestamp.from(now.minus(Duration.ofDays(TagHealthRules.ACTION_WINDOW_DAYS))));
            ps.setTimestamp(2, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long count = rs.getLong(3);
                    Instant last = rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant();
                    Instant first = rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant();
                    Duration usual = TagHealthRules.usualInterval(count, first, last);
                    rows.add(new TagHealthReport.ActionHealth(rs.getString(1), rs.getString(2), count, last,
                            usual == null ? null : usual.toSeconds(), TagHealthRules.actionStopped(usual, last, now)));
                }
            }
        }
        return rows;
    }

}
