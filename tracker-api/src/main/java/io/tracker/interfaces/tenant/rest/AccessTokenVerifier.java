package io.tracker.interfaces.tenant.rest;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.tracker.application.tenant.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies OpenID Connect access tokens for the API: RS256/ES256 signature by a key of the
 * provider's JWKS (found through the issuer's {@code /.well-known/openid-configuration}, cached
 * and refreshed by Nimbus JOSE + JWT), exact issuer, the {@code tracker-api} audience, expiry
 * (60 s clock skew) and a subject. Configured by {@code TRACKER_OIDC_ISSUER} and
 * {@code TRACKER_OIDC_AUDIENCE}.
 */
@ApplicationScoped
public class AccessTokenVerifier {

    /** Realm role (in the flat {@code groups} claim) that makes a caller a platform admin. */
    static final String PLATFORM_ADMIN_GROUP = "platform-admin";

    @Inject
    @ConfigProperty(name = "tracker.oidc.issuer", defaultValue = "http://localhost:8180/realms/tracker")
    String issuer;

    @Inject
    @ConfigProperty(name = "tracker.oidc.audience", defaultValue = "tracker-api")
    String audience;

    private volatile DefaultJWTProcessor<SecurityContext> processor;

    /**
     * The caller the token speaks for, or empty when the token is not valid for Tracker.
     *
     * @throws IllegalStateException when the provider's keys cannot be fetched (not the caller's fault)
     */
    public Optional<Caller> verify(String token) {
        try {
            JWTClaimsSet claims = processor().process(token, null);
            List<String> groups = Optional.ofNullable(claims.getStringListClaim("groups")).orElse(List.of());
            Boolean verified = claims.getBooleanClaim("email_verified");
            return Optional.of(new Caller(claims.getSubject(), claims.getStringClaim("email"),
                    Boolean.TRUE.equals(verified), groups.contains(PLATFORM_ADMIN_GROUP)));
        } catch (ParseException | BadJOSEException | JOSEException e) {
            return Optional.empty();
        }
    }

    private DefaultJWTProcessor<SecurityContext> processor() {
        DefaultJWTProcessor<SecurityContext> p = processor;
        if (p == null) {
            synchronized (this) {
                if (processor == null) {
                    processor = build();
                }
                p = processor;
            }
        }
        return p;
    }

    private DefaultJWTProcessor<SecurityContext> build() {
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(jwksUri()).retrying(true).build();
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys));
        // Nimbus asks these sets whether they contain null, which Set.of() answers with an exception.
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                new HashSet<>(Set.of(audience)), new JWTClaimsSet.Builder().issuer(issuer).build(),
                new HashSet<>(Set.of("sub", "exp", "iat")), new HashSet<>());
        claims.setMaxClockSkew(60);
        p.setJWTClaimsSetVerifier(claims);
        return p;
    }

    private URL jwksUri() {
        String discovery = issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration";
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create(discovery)).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("OpenID provider discovery at " + discovery + " answered "
                        + response.statusCode());
            }
            JsonObject config = Json.createReader(new StringReader(response.body())).readObject();
            return URI.create(config.getString("jwks_uri")).toURL();
        } catch (IOException e) {
            throw new IllegalStateException("OpenID provider discovery at " + discovery + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + discovery, e);
        }
    }
}
