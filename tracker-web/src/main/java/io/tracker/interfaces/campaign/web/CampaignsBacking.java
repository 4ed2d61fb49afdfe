package io.tracker.interfaces.campaign.web;

import io.tracker.application.campaign.CampaignService;
import io.tracker.domain.campaign.Campaign;
import io.tracker.domain.campaign.Channels;
import io.tracker.domain.shared.DomainException;
import io.tracker.interfaces.shared.web.Messages;
import io.tracker.interfaces.shared.web.UtmForm;
import io.tracker.interfaces.tenant.web.SignedInUser;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * Backs {@code /app/campaigns.xhtml}: the selected client's campaigns. Everyone who reads reports
 * sees the list; analysts and agency admins also create, change and delete campaigns (the page
 * hides those controls from viewers, and {@link CampaignService} refuses them anyway).
 *
 * <p>The view parameter {@code campaign} (an id) opens that campaign's form, for links; it is looked
 * up in the selected client only, so another client's id finds nothing.
 */
@Named
@ViewScoped
public class CampaignsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Channel names offered in the form: Tracker's default channel groups (any other text is allowed). */
    static final List<String> CHANNELS = List.of(Channels.PAID_SEARCH, Channels.PAID_SOCIAL, Channels.DISPLAY,
            Channels.VIDEO, Channels.EMAIL, Channels.SMS, Channels.AFFILIATES, Channels.ORGANIC_SOCIAL,
            Channels.ORGANIC_SEARCH, Channels.REFERRAL, Channels.OTHER);

    @Inject
    private CampaignService campaigns;

    @Inject
    private SignedInUser user;

    private String tenantId;
    private List<CampaignRow> rows = List.of();

    /** The view parameter: id of a campaign to open. */
    private Long requested;

    /** The form: null id for a new campaign. */
    private Long editId;
    private String name;
    private String channel;
    private final UtmForm utm = new UtmForm();

    @PostConstruct
    public void init() {
        tenantId = user.getTenantId();
        load();
    }

    private void load() {
        rows = campaigns.list().stream().map(CampaignRow::new).toList();
    }

    /** The view action: opens the campaign named by the view parameter, if this client has it. */
    public void openRequested() {
        if (requested == null) {
            return;
        }
        try {
            fill(campaigns.get(requested));
            PrimeFaces.current().executeScript("PF('campaignDialog').show();");
        } catch (DomainException | EJBException e) {
            Messages.error("This client has no campaign " + requested + ".");
        }
    }

    /** Empties the form for a new campaign. */
    public void startNew() {
        editId = null;
        name = null;
        channel = Channels.PAID_SEARCH;
        utm.clear();
    }

    /** Fills the form with a campaign of the list. */
    public void startEdit(long id) {
        try {
            fill(campaigns.get(id));
        } catch (DomainException | EJBException e) {
            Messages.error(Messages.domainCause(e).orElseThrow(() -> e).getMessage());
            load();
        }
    }

    private void fill(Campaign c) {
        editId = c.getId();
        name = c.getName();
        channel = c.getChannel();
        utm.setSource(c.getUtmSource());
        utm.setMedium(c.getUtmMedium());
        utm.setCampaign(c.getUtmCampaign());
    }

    /** Creates or changes the campaign of the form. */
    public void save() {
        if (!user.confirmStill(tenantId)) {
            return;
        }
        try {
            Campaign c = editId == null
                    ? campaigns.create(name, channel, utm.getSource(), utm.getMedium(), utm.getCampaign())
                    : campaigns.update(editId, channel, utm.getSource(), utm.getMedium(), utm.getCampaign());
            Messages.info((editId == null ? "Created" : "Saved") + " the campaign " + c.getName() + ".");
            load();
            PrimeFaces.current().ajax().update("messages");
            PrimeFaces.current().executeScript("PF('campaignDialog').hide();");
        } catch (DomainException | EJBException e) {
            Messages.error(Messages.domainCause(e).orElseThrow(() -> e).getMessage());
        }
    }

    public void delete(long id) {
        if (!user.confirmStill(tenantId)) {
            return;
        }
        try {
            String deleted = campaigns.get(id).getName();
            campaigns.delete(id);
            Messages.info("Deleted the campaign " + deleted + ". Its traffic stays in the reports under its name.");
            load();
        } catch (DomainException | EJBException e) {
            Messages.error(Messages.domainCause(e).orElseThrow(() -> e).getMessage());
        }
    }

    public List<String> completeChannel(String query) {
        String q = query == null ? "" : query.trim().toLowerCase();
        return CHANNELS.stream().filter(c -> c.toLowerCase().contains(q)).toList();
    }

    public List<String> getChannels() {
        return CHANNELS;
    }

    public List<CampaignRow> getRows() {
        return rows;
    }

    /** Whether the form holds a new campaign (the name can be typed) or an existing one. */
    public boolean isCreating() {
        return editId == null;
    }

    public Long getRequested() {
        return requested;
    }

    public void setRequested(Long requested) {
        this.requested = requested;
    }

    public Long getEditId() {
        return editId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    /** The form's UTM fields. */
    public UtmForm getUtm() {
        return utm;
    }

    /** One campaign as the table shows it. */
    public static final class CampaignRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private final long id;
        private final String name;
        private final String channel;
        private final String utmSource;
        private final String utmMedium;
        private final String utmCampaign;
        private final Instant createdAt;

        CampaignRow(Campaign c) {
            this.id = c.getId();
            this.name = c.getName();
            this.channel = c.getChannel();
            this.utmSource = c.getUtmSource();
            this.utmMedium = c.getUtmMedium();
            this.utmCampaign = c.getUtmCampaign();
            this.createdAt = c.getCreatedAt();
        }

        public long getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public String getChannel() {
            return channel;
        }

        public String getUtmSource() {
            return utmSource;
        }

        public String getUtmMedium() {
            return utmMedium;
        }

        public String getUtmCampaign() {
            return utmCampaign;
        }

        public Instant getCreatedAt() {
            return createdAt;
        }
    }
}
