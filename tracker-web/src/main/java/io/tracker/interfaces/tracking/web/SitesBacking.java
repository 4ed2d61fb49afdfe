package io.tracker.interfaces.tracking.web;

import io.tracker.application.tracking.collection.Site;
import io.tracker.application.tracking.collection.SiteService;
import io.tracker.application.tracking.debug.DebugSessionService;
import io.tracker.domain.shared.DomainException;
import io.tracker.interfaces.shared.web.Messages;
import io.tracker.interfaces.tenant.web.SignedInUser;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.primefaces.PrimeFaces;

/**
 * Backs {@code /app/sites.xhtml}: the selected client's websites (readable with {@code READ_REPORTS}),
 * each with the exact tag snippet and a pixel example for it ({@link SiteSnippets}), and adding a site
 * (name, domains, consent required) through {@link SiteService}, which checks {@code EDIT_SETUP} and
 * writes the audit log; "Debug this site" starts a debug session ({@link DebugSessionService}) and opens its
 * page. The snippets name this server by its public URL ({@code tracker.public-url},
 * {@code TRACKER_PUBLIC_URL}); without one, by the origin the browser used for this page.
 */
@Named
@ViewScoped
public class SitesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private SiteService sites;

    @Inject
    private SignedInUser user;

    @Inject
    private DebugSessionService debugSessions;

    private String tenantId;
    private String publicUrl;
    private List<SiteRow> rows = List.of();

    private String name;
    private String domains;
    private boolean consentRequired = true;

    @PostConstruct
    public void init() {
        tenantId = user.getTenantId();
        publicUrl = publicUrl();
        load();
    }

    private void load() {
        SiteSnippets snippets = new SiteSnippets(publicUrl);
        rows = sites.list().stream().map(s -> new SiteRow(s, snippets.tag(s), snippets.pixel(s, user.getCurrencyCode())))
                .toList();
    }

    /** Adds the site and shows its snippet in the list. */
    public void create() {
        if (!user.confirmStill(tenantId)) {
            return;
        }
        List<String> hosts = domains == null ? List.of()
                : Arrays.stream(domains.split("[\\s,;]+")).filter(d -> !d.isBlank()).toList();
        if (name == null || name.isBlank()) {
            Messages.error("Give the site a name, such as its shop's name.");
            return;
        }
        if (hosts.isEmpty()) {
            Messages.error("Name at least one domain where the tag will run, such as shop.example.");
            return;
        }
        try {
            Site site = sites.create(name.trim(), hosts, consentRequired);
            Messages.info("Added the site " + site.name() + ". Put its snippet into every page's <head>.");
            name = null;
            domains = null;
            consentRequired = true;
            load();
            PrimeFaces.current().ajax().update("messages", "sites-list");
            PrimeFaces.current().executeScript("PF('siteDialog').hide();");
        } catch (DomainException | EJBException e) {
            Messages.error(Messages.domainCause(e).orElseThrow(() -> e).getMessage());
        }
    }

    /** Starts a debug session for the site and opens its debug page (README "Debug mode"). */
    public String debug(long siteId) {
        if (!user.confirmStill(tenantId)) {
            return null;
        }
        try {
            return "/debug?faces-redirect=true&session=" + debugSessions.start(siteId).id();
        } catch (DomainException | EJBException e) {
            Messages.error(Messages.domainCause(e).orElseThrow(() -> e).getMessage());
            return null;
        }
    }

    /** {@code TRACKER_PUBLIC_URL} without a trailing slash, else this request's scheme, host and port. */
    static String publicUrl() {
        String configured = ConfigProvider.getConfig().getOptionalValue("tracker.public-url", String.class).orElse("");
        if (!configured.isBlank()) {
            return SiteSnippets.withoutTrailingSlash(configured.trim());
        }
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
        String url = request.getRequestURL().toString();
        return url.substring(0, url.length() - request.getRequestURI().length());
    }

    public List<SiteRow> getRows() {
        return rows;
    }

    public String getPublicUrl() {
        return publicUrl;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Host names separated by commas, spaces or new lines. */
    public String getDomains() {
        return domains;
    }

    public void setDomains(String domains) {
        this.domains = domains;
    }

    public boolean isConsentRequired() {
        return consentRequired;
    }

    public void setConsentRequired(boolean consentRequired) {
        this.consentRequired = consentRequired;
    }

    /** One site as the page shows it, with its snippets (plain values: the view may be serialized). */
    public static final class SiteRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private final long id;
        private final String name;
        private final String siteKey;
        private final String domains;
        private final boolean consentRequired;
        private final String tag;
        private final String pixel;

        SiteRow(Site site, String tag, String pixel) {
            this.id = site.id();
            this.name = site.name();
            this.siteKey = site.siteKey();
            this.domains = String.join(", ", site.domains());
            this.consentRequired = site.consentRequired();
            this.tag = tag;
            this.pixel = pixel;
        }

        public long getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public String getSiteKey() {
            return siteKey;
        }

        public String getDomains() {
            return domains;
        }

        public boolean isConsentRequired() {
            return consentRequired;
        }

        public String getTag() {
            return tag;
        }

        public String getPixel() {
            return pixel;
        }
    }
}
