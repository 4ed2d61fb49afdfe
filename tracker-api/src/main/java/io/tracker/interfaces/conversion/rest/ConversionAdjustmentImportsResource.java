package io.tracker.interfaces.conversion.rest;

import io.tracker.application.conversion.ledger.ConversionLedgerService;
import io.tracker.application.conversion.ledger.LedgerReport;
import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tracking.imports.ImportSlots;
import io.tracker.application.tracking.imports.LimitedInputStream;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.interfaces.shared.limits.TooManyRequests;
import io.tracker.interfaces.shared.rest.BodyCharset;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.tenant.rest.TenantApi;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Optional;

/**
 * {@code POST /api/v1/imports/conversion-adjustments}: a CSV file of conversion adjustments (API key scope
 * {@code WRITE}), streamed, with the other imports' limits: the header line names the columns
 * {@code order_id,action,type,value,currency,time} ({@code order_id}, {@code type} and {@code time} required,
 * any order, other columns ignored; the fields as {@link ConversionAdjustmentsResource} describes them), for
 * example
 * <pre>
 * order_id,action,type,value,currency,time
 * A-1,purchase,RESTATE,60.00,USD,2026-12-01 10:00:00
 * A-2,purchase,RETRACT,,,2026-12-01T18:00:00Z
 * </pre>
 * Answers {@code 200} {@code {"rows":2,"applied":2,"duplicates":0,"rejected":0,"errors":[{"line":3,"error":"time:
 * …"}]}}: bad rows are reported by line (the header is line 1; the first 1,000) and skipped, good rows applied;
 * a file sent again applies nothing twice ({@code duplicates}). {@code 400} problem+json when the file is not
 * CSV or its header is unusable, {@code 413} when larger than {@code TRACKER_IMPORTS_MAX_BYTES} (checked on
 * {@code Content-Length} and while streaming; nothing is applied), {@code 415} for an unknown {@code charset}
 * (UTF-8 without one), {@code 429} with {@code Retry-After} while the tenant runs its maximum of imports.
 */
@Path("v1/imports/conversion-adjustments")
@Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@TenantApi(ApiKeyScope.WRITE)
public class ConversionAdjustmentImportsResource {

    @EJB
    private ConversionLedgerService ledger;

    @Inject
    private ImportSlots slots;

    @Inject
    private CurrentTenant currentTenant;

    @POST
    public Response csv(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                        @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream csv) {
        Optional<Charset> charset = BodyCharset.of(contentType);
        if (charset.isEmpty()) {
            return Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unknown charset in the Content-Type; send "
                    + "UTF-8 (or name a charset such as ISO-8859-1 or windows-1252)");
        }
        long maxBytes = slots.maxBytes();
        if (declaredLength(contentLength) > maxBytes) {
            return Problem.of(413, LimitedInputStream.tooLarge("the import file", maxBytes).getMessage());
        }
        Optional<ImportSlots.Slot> slot = slots.tryAcquire(currentTenant.require());
        if (slot.isEmpty()) {
            return TooManyRequests.response(429, "this client already runs " + slots.max()
                    + " imports; wait until one has finished", ImportSlots.RETRY_AFTER_SECONDS * 1_000_000_000L);
        }
        try (ImportSlots.Slot held = slot.get()) {
            LedgerReport report = ledger.importCsv(new LimitedInputStream(csv, maxBytes, "the import file"),
                    charset.get());
            return Response.ok(ConversionAdjustmentsResource.report(report, "rows", "line").toString(),
                    MediaType.APPLICATION_JSON_TYPE).build();
        }
    }

    private static long declaredLength(String contentLength) {
        try {
            return contentLength == null ? -1 : Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
