package io.tracker.interfaces.tenant.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where people sign in: the OpenID Connect provider and Tracker's client there, from MicroProfile
 * Config (environment variables in a deployment), read by the EL expressions of
 * {@link SingleSignOn}'s mechanism definition.
 *
 * <ul>
 *   <li>{@code tracker.oidc.issuer} ({@code TRACKER_OIDC_ISSUER}): the issuer URL, whose
 *       {@code /.well-known/openid-configuration} names the endpoints; default the realm of the local
 *       Keycloak that {@code ./run} starts, {@code http://localhost:8180/realms/tracker};</li>
 *   <li>{@code tracker.oidc.client-id} ({@code TRACKER_OIDC_CLIENT_ID}): default {@code tracker-web};</li>
 *   <li>{@code tracker.oidc.client-secret} ({@code TRACKER_OIDC_CLIENT_SECRET}): no default, so that no
 *       secret is ever built into the artifact. Without it the application still deploys (the API
 *       with its keys keeps working); only signing in to the UI fails, with a message in the log.</li>
 * </ul>
 */
@Named
@ApplicationScoped
public class OidcSettings {

    @Inject
    @ConfigProperty(name = "tracker.oidc.issuer", defaultValue = "http://localhost:8180/realms/tracker")
    String issuer;

    @Inject
    @ConfigProperty(name = "tracker.oidc.client-id", defaultValue = "tracker-web")
    String clientId;

    @Inject
    @ConfigProperty(name = "tracker.oidc.client-secret")
    Optional<String> clientSecret;

    public String getIssuer() {
        return issuer;
    }

    public String getClientId() {
        return clientId;
    }

    /** @throws IllegalStateException when no secret is configured (sign-in cannot work then) */
    public String getClientSecret() {
        return clientSecret.filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "TRACKER_OIDC_CLIENT_SECRET (MicroProfile Config tracker.oidc.client-secret) is not set: "
                        + "people cannot sign in until the secret of the OpenID Connect client '" + clientId
                        + "' is configured"));
    }
}
