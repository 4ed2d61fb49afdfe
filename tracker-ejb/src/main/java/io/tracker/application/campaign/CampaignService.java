package io.tracker.application.campaign;

import io.tracker.application.tenant.AuditLog;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.domain.campaign.Campaign;
import io.tracker.domain.shared.ConflictException;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.NotFoundException;
import io.tracker.domain.shared.Text;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The current tenant's campaigns. Reading needs report access; changes need set-up rights and are audited. */
@Stateless
public class CampaignService {

    @PersistenceContext(unitName = "tracker")
    private EntityManager em;

    @EJB
    private AuditLog audit;

    @RequiresPermission(Permission.READ_REPORTS)
    public List<Campaign> list() {
        return em.createQuery("select c from Campaign c order by c.name", Campaign.class).getResultList();
    }

    /** A campaign of the current tenant; another tenant's id is "not found", never "forbidden". */
    @RequiresPermission(Permission.READ_REPORTS)
    public Campaign get(long id) {
        Campaign campaign = em.find(Campaign.class, id);
        if (campaign == null) {
            throw new NotFoundException("no campaign " + id);
        }
        return campaign;
    }

    @RequiresPermission(Permission.EDIT_SETUP)
    public Campaign create(String name, String channel, String utmSource, String utmMedium, String utmCampaign) {
        String n = required("name", name);
        if (!em.createQuery("select c from Campaign c where c.name = :name", Campaign.class)
                .setParameter("name", n).getResultList().isEmpty()) {
            throw new ConflictException("a campaign named '" + n + "' already exists");
        }
        Campaign campaign = new Campaign(n, required("channel", channel), blankToNull(utmSource),
                blankToNull(utmMedium), blankToNull(utmCampaign));
        em.persist(campaign);
        em.flush();
        audit.record("campaign.created", n, "channel " + campaign.getChannel());
        return campaign;
    }

    @RequiresPermission(Permission.EDIT_SETUP)
    public Campaign update(long id, String channel, String utmSource, String utmMedium, String utmCampaign) {
        Campaign campaign = get(id);
        campaign.change(required("channel", channel), blankToNull(utmSource), blankToNull(utmMedium),
                blankToNull(utmCampaign));
        audit.record("campaign.changed", campaign.getName(), "channel " + campaign.getChannel());
        return campaign;
    }

    @RequiresPermission(Permission.EDIT_SETUP)
    public void delete(long id) {
        Campaign campaign = get(id);
        em.remove(campaign);
        audit.record("campaign.deleted", campaign.getName(), null);
    }

    private static String required(String field, String value) {
        Text.withoutNul(field, value);
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field + " is required");
        }
        if (value.length() > 200) {
            throw new InvalidInputException(field + " is longer than 200 characters");
        }
        return value.trim();
    }

    private static String blankToNull(String value) {
        Text.withoutNul("UTM value", value);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
