package io.tracker.interfaces.tenant.web;

import io.tracker.application.tenant.Caller;
import io.tracker.application.tenant.LandingClient;
import io.tracker.domain.tenant.Permission;
import io.tracker.interfaces.shared.web.Messages;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Who is signed in to the browser UI in this HTTP session, and which client tenant they are
 * looking at.
 *
 * <ul>
 *   <li>The caller, as the identity token of the single sign-on said: subject, e-mail (verified or
 *       not), display name, platform admin or not. Set by {@link TenantSessionFilter}.</li>
 *   <li>The client tenants the caller may open, with their role in each, as
 *       {@code AccessService.tenantsOf} answered at most {@link #TENANTS_TTL} ago, and whether the
 *       caller administers an agency (portfolio and clients pages).</li>
 *   <li>The selected tenant: always one of those (after sign-in the one the caller last switched to,
 *       else the first by name with data, else the first by name; see {@code AccessService.landingClient}),
 *       plus its name, reporting time zone and currency for the pages.</li>
 * </ul>
 *
 * Nothing here ever comes from a request parameter: a tenant can only be selected by id if the
 * freshly loaded list contains it ({@link #select}).
 */
@Named
@SessionScoped
public class SignedInUser implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How long the list of the caller's tenants is trusted before it is read again. */
    static final Duration TENANTS_TTL = Duration.ofMinutes(1);

    private String subject;
    private String email;
    private boolean emailVerified;
    private boolean platformAdmin;
    private String displayName;

    private List<TenantChoice> tenants = List.of();
    private boolean agencyAdmin;
    private Instant tenantsLoadedAt;

    private TenantChoice selected;
    /** Whether the selection after sign-in was the client the person last switched to. */
    private boolean rememberedLanding;
    private String settingsTenantId;
    private String tenantName;
    private ZoneId timeZone;
    private String currencyCode;

    /** Starts over for this caller: no tenants known yet, none selected. */
    synchronized void signIn(Caller caller, String displayName) {
        this.subject = caller.subject();
        this.email = caller.email();
        this.emailVerified = caller.emailVerified();
        this.platformAdmin = caller.platformAdmin();
        this.displayName = displayName == null || displayName.isBlank()
                ? (email != null ? email : caller.subject()) : displayName.trim();
        this.tenants = List.of();
        this.agencyAdmin = false;
        this.tenantsLoadedAt = null;
        this.selected = null;
        this.rememberedLanding = false;
        this.settingsTenantId = null;
    }

    synchronized boolean isSignedInAs(String subject) {
        return this.subject != null && this.subject.equals(subject);
    }

    /** The signed-in caller, for the services. */
    public synchronized Caller caller() {
        if (subject == null) {
            throw new IllegalStateException("nobody is signed in to this session");
        }
        return new Caller(subject, email, emailVerified, platformAdmin);
    }

    synchronized boolean tenantsStale(Instant now) {
        return tenantsLoadedAt == null || !tenantsLoadedAt.plus(TENANTS_TTL).isAfter(now);
    }

    /**
     * A freshly read list of the caller's tenants. The selection stays on the same tenant (with its
     * role as now read) if the list still holds it, else moves to the first tenant, or to none.
     */
    synchronized void tenantsLoaded(List<TenantChoice> fresh, boolean administersAgency, Instant now) {
        tenantsLoaded(fresh, administersAgency, now, null);
    }

    /**
     * {@link #tenantsLoaded(List, boolean, Instant)}; when nothing is selected yet (just signed in), selects
     * the landing client if the list holds it (see {@code AccessService.landingClient}: the last one used).
     */
    synchronized void tenantsLoaded(List<TenantChoice> fresh, boolean administersAgency, Instant now,
                                    LandingClient landing) {
        this.tenants = List.copyOf(fresh);
        this.agencyAdmin = administersAgency;
        this.tenantsLoadedAt = now;
        String current = selected == null ? null : selected.tenantId();
        Optional<TenantChoice> kept = choice(current);
        Optional<TenantChoice> landed = kept.isPresent() || landing == null ? Optional.empty() : choice(landing.tenantId());
        if (landed.isPresent()) {
            rememberedLanding = landing.remembered();
        }
        selected = kept.or(() -> landed).orElse(tenants.isEmpty() ? null : tenants.get(0));
    }

    /** Whether nothing is selected yet: the next list of tenants decides where the person lands. */
    synchronized boolean landingOpen() {
        return selected == null;
    }

    /**
     * Whether the person's home page after signing in is the portfolio rather than a client's dashboard:
     * they administer an agency, may open several clients and did not switch to one last time (then
     * they land on that client's dashboard).
     */
    public synchronized boolean isLandsOnPortfolio() {
        return agencyAdmin && tenants.size() > 1 && !rememberedLanding;
    }

    /** The caller's tenant with this id, if the list holds it. */
    public synchronized Optional<TenantChoice> choice(String tenantId) {
        if (tenantId == null) {
            return Optional.empty();
        }
        return tenants.stream().filter(t -> t.tenantId().equals(tenantId)).findFirst();
    }

    /**
     * Selects one of the caller's tenants.
     *
     * @return false (and nothing changes) when the id is not in the caller's list
     */
    synchronized boolean select(String tenantId) {
        Optional<TenantChoice> choice = choice(tenantId);
        choice.ifPresent(c -> selected = c);
        return choice.isPresent();
    }

    synchronized Optional<TenantChoice> selected() {
        return Optional.ofNullable(selected);
    }

    /** Whether the settings below belong to the selected tenant. */
    synchronized boolean hasSettingsOf(String tenantId) {
        return tenantId.equals(settingsTenantId);
    }

    synchronized void settings(String tenantId, String name, ZoneId zone, String currency) {
        this.settingsTenantId = tenantId;
        this.tenantName = name;
        this.timeZone = zone;
        this.currencyCode = currency;
    }

    public synchronized String getEmail() {
        return email;
    }

    public synchronized String getDisplayName() {
        return displayName;
    }

    /** One or two capital letters for the avatar in the header: "Ada Admin" → "AA". */
    public synchronized String getInitials() {
        String source = displayName == null ? "?" : displayName;
        String[] words = source.split("[\\s@._-]+");
        StringBuilder initials = new StringBuilder();
        for (String w : words) {
            if (!w.isEmpty() && initials.length() < 2) {
                initials.appendCodePoint(Character.toUpperCase(w.codePointAt(0)));
            }
        }
        return initials.length() == 0 ? "?" : initials.toString();
    }

    public synchronized boolean isPlatformAdmin() {
        return platformAdmin;
    }

    /** The caller's tenants, by name. */
    public synchronized List<TenantChoice> getTenants() {
        return tenants;
    }

    /** Whether the caller administers at least one agency (or is a platform admin). */
    public synchronized boolean isAgencyAdmin() {
        return agencyAdmin;
    }

    public synchronized boolean isHasTenant() {
        return selected != null;
    }

    /** The selected tenant and the caller's role there; null when the caller has no tenant. */
    public synchronized TenantChoice getTenant() {
        return selected;
    }

    public synchronized String getTenantId() {
        return selected == null ? null : selected.tenantId();
    }

    public synchronized String getTenantName() {
        return tenantName;
    }

    /** The selected tenant's reporting time zone: where its reporting days start and end. */
    public synchronized ZoneId getTimeZone() {
        return timeZone;
    }

    /** The selected tenant's reporting currency, ISO 4217 (such as {@code EUR}). */
    public synchronized String getCurrencyCode() {
        return currencyCode;
    }

    /**
     * Whether the selected tenant is still this one. Pages remember the tenant they were opened for
     * and check before every change: a switch in another browser tab must not redirect a change
     * meant for one client to another.
     */
    public synchronized boolean isStill(String tenantId) {
        return selected != null && selected.tenantId().equals(tenantId);
    }

    /**
     * {@link #isStill(String)}, and when not, tells the person why their change was not made.
     * Pages call it before every change.
     */
    public boolean confirmStill(String tenantId) {
        if (!isStill(tenantId)) {
            Messages.error("You switched to another client in another window. Reload this page first.");
            return false;
        }
        return true;
    }

    public synchronized boolean allows(Permission permission) {
        return selected != null && selected.allows(permission);
    }

    /** May send events and import files in the selected tenant (analysts, agency admins). */
    public boolean isMayImport() {
        return allows(Permission.INGEST);
    }

    /** May change campaigns and conversion actions in the selected tenant (analysts, agency admins). */
    public boolean isMayEditSetup() {
        return allows(Permission.EDIT_SETUP);
    }

    /** May manage users, API keys and read the audit log of the selected tenant (agency admins). */
    public boolean isMayManageAccess() {
        return allows(Permission.MANAGE_ACCESS);
    }
}
