package io.tracker.interfaces.tracking.web;

import io.tracker.application.campaign.CampaignService;
import io.tracker.application.tracking.collection.SiteService;
import io.tracker.application.tracking.links.TrackedLink;
import io.tracker.application.tracking.links.TrackedLinkService;
import io.tracker.domain.campaign.Campaign;
import io.tracker.domain.shared.DomainException;
import io.tracker.domain.tracking.Utm;
import io.tracker.interfaces.shared.web.Messages;
import io.tracker.interfaces.shared.web.UtmForm;
import io.tracker.interfaces.tenant.web.SignedInUser;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.primefaces.PrimeFaces;

/**
 * Backs {@code /app/links.xhtml}: the selected client's tracked links with their short URLs
 * ({@code <public URL>/c/<code>}), click counts and QR codes. Everyone who reads reports sees them;
 * analysts and agency admins also make and archive links (the page hides those controls from viewers,
 * and {@link TrackedLinkService} refuses them anyway).
 */
@Named
@ViewScoped
public class LinksBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private TrackedLinkService links;

    @Inject
    private CampaignService campaigns;

    @Inject
    private SiteService sites;

    @Inject
    private SignedInUser user;

    private String tenantId;
    private String base;
    private List<LinkRow> rows = List.of();
    private Map<Long, String> campaignNames = Map.of();
    private String domains;

    /** The form. */
    private Long campaignId;
    private String destination;
    private final UtmForm utm = new UtmForm();

    /** The short URL whose QR code the dialog shows. */
    private String qrUrl;

    @PostConstruct
    public void init() {
        tenantId = user.getTenantId();
        base = publicBase();
        campaignNames = campaigns.list().stream()
                .collect(Collectors.toMap(Campaign::getId, Campaign::getName, (a, b) -> a, java.util.LinkedHashMap::new));
        domains = sites.list().stream().flatMap(s -> s.domains().stream())
                .collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining(", "));
        load();
    }

    private void load() {
        rows = links.list().stream().map(LinkRow::new).toList();
    }

    /** Empties the form for a new link. */
    public void startNew() {
        campaignId = campaignNames.isEmpty() ? null : campaignNames.keySet().iterator().next();
        destination = null;
        utm.clear();
    }

    /** Makes the link of the form and shows its QR code. */
    public void create() {
        if (!user.confirmStill(tenantId)) {
            return;
        }
        try {
            TrackedLink link = links.create(campaignId, destination,
                    new Utm(utm.getSource(), utm.getMedium(), utm.getCampaign(), utm.getTerm(), utm.getContent()));
            Messages.info("Made the link " + shortUrl(link.code()) + " to " + link.destination() + ".");
            load();
            qrUrl = shortUrl(link.code());
            PrimeFaces.current().ajax().update("messages", "qr-dialog");
            PrimeFaces.current().executeScript("PF('linkDialog').hide();PF('qrDialog').show();");
        } catch (DomainException | EJBException e) {
            Messages.error(Messages.domainCause(e).orElseThrow(() -> e).getMessage());
        }
    }

    /** Archives a link: its short URL answers "not found" from now on. */
    public void archive(String code) {
        if (!user.confirmStill(tenantId)) {
            return;
        }
        try {
            links.archive(code);
            Messages.info("Archived the link " + shortUrl(code) + ": it no longer redirects.");
            load();
        } catch (DomainException | EJBException e) {
            Messages.error(Messages.domainCause(e).orElseThrow(() -> e).getMessage());
        }
    }

    /** Chooses the link whose QR code the dialog shows. */
    public void showQr(String code) {
        qrUrl = shortUrl(code);
    }

    /** {@code <public URL>/c/<code>}: what to print, send or encode in a QR code. */
    public String shortUrl(String code) {
        return base + "/c/" + code;
    }

    /** {@code TRACKER_PUBLIC_URL} (as browsers reach Tracker), else the origin of this request. */
    private static String publicBase() {
        String configured = ConfigProvider.getConfig().getOptionalValue("tracker.public-url", String.class).orElse("");
        if (!configured.isBlank()) {
            return configured.replaceAll("/+$", "");
        }
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) context.getRequest();
        String origin = request.getScheme() + "://" + request.getServerName();
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(request.getScheme()) && port == 80)
                || ("https".equals(request.getScheme()) && port == 443);
        return defaultPort ? origin : origin + ":" + port;
    }

    public List<LinkRow> getRows() {
        return rows;
    }

    public Map<Long, String> getCampaignNames() {
        return campaignNames;
    }

    /** The client's website domains, where links may lead ("" when it has no website yet). */
    public String getDomains() {
        return domains;
    }

    public boolean isHasCampaigns() {
        return !campaignNames.isEmpty();
    }

    public String getQrUrl() {
        return qrUrl;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public void setCampaignId(Long campaignId) {
        this.campaignId = campaignId;
    }

    public String getDestination() {
        return destination;
    }

    public void setDestination(String destination) {
        this.destination = destination;
    }

    /** The form's UTM fields. */
    public UtmForm getUtm() {
        return utm;
    }

    /** One link as the table shows it (Jakarta EL 5 reads bean getters, not record accessors). */
    public static final class LinkRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String code;
        private final String campaign;
        private final String channel;
        private final String destination;
        private final long clicks;
        private final java.time.Instant createdAt;
        private final boolean active;

        LinkRow(TrackedLink l) {
            this.code = l.code();
            this.campaign = l.campaign();
            this.channel = l.channel();
            this.destination = l.destination();
            this.clicks = l.clicks();
            this.createdAt = l.createdAt();
            this.active = l.active();
        }

        public String getCode() {
            return code;
        }

        public String getCampaign() {
            return campaign;
        }

        public String getChannel() {
            return channel;
        }

        public String getDestination() {
            return destination;
        }

        public long getClicks() {
            return clicks;
        }

        public java.time.Instant getCreatedAt() {
            return createdAt;
        }

        public boolean isActive() {
            return active;
        }
    }
}
