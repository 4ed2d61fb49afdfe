package io.tracker.application.tracking.collection;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tracker.application.shared.Database;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.domain.tenant.ApiKeySecret;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The credentials of the collection endpoints, each naming exactly one tenant: a website's public
 * site key (tag, pixel, beacon) and an API key (the Segment write key). The tenant comes only from
 * here, never from a request's data.
 *
 * <p>Answers are kept in memory so that a hit costs no database round trip for its key: a key found
 * for {@value #FOUND_TTL_SECONDS} seconds. A revoked API key is dropped at once on the server that
 * revoked it ({@link #forgetWriteKey}); <b>other servers (and for a deleted site, every server) go on
 * accepting it for collection for up to {@value #FOUND_TTL_SECONDS} seconds</b>; a key not
 * found for {@value #MISSING_TTL_SECONDS} seconds (so a flood of wrong keys reaches the database once
 * per key and {@value #MISSING_TTL_SECONDS} seconds; a new key may be refused that long if it was
 * tried before it existed). Each cache holds at most {@value #MAX_ENTRIES} keys, least recently used go
 * first. API keys are kept by their SHA-256 hash, never as the secret. Misses are read through the
 * database's narrow {@code SECURITY DEFINER} functions {@code site_by_key} and {@code api_key_by_hash},
 * which work before the tenant is known.
 */
@ApplicationScoped
public class CollectionKeys {

    static final int FOUND_TTL_SECONDS = 60;
    static final int MISSING_TTL_SECONDS = 10;
    static final int MAX_ENTRIES = 10_000;
    /** Site keys are {@code site_} and 22 base64url characters; anything far longer is not looked up. */
    private static final int MAX_KEY_LENGTH = 100;

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    private final Cache<String, SiteContext> sites = found();
    private final Cache<String, Boolean> unknownSites = missing();
    private final Cache<String, WriteKey> writeKeys = found();
    private final Cache<String, Boolean> unknownWriteKeys = missing();

    /**
     * The site with this public key.
     *
     * @return empty for a blank, malformed or unknown key
     * @throws CollectionUnavailableException when the database cannot be asked
     */
    public Optional<SiteContext> site(String siteKey) {
        if (siteKey == null || siteKey.isBlank() || siteKey.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        return lookUp(siteKey.strip(), sites, unknownSites, this::loadSite);
    }

    /**
     * The unrevoked API key with this secret, whatever its scopes (check {@link WriteKey#canWrite()}).
     *
     * @return empty for a blank or unknown secret, or a revoked key
     * @throws CollectionUnavailableException when the database cannot be asked
     */
    public Optional<WriteKey> writeKey(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        return lookUp(new ApiKeySecret(secret.strip()).hash(), writeKeys, unknownWriteKeys, this::loadWriteKey);
    }

    /** Forgets this API key as a write key on this server (its revocation), whatever its secret. */
    public void forgetWriteKey(long keyId) {
        writeKeys.asMap().values().removeIf(key -> key.keyId() == keyId);
    }

    /** Forgets every cached answer (tests; an operator who must revoke at once restarts instead). */
    public void clear() {
        sites.invalidateAll();
        unknownSites.invalidateAll();
        writeKeys.invalidateAll();
        unknownWriteKeys.invalidateAll();
    }

    private static <T> Optional<T> lookUp(String key, Cache<String, T> found, Cache<String, Boolean> missing,
                                          Function<String, Optional<T>> load) {
        T known = found.getIfPresent(key);
        if (known != null) {
            return Optional.of(known);
        }
        if (missing.getIfPresent(key) != null) {
            return Optional.empty();
        }
        Optional<T> loaded = load.apply(key);
        if (loaded.isPresent()) {
            found.put(key, loaded.get());
        } else {
            missing.put(key, Boolean.TRUE);
        }
        return loaded;
    }

    private Optional<SiteContext> loadSite(String siteKey) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select tenant_id, site_id, domains, consent_required, "
                     + "currency, time_zone from site_by_key(?)")) {
            ps.setString(1, siteKey);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Array domains = rs.getArray(3);
                List<String> names = domains == null ? List.of() : List.of((String[]) domains.getArray());
                return Optional.of(new SiteContext(rs.getString(1), rs.getLong(2), names, rs.getBoolean(4),
                        Currency.getInstance(rs.getString(5).trim()), ZoneId.of(rs.getString(6))));
            }
        } catch (SQLException e) {
            throw new CollectionUnavailableException("looking the site key up failed: " + e.getMessage(), e);
        }
    }

    private Optional<WriteKey> loadWriteKey(String hash) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select tenant_id, id, scopes from api_key_by_hash(?)")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new WriteKey(rs.getString(1), rs.getLong(2), scopes(rs.getString(3))));
            }
        } catch (SQLException e) {
            throw new CollectionUnavailableException("looking the API key up failed: " + e.getMessage(), e);
        }
    }

    private static Set<ApiKeyScope> scopes(String stored) {
        Set<ApiKeyScope> scopes = EnumSet.noneOf(ApiKeyScope.class);
        for (String s : stored == null ? new String[0] : stored.split(",")) {
            if (!s.isBlank()) {
                scopes.add(ApiKeyScope.valueOf(s.trim()));
            }
        }
        return scopes;
    }

    private static <T> Cache<String, T> found() {
        return Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(FOUND_TTL_SECONDS)).maximumSize(MAX_ENTRIES)
                .executor(Runnable::run).build();
    }

    private static Cache<String, Boolean> missing() {
        return Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(MISSING_TTL_SECONDS)).maximumSize(MAX_ENTRIES)
                .executor(Runnable::run).build();
    }
}
