package io.tracker.interfaces.conversion.rest;

import io.tracker.application.conversion.destinations.ActionMapping;
import io.tracker.application.conversion.destinations.ConversionUploader;
import io.tracker.application.conversion.destinations.DestinationChange;
import io.tracker.application.conversion.destinations.DestinationService;
import io.tracker.application.conversion.destinations.DestinationSettings;
import io.tracker.application.conversion.destinations.PlatformNames;
import io.tracker.application.conversion.destinations.UploadRequest;
import io.tracker.application.conversion.destinations.UploadResult;
import io.tracker.application.conversion.destinations.UploadRun;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.tenant.rest.TenantApi;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code /api/v1/destinations/{platform}}: where the tenant's conversions go back to, with {@code platform} one of
 * {@code google-ads}, {@code microsoft-ads}, {@code meta} (anything else: 400). Reading needs a read key or any
 * member's token; changing settings and starting an upload need an analyst's or agency admin's token (403
 * otherwise; API keys cannot). Bad input is a 400 problem+json naming the field.
 *
 * <ul>
 *   <li>{@code GET} the settings: <pre>{@code
 * {"platform":"google-ads","configured":true,"enabled":true,"account_id":"1234567890","login_customer_id":null,
 *  "endpoint":null,"access_token_set":true,"developer_token_set":true,"upload_every_minutes":60,
 *  "last_upload_at":"2026-12-06T06:00:00Z","actions":[{"action":"purchase","name":"customers/1234567890/conversionActions/456"}]}
 * }</pre> (tokens are never returned, only whether they are set);</li>
 *   <li>{@code PUT} replaces them: <pre>{@code
 * {"enabled":true,"account_id":"123-456-7890","login_customer_id":null,"endpoint":null,"access_token":"…",
 *  "developer_token":"…","upload_every_minutes":60,"actions":[{"action":"purchase","name":"…"}]}
 * }</pre> A token left out, null or empty keeps the stored one; {@code endpoint} null for the platform's documented
 *       API; {@code upload_every_minutes} 5 to 10,080, or null for on demand only; answers the settings as GET;</li>
 *   <li>{@code POST /uploads} uploads now what is new, changed or to be retried (Google Ads and Meta; Microsoft
 *       Advertising takes files only: 422), answering the run's counts {@code {"platform","considered","invalid",
 *       "sent","accepted","failed","retry","requests"}}; 422 when the destination is not enabled or lacks a
 *       credential, 409 while another upload to it runs;</li>
 *   <li>{@code GET /results?status=accepted|failed|invalid|retry&limit=} each row's latest result, newest first
 *       ({@code [{"kind":"CONVERSION","item_id","conversion_id","order_id","status","error","attempts","request_id",
 *       "updated_at"}]}; {@code limit} 1 to 50,000, default 5,000);</li>
 *   <li>{@code GET /requests?limit=} the latest requests sent ({@code [{"id","sent_at","rows","http_status",
 *       "outcome"}]}, default 50).</li>
 * </ul>
 */
@Path("v1/destinations/{platform}")
@TenantApi(ApiKeyScope.READ)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Consumes(MediaType.APPLICATION_JSON)
public class DestinationsResource {

    @EJB
    private DestinationService destinations;

    @EJB
    private ConversionUploader uploader;

    /** Body of PUT. */
    public record DestinationBody(Boolean enabled, String accountId, String loginCustomerId, String endpoint,
                                  String accessToken, String developerToken, Integer uploadEveryMinutes,
                                  List<ActionBody> actions) {
    }

    /** One action of the mapping. */
    public record ActionBody(String action, String name) {
    }

    @GET
    public DestinationSettings settings(@PathParam("platform") String platform) {
        return destinations.settings(PlatformNames.parse("platform", platform));
    }

    @PUT
    public DestinationSettings save(@PathParam("platform") String platform, DestinationBody body) {
        var p = PlatformNames.parse("platform", platform);
        if (body == null) {
            throw new InvalidInputException("a JSON body is required: {\"enabled\", \"account_id\", \"login_customer_id\", "
                    + "\"endpoint\", \"access_token\", \"developer_token\", \"upload_every_minutes\", \"actions\"}");
        }
        List<ActionMapping> actions = body.actions() == null ? null : body.actions().stream()
                .map(a -> a == null ? null : new ActionMapping(a.action(), a.name())).toList();
        return destinations.save(p, new DestinationChange(body.enabled(), body.accountId(), body.loginCustomerId(),
                body.endpoint(), body.accessToken(), body.developerToken(), body.uploadEveryMinutes(), actions));
    }

    @POST
    @Path("uploads")
    public UploadRun upload(@PathParam("platform") String platform) {
        return uploader.upload(PlatformNames.parse("platform", platform));
    }

    @GET
    @Path("results")
    public List<UploadResult> results(@PathParam("platform") String platform, @QueryParam("status") String status,
                                      @QueryParam("limit") String limit) {
        return destinations.results(PlatformNames.parse("platform", platform), status, number("limit", limit, 5000, 50_000));
    }

    @GET
    @Path("requests")
    public List<UploadRequest> requests(@PathParam("platform") String platform, @QueryParam("limit") String limit) {
        return destinations.requests(PlatformNames.parse("platform", platform), number("limit", limit, 50, 1000));
    }

    static int number(String name, String text, int otherwise, int max) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException("'" + name + "' must be a whole number from 1 to " + max);
    }
}
