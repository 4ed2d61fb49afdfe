package io.tracker.interfaces.reporting.rest;

import io.tracker.application.reporting.schedules.ReportSchedule;
import io.tracker.application.reporting.schedules.ReportScheduleService;
import io.tracker.application.reporting.schedules.ScheduleChange;
import io.tracker.domain.shared.NotFoundException;
import io.tracker.domain.tenant.ApiKeyScope;
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
import java.util.List;

/**
 * {@code /api/v1/report-schedules}: the client's scheduled e-mails of its PDF summary. Reading needs a read key or
 * any member's token; creating, deleting and sending now need an analyst's or agency admin's token (403 otherwise;
 * API keys cannot).
 *
 * <ul>
 *   <li>{@code GET}: every schedule, as {@link ReportSchedule}
 *       ({@code [{"id":3,"recipients":["ceo@client.example"],"frequency":"weekly","period":"last_7_days",
 *       "model":"last_touch","send_hour":8,"time_zone":"Europe/Berlin","next_run_at":"2026-12-07T07:00:00Z",
 *       "retry_at":null,"requested_at":null,"last_sent_at":null,"last_from":null,"last_to":null,"last_error":null,
 *       "failures":0,"created_at":…}]}); {@code GET /{id}}: one;</li>
 *   <li>{@code POST} with {@code {"recipients":["ceo@client.example"],"frequency":"weekly","model":"linear",
 *       "send_hour":8}} → 201 with {@code Location}; {@code frequency} {@code weekly} (Mondays, the 7 days Monday to
 *       Sunday before) or {@code monthly} (the 1st, the previous calendar month), {@code model} default
 *       {@code last_touch}, {@code send_hour} 0..23 in the client's time zone, default 8; 1 to 20 recipients;</li>
 *   <li>{@code POST /{id}/send-now} → 202: the latest complete period is sent within a minute (the schedule's
 *       {@code requested_at} is set until it is);</li>
 *   <li>{@code DELETE /{id}} → 204.</li>
 * </ul>
 * Bad input: 400 problem+json naming the field ({@code recipients[1]}, {@code frequency} …); an id of no schedule of
 * the client (another client's included): 404.
 */
@Path("v1/report-schedules")
@TenantApi(ApiKeyScope.READ)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Consumes(MediaType.APPLICATION_JSON)
public class ReportSchedulesResource {

    @EJB
    private ReportScheduleService schedules;

    @Context
    private UriInfo uriInfo;

    /** The body of POST. */
    public record ScheduleBody(List<String> recipients, String frequency, String model, Integer sendHour) {
    }

    @GET
    public List<ReportSchedule> list() {
        return schedules.list();
    }

    @POST
    public Response create(ScheduleBody body) {
        ReportSchedule created = schedules.create(body == null ? null
                : new ScheduleChange(body.recipients(), body.frequency(), body.model(), body.sendHour()));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @GET
    @Path("{id}")
    public ReportSchedule get(@PathParam("id") String id) {
        return schedules.get(id(id));
    }

    @POST
    @Path("{id}/send-now")
    public Response sendNow(@PathParam("id") String id) {
        return Response.accepted(schedules.sendNow(id(id))).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        schedules.delete(id(id));
        return Response.noContent().build();
    }

    /** A schedule id; anything else is "not found" (as another client's schedule is). */
    private static long id(String id) {
        if (id != null && id.matches("[0-9]{1,18}")) {
            return Long.parseLong(id);
        }
        throw new NotFoundException("no report schedule " + (id == null ? ""
                : id.length() > 40 ? id.substring(0, 40) + "…" : id));
    }
}
