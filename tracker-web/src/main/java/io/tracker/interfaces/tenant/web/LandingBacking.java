package io.tracker.interfaces.tenant.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/**
 * Backs the public landing page ({@code /app/welcome.xhtml}; {@code /} redirects there): its "Sign
 * in" button simply opens {@code /app/}, which the single sign-on protects. A browser that is already signed in
 * goes straight on to the dashboard.
 */
@Named
@RequestScoped
public class LandingBacking {

    /** The landing page's view action. */
    public String continueIfSignedIn() {
        if (FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal() != null) {
            return TenantSessionFilter.DASHBOARD + "?faces-redirect=true";
        }
        return null;
    }
}
