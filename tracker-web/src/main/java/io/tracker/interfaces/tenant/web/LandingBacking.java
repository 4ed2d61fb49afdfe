package io.tracker.interfaces.tenant.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Backs the public landing page ({@code /app/welcome.xhtml}; {@code /} redirects there): its "Sign
 * in" button simply opens {@code /app/}, which the single sign-on protects. A browser that is already signed in
 * goes straight on to {@code /app/}, and from there ({@link #home}) to the person's home page: the
 * portfolio for an agency admin of several clients, else the dashboard of the selected client (the
 * one they used last).
 */
@Named
@RequestScoped
public class LandingBacking {

    @Inject
    private SignedInUser user;

    /** The landing page's view action. */
    public String continueIfSignedIn() {
        if (FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal() != null) {
            return "/index?faces-redirect=true";
        }
        return null;
    }

    /** {@code /app/}'s view action (a signed-in page): on to the person's home page. */
    public String home() {
        return (user.isLandsOnPortfolio() ? "/admin/portfolio" : "/dashboard") + "?faces-redirect=true";
    }
}
