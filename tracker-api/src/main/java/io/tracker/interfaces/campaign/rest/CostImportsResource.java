package io.tracker.interfaces.campaign.rest;

import io.tracker.application.campaign.CostImportReport;
import io.tracker.application.campaign.CostImportService;
import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tracking.imports.ImportSlots;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.shared.rest.StrictJson;
import io.tracker.interfaces.tenant.rest.TenantApi;
import io.tracker.interfaces.tracking.rest.CsvUpload;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/**
 * Ad cost per campaign per day ({@code POST /api/v1/imports/costs[?layout=google_ads|microsoft_ads|meta|plain]}),
 * see {@link CostImportService} for the layouts, the replacement of re-imported days and the currency rule.
 * {@code text/csv} (streamed; a {@code charset} parameter is honoured, UTF-8 by default), at most
 * {@code TRACKER_IMPORTS_MAX_BYTES}. Answers {@code 200} with the upload's report: {@code {"id","received_at",
 * "layout","currency","rows","stored","rejected","skipped","replaced","days","first_day","last_day","cost",
 * "errors":[{"row","column","error"}]}} (row: the file's line from 1, title lines counted; column: as the file's
 * header names it, null for the row). {@code 400} problem+json for an unknown layout or a file without a header
 * line of a known layout in its first 20 lines, {@code 413} for a file too large, {@code 415} for an unknown
 * charset, {@code 429} while the tenant runs its maximum of imports. {@code GET /api/v1/imports/costs/{id}}
 * answers an upload's report again; {@code GET /api/v1/imports/costs} the latest 50.
 */
@Path("v1/imports/costs")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class CostImportsResource {

    @EJB
    private CostImportService costs;

    @Inject
    private ImportSlots slots;

    @Inject
    private CurrentTenant currentTenant;

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @TenantApi(ApiKeyScope.WRITE)
    public Response csv(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                        @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
                        @QueryParam("layout") String layout, InputStream csv) {
        return CsvUpload.run(contentType, contentLength, csv, slots, currentTenant.require(),
                (in, charset) -> json(costs.importCsv(in, charset, layout)).build().toString());
    }

    @GET
    @TenantApi(ApiKeyScope.READ)
    public String recent() {
        return CsvUpload.uploads(costs.recent(50), CostImportsResource::json);
    }

    @GET
    @Path("{id}")
    @TenantApi(ApiKeyScope.READ)
    public String report(@PathParam("id") long id) {
        return json(costs.report(id)).build().toString();
    }

    /** The upload report as the API answers it. */
    public static JsonObjectBuilder json(CostImportReport r) {
        JsonObjectBuilder o = StrictJson.PROVIDER.createObjectBuilder()
                .add("id", r.id())
                .add("received_at", r.receivedAt().toString())
                .add("layout", r.layout())
                .add("currency", r.currency())
                .add("rows", r.rows())
                .add("stored", r.stored())
                .add("rejected", r.rejected())
                .add("skipped", r.skipped())
                .add("replaced", r.replaced())
                .add("days", r.days());
        if (r.firstDay() == null) {
            o.addNull("first_day").addNull("last_day");
        } else {
            o.add("first_day", r.firstDay().toString()).add("last_day", r.lastDay().toString());
        }
        return o.add("cost", r.cost()).add("errors", CsvUpload.errors(r.errors()));
    }
}
