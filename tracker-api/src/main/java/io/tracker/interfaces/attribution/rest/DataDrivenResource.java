package io.tracker.interfaces.attribution.rest;

import io.tracker.application.attribution.DataDrivenRun;
import io.tracker.application.attribution.DataDrivenRuns;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.NotFoundException;
import io.tracker.domain.shared.Text;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.shared.rest.StrictJson;
import io.tracker.interfaces.tenant.rest.TenantApi;
import jakarta.ejb.EJB;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;

/**
 * {@code /api/v1/attribution/data-driven}: the data-driven models' runs (read key or any member's token).
 *
 * <ul>
 *   <li>{@code POST} (no body) → {@code 202 Accepted} with {@code Location: …/data-driven/{id}} and the run:
 *       a new queued run, or the tenant's run already queued or running (asking twice queues once).
 *       The run happens in the background (fitting every conversion action's Markov and Shapley models on
 *       the tenant's journeys, then storing each counted conversion's {@code markov} and {@code shapley}
 *       credits), never inside the request;</li>
 *   <li>{@code GET /{id}} → {@code 200} with the run; {@code 404} for an id the tenant does not have,
 *       {@code 400} for an id that is not a number.</li>
 * </ul>
 * A run: {@code {"id":7,"reason":"on_demand|schedule","status":"queued|running|succeeded|failed",
 * "requested_at","started_at","finished_at" (ISO-8601 UTC, absent until then),"conversions","converting_paths",
 * "null_paths","channels","markov_millis","shapley_millis" (once succeeded),"error" (once failed)}}.
 */
@Path("v1/attribution/data-driven")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@TenantApi(ApiKeyScope.READ)
public class DataDrivenResource {

    @EJB
    private DataDrivenRuns runs;

    @Context
    private UriInfo uriInfo;

    @POST
    public Response request() {
        DataDrivenRun run = runs.request();
        return Response.accepted(json(run))
                .location(uriInfo.getAbsolutePathBuilder().path(Long.toString(run.id())).build())
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("{id}")
    public String get(@PathParam("id") String id) {
        long runId;
        try {
            runId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("a run id is a number, not " + Text.echo(id));
        }
        if (runId <= 0) {
            throw new NotFoundException("no data-driven run " + runId);
        }
        return json(runs.get(runId));
    }

    private static String json(DataDrivenRun run) {
        JsonObjectBuilder json = StrictJson.PROVIDER.createObjectBuilder()
                .add("id", run.id())
                .add("reason", run.reason().toLowerCase(java.util.Locale.ROOT))
                .add("status", run.status().toLowerCase(java.util.Locale.ROOT));
        instant(json, "requested_at", run.requestedAt());
        instant(json, "started_at", run.startedAt());
        instant(json, "finished_at", run.finishedAt());
        if (run.conversions() != null) {
            json.add("conversions", run.conversions())
                    .add("converting_paths", run.convertingPaths())
                    .add("null_paths", run.nullPaths())
                    .add("channels", run.channels())
                    .add("markov_millis", run.markovMillis())
                    .add("shapley_millis", run.shapleyMillis());
        }
        if (run.error() != null) {
            json.add("error", run.error());
        }
        return json.build().toString();
    }

    private static void instant(JsonObjectBuilder json, String name, Instant at) {
        if (at != null) {
            json.add(name, at.toString());
        }
    }
}
