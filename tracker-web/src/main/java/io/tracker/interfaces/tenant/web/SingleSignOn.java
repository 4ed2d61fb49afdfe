package io.tracker.interfaces.tenant.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.LogoutDefinition;

/**
 * How people sign in to the browser UI: the OpenID Connect authorization-code flow of Jakarta
 * Security 3 (Soteria in Payara) against the provider that {@link OidcSettings} names — Keycloak's
 * {@code tracker} realm by default, any OpenID Connect provider by configuration.
 *
 * <ul>
 *   <li>{@code web.xml} protects every page of the UI module (context root {@code /app}) but the
 *       {@link PublicPaths} for any authenticated caller; opening such a page unauthenticated
 *       redirects to the provider's login page, which returns to {@code <base URL>/Callback}
 *       ({@code /app/Callback}; Soteria's {@code baseURL} includes the context root) and from there to
 *       the page first asked for.</li>
 *   <li>Groups: the flat {@code groups} claim (Keycloak realm roles, see the realm file's mapper);
 *       only {@code platform-admin} means something to Tracker. What a person may do per client is
 *       Tracker's own membership data (see {@code AccessService}), not the token's.</li>
 *   <li>Sign-out ({@link SignOutServlet}) ends the HTTP session and, with {@code notifyProvider},
 *       the provider's session too (RP-initiated logout with {@code id_token_hint}), which then
 *       returns to the landing page {@code /app/welcome.xhtml}.</li>
 * </ul>
 *
 * The API does not use this mechanism: it is another web module (tracker-api, context root
 * {@code /}) without any, whose requests carry API keys or bearer tokens ({@code ApiAuthentication}).
 */
@ApplicationScoped
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${oidcSettings.issuer}",
        clientId = "${oidcSettings.clientId}",
        clientSecret = "${oidcSettings.clientSecret}",
        redirectURI = "${baseURL}/Callback",
        redirectToOriginalResource = true,
        scope = {"openid", "email", "profile"},
        claimsDefinition = @ClaimsDefinition(callerGroupsClaim = "groups"),
        logout = @LogoutDefinition(notifyProvider = true, redirectURI = "${baseURL}" + PublicPaths.LANDING_PAGE))
public class SingleSignOn {
}
