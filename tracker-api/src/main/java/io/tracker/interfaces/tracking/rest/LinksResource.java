package io.tracker.interfaces.tracking.rest;

import io.tracker.application.tracking.links.TrackedLink;
import io.tracker.application.tracking.links.TrackedLinkService;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.domain.tracking.Utm;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.tenant.rest.TenantApi;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code /api/v1/links}: the tenant's tracked links ({@code /c/{code}}). Listing needs a read key or
 * any member's token; making and archiving need an analyst's or agency admin's token (API keys cannot
 * change set-up), like {@code /api/v1/campaigns}.
 *
 * <ul>
 *   <li>{@code POST} {@code {"campaign": <campaign id>, "destination": "https://shop.example/landing?…",
 *       "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"}} (UTM values optional)
 *       → {@code 201} with the link ({@code code}, {@code url} = the short URL, {@code destination} with
 *       the UTM values in it, …); a destination off the client's website domains, or no http(s) URL,
 *       → {@code 400};</li>
 *   <li>{@code GET} → the links, newest first, archived ones included, each with its {@code clicks};</li>
 *   <li>{@code DELETE /{code}} → {@code 204}: archived ({@code /c/{code}} answers 404 from then on);
 *       another client's code → {@code 404}.</li>
 * </ul>
 */
@Path("v1/links")
@TenantApi(ApiKeyScope.READ)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Consumes(MediaType.APPLICATION_JSON)
public class LinksResource {

    @EJB
    private TrackedLinkService links;

    @Context
    private UriInfo uriInfo;

    /**
     * A link on the wire; times are ISO-8601 instants (UTC).
     *
     * @param url         the short URL to hand out: Tracker's public URL + {@code /c/<code>}
     * @param active      false once archived
     * @param clicks      stored clicks (bots not counted)
     */
    public record LinkView(String code, String url, long campaignId, String campaign, String channel,
                           String destination, String utmSource, String utmMedium, String utmCampaign,
                           String utmTerm, String utmContent, boolean active, long clicks, Instant createdAt,
                           String createdBy, Instant archivedAt) {
    }

    /** Body of POST: {@code campaign} is the campaign's id. */
    public record NewLink(Long campaign, String destination, String utmSource, String utmMedium, String utmCampaign,
                          String utmTerm, String utmContent) {
    }

    @GET
    public List<LinkView> list() {
        String base = publicBase();
        return links.list().stream().map(l -> view(l, base)).toList();
    }

    @POST
    public Response create(NewLink body) {
        if (body == null) {
            throw new InvalidInputException("a JSON body is required: {\"campaign\", \"destination\", \"utm_source\", …}");
        }
        TrackedLink link = links.create(body.campaign(), body.destination(), new Utm(body.utmSource(),
                body.utmMedium(), body.utmCampaign(), body.utmTerm(), body.utmContent()));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(link.code()).build())
                .entity(view(link, publicBase())).build();
    }

    @DELETE
    @Path("{code}")
    public Response archive(@PathParam("code") String code) {
        links.archive(code);
        return Response.noContent().build();
    }

    private static LinkView view(TrackedLink l, String base) {
        return new LinkView(l.code(), base + "/c/" + l.code(), l.campaignId(), l.campaign(), l.channel(),
                l.destination(), l.utmSource(), l.utmMedium(), l.utmCampaign(), l.utmTerm(), l.utmContent(),
                l.active(), l.clicks(), l.createdAt(), l.createdBy(), l.archivedAt());
    }

    /** {@code TRACKER_PUBLIC_URL} (as browsers reach Tracker), else the origin this request came to. */
    private String publicBase() {
        String configured = ConfigProvider.getConfig().getOptionalValue("tracker.public-url", String.class).orElse("");
        if (!configured.isBlank()) {
            return configured.replaceAll("/+$", "");
        }
        URI base = uriInfo.getBaseUri();
        return base.getScheme() + "://" + base.getRawAuthority();
    }
}
