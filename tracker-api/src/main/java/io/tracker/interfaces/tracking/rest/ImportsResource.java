package io.tracker.interfaces.tracking.rest;

import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tracking.imports.ImportReport;
import io.tracker.application.tracking.imports.ImportService;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.application.tracking.imports.ImportSlots;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.shared.rest.StrictJson;
import io.tracker.interfaces.tenant.rest.TenantApi;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.function.BiFunction;

/**
 * File imports, streamed: the request body is the CSV file itself ({@code text/csv}).
 * Answers {@code 200} with {@code {"rows","touchpoints","conversions","duplicates","rejected",
 * "errors":[{"line":n,"error":"..."}]}}: bad rows are reported by line and skipped, good rows kept
 * ({@code errors} lists the first 1,000 of the {@code rejected} rows); {@code 400} problem+json when
 * the file is not CSV or its header is unusable; {@code 413} when the body is larger than
 * {@code TRACKER_IMPORTS_MAX_BYTES} (checked on {@code Content-Length} and again while streaming;
 * nothing is stored); {@code 415} for a {@code charset} Java does not know (others, such as
 * ISO-8859-1, are honoured; UTF-8 without one); {@code 429} with {@code Retry-After} while the
 * tenant already runs {@code TRACKER_IMPORTS_MAX_CONCURRENT} imports.
 */
@Path("v1/imports")
@Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@TenantApi(ApiKeyScope.WRITE)
public class ImportsResource {

    @EJB
    private ImportService imports;

    @Inject
    private ImportSlots slots;

    @Inject
    private CurrentTenant currentTenant;

    /** {@code POST /api/v1/imports/touchpoints}: {@code customer_id,time,interaction,conversion,conversion_value,channel}. */
    @POST
    @Path("touchpoints")
    public Response touchpoints(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream csv) {
        return run(contentType, contentLength, csv, imports::importTouchpointCsv);
    }

    /** {@code POST /api/v1/imports/ga-sessions}: a Google Analytics 360 session export. */
    @POST
    @Path("ga-sessions")
    public Response gaSessions(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                               @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream csv) {
        return run(contentType, contentLength, csv, imports::importGaSessions);
    }

    private Response run(String contentType, String contentLength, InputStream csv,
                         BiFunction<InputStream, Charset, ImportReport> importer) {
        return CsvUpload.run(contentType, contentLength, csv, slots, currentTenant.require(),
                (in, charset) -> json(importer.apply(in, charset)));
    }

    static String json(ImportReport report) {
        JsonArrayBuilder errors = StrictJson.PROVIDER.createArrayBuilder();
        report.errors().forEach(e -> errors.add(StrictJson.PROVIDER.createObjectBuilder()
                .add("line", e.index()).add("error", e.error())));
        return StrictJson.PROVIDER.createObjectBuilder()
                .add("rows", report.rows())
                .add("touchpoints", report.touchpoints())
                .add("conversions", report.conversions())
                .add("duplicates", report.duplicates())
                .add("rejected", report.rejected())
                .add("errors", errors)
                .build().toString();
    }
}
