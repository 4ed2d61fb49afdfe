package io.tracker.interfaces.audit.rest;

import io.tracker.application.audit.StoreOrderImportService;
import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tracking.imports.ImportSlots;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.interfaces.shared.rest.JsonbSettings;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.tenant.rest.TenantApi;
import io.tracker.interfaces.tracking.rest.CsvUpload;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/**
 * A shop's orders ({@code POST /api/v1/imports/store-orders}): a Shopify or WooCommerce orders export or a plain
 * {@code order_id,time,value,currency,status} file, layout detected from the header (see
 * {@link StoreOrderImportService}). {@code text/csv} (streamed; a {@code charset} parameter is honoured, UTF-8 by
 * default), at most {@code TRACKER_IMPORTS_MAX_BYTES}. Answers {@code 200} with the upload's report
 * {@code {"id","kind":"store_orders","layout","received_at","rows","stored","replaced","rejected","skipped",
 * "first_day","last_day","errors":[{"row","column","error"}]}}; {@code 400} problem+json for a file without a known
 * header in its first 20 lines, {@code 413} too large, {@code 415} unknown charset, {@code 429} while the tenant runs
 * its maximum of imports. {@code GET /api/v1/imports/store-orders/{id}} answers an upload's report again.
 */
@Path("v1/imports/store-orders")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class StoreOrderImportsResource {

    @EJB
    private StoreOrderImportService orders;

    @Inject
    private ImportSlots slots;

    @Inject
    private CurrentTenant currentTenant;

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @TenantApi(ApiKeyScope.WRITE)
    public Response csv(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                        @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream csv) {
        return CsvUpload.run(contentType, contentLength, csv, slots, currentTenant.require(),
                (in, charset) -> JsonbSettings.toJson(orders.importCsv(in, charset)));
    }

    @GET
    @Path("{id}")
    @TenantApi(ApiKeyScope.READ)
    public String report(@PathParam("id") long id) {
        return JsonbSettings.toJson(orders.report(id));
    }
}
