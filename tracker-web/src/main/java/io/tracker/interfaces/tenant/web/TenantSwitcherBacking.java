package io.tracker.interfaces.tenant.web;

import io.tracker.application.tenant.AccessService;
import io.tracker.interfaces.shared.web.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * The tenant switcher in the header of every signed-in page. Switching reads the caller's tenants
 * afresh from {@code AccessService} and selects the requested one only if that list holds it; any
 * other id (a forged form post, a stale page after a removal) changes nothing. After a switch the
 * browser reloads the page it was on if the role there allows it, else the dashboard: a page's
 * figures always belong to the tenant in the header. The client switched to is remembered
 * ({@code AccessService.rememberClient}): the person lands there after their next sign-in.
 */
@Named("tenantSwitcher")
@RequestScoped
public class TenantSwitcherBacking {

    private static final Logger LOG = Logger.getLogger(TenantSwitcherBacking.class.getName());

    /** Client id of the switcher in the template; its messages show in the growl beside it. */
    static final String SWITCH_ID = "tenant-form:tenant-switch";

    @Inject
    private SignedInUser user;

    @EJB
    private AccessService access;

    private String tenantId;

    /** One of the caller's tenants by id, for the switcher's list; null for any other id. */
    public TenantChoice choice(String id) {
        return user.choice(id).orElse(null);
    }

    /** Switches to the chosen tenant (the switcher's change event). */
    public void switchTenant() throws IOException {
        String wanted = tenantId;
        TenantSessionFilter.reloadTenants(access, user, Instant.now());
        if (wanted == null || !user.select(wanted)) {
            LOG.warning(() -> user.caller().actor() + " asked to switch to tenant " + wanted
                    + ", which is not theirs");
            Messages.errorFor(SWITCH_ID, "That client is not available to you.");
            return;
        }
        access.rememberClient(user.caller(), wanted);
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        String page = faces.getViewRoot() == null ? TenantSessionFilter.DASHBOARD : faces.getViewRoot().getViewId();
        if (PublicPaths.isPublic(page) || !PageAccess.of(page).allows(user.getTenant(), user.isAgencyAdmin())) {
            page = TenantSessionFilter.DASHBOARD;
        }
        external.redirect(external.getRequestContextPath() + page);
    }

    /** Switches to a client (only one the caller may open) and shows its dashboard: "Open" on the admin pages. */
    public void open(String tenantId) throws IOException {
        TenantSessionFilter.reloadTenants(access, user, Instant.now());
        if (tenantId == null || !user.select(tenantId)) {
            Messages.error("That client is not available to you.");
            return;
        }
        access.rememberClient(user.caller(), tenantId);
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + TenantSessionFilter.DASHBOARD);
    }

    /** The selected tenant's id; the switcher's value. */
    public String getTenantId() {
        return tenantId != null ? tenantId : user.getTenantId();
    }

    public void setTenantId(String tenantId) {
        this.tenantId = tenantId;
    }
}
