package io.tracker.interfaces.tenant.web;

import io.tracker.application.tenant.ApiKeyService;
import io.tracker.application.tenant.AuthenticatedKey;
import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.TenantService;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.domain.tenant.Tenant;
import io.tracker.interfaces.shared.web.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Backs the sign-in page ({@code /index.xhtml}, served at {@code /}): the user pastes a tenant API
 * key with the {@code READ} scope; the key's tenant is remembered in {@link SignedInTenant} and the
 * browser goes to the dashboard. Until single sign-on arrives this is the only way into the UI.
 *
 * <p>Request-scoped rather than view-scoped because the sign-in view is stateless
 * ({@code f:view transient="true"}): an anonymous visitor gets no HTTP session until the key is
 * accepted, and a sign-in form left open for hours cannot expire.
 */
@Named
@RequestScoped
public class SignInBacking {

    private static final Logger LOG = Logger.getLogger(SignInBacking.class.getName());

    @Inject
    private ApiKeyService apiKeys;

    @Inject
    private TenantService tenants;

    @Inject
    private CurrentTenant currentTenant;

    @Inject
    private SignedInTenant signedIn;

    private String apiKey;

    /** Checks the key; on success starts a new session for its tenant and goes to the dashboard. */
    public String signIn() {
        String presented = apiKey;
        apiKey = null;
        Optional<AuthenticatedKey> key = apiKeys.authenticate(presented);
        if (key.isEmpty()) {
            LOG.info("UI sign-in refused: unknown or revoked API key");
            Messages.error("This API key is not valid. Check that you pasted the whole key and that "
                    + "it has not been revoked.");
            return null;
        }
        if (!key.get().allows(ApiKeyScope.READ)) {
            Messages.error("This API key may not read reports. Sign in with a key that has the "
                    + "read scope.");
            return null;
        }
        currentTenant.set(key.get().tenantId());
        Tenant tenant = tenants.current();
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        request.getSession(true);
        // A new session id at the moment of sign-in, so an id planted before it is worth nothing.
        request.changeSessionId();
        signedIn.signIn(tenant.getId(), key.get().keyId(), key.get().scopes(), tenant.getName(),
                tenant.getTimeZone(), tenant.getCurrency().getCurrencyCode(), Instant.now());
        return "/app/dashboard?faces-redirect=true";
    }

    /**
     * The sign-in page's view action: a browser that is already signed in goes straight to the
     * dashboard. Looks at the session only if there is one, so anonymous visitors get none.
     */
    public String continueIfSignedIn() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
        if (request.getSession(false) != null && signedIn.isSignedIn()) {
            return "/app/dashboard?faces-redirect=true";
        }
        return null;
    }

    /** The pasted key; written by the form, never rendered back. */
    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }
}
