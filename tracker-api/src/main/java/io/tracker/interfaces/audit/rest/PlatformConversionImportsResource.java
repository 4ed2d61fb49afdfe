package io.tracker.interfaces.audit.rest;

import io.tracker.application.audit.PlatformConversionImportService;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/**
 * The conversions a platform reports per campaign per day
 * ({@code POST /api/v1/imports/platform-conversions[?platform=google_ads|microsoft_ads|meta]}), from Google Ads,
 * Microsoft Advertising or Meta Ads Manager exports (see {@link PlatformConversionImportService}; the platform is
 * detected from the header unless named). Same transport rules and answers as the store orders import, with
 * {@code "kind":"platform_conversions"} and the platform as {@code layout}; an unknown platform is a 400.
 * {@code GET /api/v1/imports/platform-conversions/{id}} answers an upload's report again.
 */
@Path("v1/imports/platform-conversions")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class PlatformConversionImportsResource {

    @EJB
    private PlatformConversionImportService conversions;

    @Inject
    private ImportSlots slots;

    @Inject
    private CurrentTenant currentTenant;

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @TenantApi(ApiKeyScope.WRITE)
    public Response csv(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                        @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
                        @QueryParam("platform") String platform, InputStream csv) {
        return CsvUpload.run(contentType, contentLength, csv, slots, currentTenant.require(),
                (in, charset) -> JsonbSettings.toJson(conversions.importCsv(in, charset, platform)));
    }

    @GET
    @Path("{id}")
    @TenantApi(ApiKeyScope.READ)
    public String report(@PathParam("id") long id) {
        return JsonbSettings.toJson(conversions.report(id));
    }
}
