package io.tracker.interfaces.conversion.rest;

import io.tracker.application.conversion.ledger.ConversionLedgerService;
import io.tracker.application.conversion.ledger.LedgerEntry;
import io.tracker.application.conversion.ledger.LedgerReport;
import io.tracker.application.reporting.ReportPeriod;
import io.tracker.application.tenant.TenantService;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.Text;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.interfaces.shared.rest.BodyCharset;
import io.tracker.interfaces.shared.rest.JsonBatch;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.shared.rest.StrictJson;
import io.tracker.interfaces.tenant.rest.TenantApi;
import jakarta.ejb.EJB;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The conversion ledger's API: later value and refunds of recorded conversions, by order id.
 *
 * <p>{@code POST /api/v1/conversions/adjustments} (API key scope {@code WRITE}), UTF-8 JSON, at most
 * {@value #MAX_BODY_BYTES} bytes and {@value #MAX_ITEMS} adjustments:
 * <pre>{@code
 * {"adjustments":[{"order_id":"A-1","action":"purchase","type":"RESTATE","value":40.00,"currency":"USD",
 *                  "time":"2026-12-01T10:00:00Z"},
 *                 {"order_id":"A-2","type":"RETRACT","time":"2026-12-01 11:00:00"}]}
 * }</pre>
 * {@code order_id} and {@code type} ({@code RESTATE}: set the value; {@code RETRACT}: take the conversion out)
 * required; {@code action} the conversion action's key (default: the tenant's default action); {@code value}
 * (a number, or a numeric string) required for {@code RESTATE}, ≥ 0, the conversion's new value in its currency,
 * ignored for {@code RETRACT}; {@code currency} optional, must be the conversion's; {@code time} when the change
 * happened: ISO-8601 with an offset, or local {@code yyyy-MM-dd HH:mm:ss} in the tenant's time zone, not before
 * the conversion, at most a day ahead. Each adjustment stands on its own. Answers {@code 200}
 * {@code {"received":2,"applied":1,"duplicates":0,"rejected":1,"errors":[{"index":1,"error":"order_id: no
 * conversion of 'purchase' has the order id 'A-2'"}]}} (errors by index from 0, the first 1,000, each starting
 * with the field at fault); the same adjustment sent again is a duplicate and changes nothing; another
 * client's order is not found. {@code 400} problem+json for a body that is not one JSON object with an
 * {@code adjustments} array, {@code 413} for one too large, {@code 415} for a content type other than UTF-8 JSON,
 * {@code 422} for an empty array.
 *
 * <p>{@code GET /api/v1/conversions/adjustments?from=YYYY-MM-DD&to=YYYY-MM-DD&limit=n} (scope {@code READ}): the
 * ledger rows adjusted in the period (days in the tenant's zone; default the last 30 days), newest first,
 * {@code limit} 1 to 1,000 (default 100): {@code {"from","to","adjustments":[{"id","type","order_id","action",
 * "conversion_id","converted_at","adjusted_at","value_before","value_after","currency","source","received_at"}]}};
 * instants in UTC, values in the conversion's currency ({@code value_after} 0 for a retraction), {@code source}
 * {@code API}, {@code CSV} or {@code SEGMENT}.
 */
@Path("v1/conversions/adjustments")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class ConversionAdjustmentsResource {

    static final int MAX_BODY_BYTES = 1 << 20;
    static final int MAX_ITEMS = 2_000;

    @EJB
    private ConversionLedgerService ledger;

    @EJB
    private TenantService tenants;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @TenantApi(ApiKeyScope.WRITE)
    public Response adjust(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body)
            throws IOException {
        if (contentType == null || !BodyCharset.isUtf8(contentType)) {
            return Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                    "send the adjustments as UTF-8 JSON (Content-Type: application/json)");
        }
        JsonArray items = JsonBatch.items(body, "adjustments", MAX_BODY_BYTES, MAX_ITEMS,
                "a CSV file (POST /api/v1/imports/conversion-adjustments)");
        List<Map<String, String>> rows = new ArrayList<>(items.size());
        for (JsonValue item : items) {
            rows.add(item instanceof JsonObject o ? JsonBatch.fields(o) : null);
        }
        LedgerReport report = ledger.applyRows(rows);
        return Response.ok(report(report, "received", "index").toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @TenantApi(ApiKeyScope.READ)
    public String list(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") String limit) {
        ReportPeriod period = ReportPeriod.parse(from, to, tenants.current().getTimeZone());
        JsonArrayBuilder rows = StrictJson.PROVIDER.createArrayBuilder();
        for (LedgerEntry e : ledger.list(period.start(), period.end(), limit(limit))) {
            JsonObjectBuilder row = StrictJson.PROVIDER.createObjectBuilder()
                    .add("id", e.id())
                    .add("type", e.kind().name())
                    .add("order_id", e.orderId());
            if (e.actionKey() == null) {
                row.addNull("action");
            } else {
                row.add("action", e.actionKey());
            }
            rows.add(row.add("conversion_id", e.conversionId())
                    .add("converted_at", e.convertedAt().toString())
                    .add("adjusted_at", e.adjustedAt().toString())
                    .add("value_before", e.valueBefore())
                    .add("value_after", e.valueAfter())
                    .add("currency", e.currency())
                    .add("source", e.source())
                    .add("received_at", e.receivedAt().toString()));
        }
        return StrictJson.PROVIDER.createObjectBuilder()
                .add("from", period.from().toString())
                .add("to", period.to().toString())
                .add("adjustments", rows)
                .build().toString();
    }

    /**
     * A report as the API answers it: {@code {"<count>","applied","duplicates","rejected","errors":[{"<position>",
     * "error"}]}}, the count and position named as the source counts (JSON items by index, CSV rows by line).
     */
    static JsonObject report(LedgerReport r, String countName, String positionName) {
        JsonArrayBuilder errors = StrictJson.PROVIDER.createArrayBuilder();
        r.errors().forEach(e -> errors.add(StrictJson.PROVIDER.createObjectBuilder()
                .add(positionName, e.position()).add("error", e.error())));
        return StrictJson.PROVIDER.createObjectBuilder()
                .add(countName, r.received())
                .add("applied", r.applied())
                .add("duplicates", r.duplicates())
                .add("rejected", r.rejected())
                .add("errors", errors)
                .build();
    }

    /** {@code limit}: 1 to 1,000, default 100. */
    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return 100;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1 && n <= ConversionLedgerService.MAX_PAGE) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new InvalidInputException("limit must be a whole number from 1 to " + ConversionLedgerService.MAX_PAGE
                + ", not " + Text.echo(text));
    }
}
