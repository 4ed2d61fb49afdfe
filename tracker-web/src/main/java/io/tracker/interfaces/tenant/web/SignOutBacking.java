package io.tracker.interfaces.tenant.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/** The header's "Sign out" (a POST, so no other site can sign a user out with a link). */
@Named
@RequestScoped
public class SignOutBacking {

    @Inject
    private SignedInTenant signedIn;

    /** Ends the HTTP session and goes to the sign-in page, which then says "You are signed out". */
    public void signOut() throws IOException {
        signedIn.signOut();
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/?reason=signed-out");
        faces.responseComplete();
    }
}
