package io.tracker.application.tracking.links;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tracker.application.shared.Database;
import io.tracker.application.tracking.collection.CollectionUnavailableException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Finds a tracked link by its code for the redirect, before the tenant is known, through the narrow
 * {@code SECURITY DEFINER} function {@code tracked_link_by_code} (V6). Answers are kept in memory so
 * that a click costs no database round trip for its code: a link found (archived or not) for
 * {@value #FOUND_TTL_SECONDS} seconds, a code not found for {@value #MISSING_TTL_SECONDS} seconds, at
 * most {@value #MAX_ENTRIES} of each. Archiving forgets the code on this server at once; <b>on other
 * servers an archived link goes on redirecting for up to {@value #FOUND_TTL_SECONDS} seconds</b>.
 * Use it through {@link TrackedLinkService#findByCode}.
 */
@ApplicationScoped
public class TrackedLinkCodes {

    static final int FOUND_TTL_SECONDS = 30;
    static final int MISSING_TTL_SECONDS = 10;
    static final int MAX_ENTRIES = 10_000;
    /** What a code can look like; anything else is not looked up. */
    static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{4,32}");

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    private final Cache<String, LinkTarget> found = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(FOUND_TTL_SECONDS)).maximumSize(MAX_ENTRIES).executor(Runnable::run).build();
    private final Cache<String, Boolean> missing = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(MISSING_TTL_SECONDS)).maximumSize(MAX_ENTRIES).executor(Runnable::run).build();

    /**
     * The link with this code, archived ones included (check {@link LinkTarget#archived()}).
     *
     * @return empty for a malformed or unknown code
     * @throws CollectionUnavailableException when the database cannot be asked
     */
    Optional<LinkTarget> find(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        LinkTarget known = found.getIfPresent(code);
        if (known != null) {
            return Optional.of(known);
        }
        if (missing.getIfPresent(code) != null) {
            return Optional.empty();
        }
        Optional<LinkTarget> loaded = load(code);
        if (loaded.isPresent()) {
            found.put(code, loaded.get());
        } else {
            missing.put(code, Boolean.TRUE);
        }
        return loaded;
    }

    /** Forgets a code (after archiving or creating it). */
    void forget(String code) {
        found.invalidate(code);
        missing.invalidate(code);
    }

    private Optional<LinkTarget> load(String code) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select tenant_id, link_id, destination, archived from tracked_link_by_code(?)")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new LinkTarget(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4)));
            }
        } catch (SQLException e) {
            throw new CollectionUnavailableException("looking the link code up failed: " + e.getMessage(), e);
        }
    }
}
