package io.tracker.interfaces.tracking.rest;

import io.tracker.application.tracking.imports.ImportReport;
import io.tracker.application.tracking.imports.ImportService;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.tenant.rest.TenantApi;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/**
 * File imports, streamed: the request body is the CSV file itself ({@code text/csv}).
 * Answers {@code 200} with {@code {"rows","touchpoints","conversions","duplicates",
 * "errors":[{"line":n,"error":"..."}]}}: bad rows are reported by line and skipped, good rows kept;
 * {@code 400} problem+json when the file is not CSV or lacks a required column.
 */
@Path("v1/imports")
@Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@TenantApi(ApiKeyScope.WRITE)
public class ImportsResource {

    @EJB
    private ImportService imports;

    /** {@code POST /api/v1/imports/touchpoints}: {@code customer_id,time,interaction,conversion,conversion_value,channel}. */
    @POST
    @Path("touchpoints")
    public String touchpoints(InputStream csv) {
        return json(imports.importTouchpointCsv(csv));
    }

    /** {@code POST /api/v1/imports/ga-sessions}: a Google Analytics 360 session export. */
    @POST
    @Path("ga-sessions")
    public String gaSessions(InputStream csv) {
        return json(imports.importGaSessions(csv));
    }

    static String json(ImportReport report) {
        JsonArrayBuilder errors = Json.createArrayBuilder();
        report.errors().forEach(e -> errors.add(Json.createObjectBuilder().add("line", e.index()).add("error", e.error())));
        return Json.createObjectBuilder()
                .add("rows", report.rows())
                .add("touchpoints", report.touchpoints())
                .add("conversions", report.conversions())
                .add("duplicates", report.duplicates())
                .add("errors", errors)
                .build().toString();
    }
}
