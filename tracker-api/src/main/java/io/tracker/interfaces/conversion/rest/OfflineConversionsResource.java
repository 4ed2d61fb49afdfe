package io.tracker.interfaces.conversion.rest;

import io.tracker.application.conversion.offline.MatchReport;
import io.tracker.application.conversion.offline.OfflineConversionService;
import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tracking.imports.ImportSlots;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.interfaces.shared.rest.BodyCharset;
import io.tracker.interfaces.shared.rest.JsonBatch;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.shared.rest.StrictJson;
import io.tracker.interfaces.tenant.rest.TenantApi;
import io.tracker.interfaces.tracking.rest.CsvUpload;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
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
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Offline conversions from the till and the CRM ({@code POST /api/v1/imports/offline-conversions}), matched to
 * journeys by click id or hashed e-mail/phone (see {@link OfflineConversionService}).
 * <ul>
 *   <li>{@code text/csv} (streamed; a {@code charset} parameter is honoured, UTF-8 by default): the header line
 *       names the columns {@code order_id, time, value, currency, action, gclid, gbraid, wbraid, fbclid, msclkid,
 *       email, phone, first_name, last_name, street, city, postal_code, country, store_id} (only {@code time}
 *       and {@code action} required, any order, other columns ignored); at most {@code TRACKER_IMPORTS_MAX_BYTES};
 *       row errors name the CSV line (the header is line 1);</li>
 *   <li>{@code application/json} (for CRMs): {@code {"conversions":[{"order_id":"A-1","time":"2026-12-01T10:15:00Z",
 *       "value":129.90,"action":"purchase","email":"…"}]}}, the same fields as the CSV's columns (strings, or
 *       numbers for {@code value}), at most 1 MiB and {@value #MAX_ROWS} rows; row errors name the index (from 0).</li>
 * </ul>
 * Both answer {@code 200} with the match report: {@code {"id","received_at","source","rows","stored",
 * "matched":{"click_id","email","phone"},"unmatched","outside_lookback","duplicates","rejected","invalid_emails",
 * "invalid_phones","fields":[{"field","provided","invalid"}],"errors":[{"row","column","error"}]}}. {@code 400}
 * problem+json for an unusable file or body, {@code 413} for one too large, {@code 415} for an unknown charset,
 * {@code 429} while the tenant runs its maximum of imports. {@code GET /api/v1/imports/offline-conversions/{id}}
 * answers an upload's report again; {@code GET /api/v1/imports/offline-conversions} the latest 50.
 */
@Path("v1/imports/offline-conversions")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class OfflineConversionsResource {

    static final int MAX_ROWS = 2_000;
    static final int MAX_JSON_BYTES = 1 << 20;

    @EJB
    private OfflineConversionService offline;

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
                (in, charset) -> json(offline.importCsv(in, charset)).build().toString());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @TenantApi(ApiKeyScope.WRITE)
    public Response json(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body)
            throws IOException {
        if (!BodyCharset.isUtf8(contentType)) {
            return Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, "send UTF-8 JSON");
        }
        JsonArray items = JsonBatch.items(body, "conversions", MAX_JSON_BYTES, MAX_ROWS, "a CSV file");
        List<Map<String, String>> rows = new ArrayList<>(items.size());
        for (JsonValue item : items) {
            rows.add(fields(item));
        }
        return CsvUpload.inSlot(slots, currentTenant.require(), () -> json(offline.importRows(rows)).build().toString());
    }

    @GET
    @TenantApi(ApiKeyScope.READ)
    public String recent() {
        return CsvUpload.uploads(offline.recent(50), OfflineConversionsResource::json);
    }

    @GET
    @Path("{id}")
    @TenantApi(ApiKeyScope.READ)
    public String report(@PathParam("id") long id) {
        return json(offline.report(id)).build().toString();
    }

    /**
     * A JSON row as the CSV's cells (see {@link JsonBatch#fields}); an item that is not an object as a row without
     * an action, which the row reader refuses.
     */
    private static Map<String, String> fields(JsonValue item) {
        if (item instanceof JsonObject o) {
            return JsonBatch.fields(o);
        }
        Map<String, String> row = new HashMap<>();
        row.put("action", null);
        return row;
    }

    /** The match report as the API answers it. */
    public static JsonObjectBuilder json(MatchReport r) {
        JsonArrayBuilder fields = StrictJson.PROVIDER.createArrayBuilder();
        r.fields().forEach(f -> fields.add(StrictJson.PROVIDER.createObjectBuilder().add("field", f.field())
                .add("provided", f.provided()).add("invalid", f.invalid())));
        return StrictJson.PROVIDER.createObjectBuilder()
                .add("id", r.id())
                .add("received_at", r.receivedAt().toString())
                .add("source", r.source())
                .add("rows", r.rows())
                .add("stored", r.stored())
                .add("matched", StrictJson.PROVIDER.createObjectBuilder().add("click_id", r.matchedByClickId())
                        .add("email", r.matchedByEmail()).add("phone", r.matchedByPhone()))
                .add("unmatched", r.unmatched())
                .add("outside_lookback", r.outsideLookback())
                .add("duplicates", r.duplicates())
                .add("rejected", r.rejected())
                .add("invalid_emails", r.invalidEmails())
                .add("invalid_phones", r.invalidPhones())
                .add("fields", fields)
                .add("errors", CsvUpload.errors(r.errors()));
    }
}
