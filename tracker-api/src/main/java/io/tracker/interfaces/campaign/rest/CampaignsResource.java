package io.tracker.interfaces.campaign.rest;

import io.tracker.application.campaign.CampaignService;
import io.tracker.domain.campaign.Campaign;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.tenant.rest.TenantApi;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;

/**
 * {@code /api/v1/campaigns}: the tenant's campaigns. Reading needs a read key or any member's
 * token; changes need an analyst's or agency admin's token (API keys cannot change set-up).
 * Body of POST and PUT: {@code {"name","channel","utm_source","utm_medium","utm_campaign"}}.
 */
@Path("v1/campaigns")
@TenantApi(ApiKeyScope.READ)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Consumes(MediaType.APPLICATION_JSON)
public class CampaignsResource {

    @EJB
    private CampaignService campaigns;

    @Context
    private UriInfo uriInfo;

    /** A campaign on the wire. */
    public record CampaignView(long id, String name, String channel, String utmSource, String utmMedium,
                               String utmCampaign, Instant createdAt) {
        static CampaignView of(Campaign c) {
            return new CampaignView(c.getId(), c.getName(), c.getChannel(), c.getUtmSource(), c.getUtmMedium(),
                    c.getUtmCampaign(), c.getCreatedAt());
        }
    }

    /** Body of POST and PUT; the name cannot change (events refer to campaigns by name). */
    public record CampaignChange(String name, String channel, String utmSource, String utmMedium, String utmCampaign) {
    }

    @GET
    public List<CampaignView> list() {
        return campaigns.list().stream().map(CampaignView::of).toList();
    }

    @GET
    @Path("{id}")
    public CampaignView get(@PathParam("id") long id) {
        return CampaignView.of(campaigns.get(id));
    }

    @POST
    public Response create(CampaignChange body) {
        CampaignChange b = required(body);
        Campaign c = campaigns.create(b.name(), b.channel(), b.utmSource(), b.utmMedium(), b.utmCampaign());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(c.getId())).build())
                .entity(CampaignView.of(c)).build();
    }

    @PUT
    @Path("{id}")
    public CampaignView update(@PathParam("id") long id, CampaignChange body) {
        CampaignChange b = required(body);
        return CampaignView.of(campaigns.update(id, b.channel(), b.utmSource(), b.utmMedium(), b.utmCampaign()));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        campaigns.delete(id);
        return Response.noContent().build();
    }

    private static CampaignChange required(CampaignChange body) {
        if (body == null) {
            throw new InvalidInputException("a JSON body is required");
        }
        return body;
    }
}
