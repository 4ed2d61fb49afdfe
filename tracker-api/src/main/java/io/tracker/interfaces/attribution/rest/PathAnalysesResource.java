package io.tracker.interfaces.attribution.rest;

import io.tracker.application.attribution.CreatedPathAnalysis;
import io.tracker.application.attribution.PathAnalysisService;
import io.tracker.application.attribution.StoredPathAnalysis;
import io.tracker.application.tracking.imports.LimitedInputStream;
import io.tracker.domain.attribution.ChannelComparison;
import io.tracker.domain.attribution.ChannelTotal;
import io.tracker.domain.attribution.PathLineError;
import io.tracker.domain.attribution.UnusablePathFileException;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.NotFoundException;
import io.tracker.domain.shared.Text;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.interfaces.shared.rest.BodyCharset;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.shared.rest.StrictJson;
import io.tracker.interfaces.tenant.rest.TenantApi;
import jakarta.ejb.EJB;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /api/v1/path-analyses}: path-level data in ChannelAttribution's layout
 * ({@code path;total_conversions;total_conversion_value;total_null}, channels joined by {@code " > "})
 * and every attribution model side by side over it. Analyses belong to the tenant that made them.
 *
 * <ul>
 *   <li>{@code POST} with the file as body ({@code Content-Type: text/csv}, optional {@code charset};
 *       {@code ?sep=;} (default), {@code ,} or a tab ({@code %09}); {@code ?name=} names it, at most 200
 *       characters) → {@code 201} {@code {"id":"<uuid>","rejected":[{"line":n,"reason":"…"}]}} with a
 *       {@code Location} header; {@code rejected} (only when lines were bad) lists the first 1,000 bad
 *       lines, which were skipped, and {@code rejected_count} counts them all. {@code 400} when no line
 *       is usable (the same {@code rejected} list in the problem); {@code 413} over 20 MiB, 200,000 data
 *       lines or 100 channels; {@code 415} for a body that is not {@code text/csv} (or an unknown
 *       charset). Needs a write key (or an analyst).</li>
 *   <li>{@code GET /{id}} → {@code {"id","name","created_at","created_by","lines","rejected","paths",
 *       "totals":{"conversions","revenue","nulls"},"channels":[{"channel":"alpha",
 *       "first_touch":{"conversions","revenue"},"last_touch":{…},"linear":{…},"position_based":{…},
 *       "markov":{"conversions","revenue","removal_effect"},"shapley":{…}}]}}, channels alphabetical;
 *       another tenant's id (or no such id) → {@code 404}. {@code time_decay} is absent: path data has
 *       no times. Conversions have at most 6 decimals, revenue 2 (half-even), removal effects 6.</li>
 *   <li>{@code GET} → {@code {"analyses":[…]}}: the tenant's analyses, newest first (at most 500), each
 *       as above without {@code channels}.</li>
 * </ul>
 * Models: {@code last_touch} is last non-direct (a channel named {@code direct} in any case gets the
 * credit only when alone); {@code markov} is the exact first-order removal-effect model; {@code shapley}
 * the exact Shapley values of the conversion rates of channel sets (see the domain classes).
 */
@Path("v1/path-analyses")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@TenantApi(ApiKeyScope.READ)
public class PathAnalysesResource {

    @EJB
    private PathAnalysisService analyses;

    @Context
    private UriInfo uriInfo;

    @POST
    @Consumes("text/csv")
    @TenantApi(ApiKeyScope.WRITE)
    public Response create(@QueryParam("sep") String sep, @QueryParam("name") String name,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        for (String parameter : uriInfo.getQueryParameters().keySet()) {
            // "tenant" names the client a person's token acts in (ApiAuthentication).
            if (!List.of("sep", "name", "tenant").contains(parameter)) {
                throw new InvalidInputException("unknown parameter " + Text.echo(parameter) + ": this takes sep and name");
            }
        }
        char separator = separator(sep);
        Optional<Charset> charset = BodyCharset.of(contentType);
        if (charset.isEmpty()) {
            return Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unknown charset in the Content-Type; send UTF-8");
        }
        if (declaredLength(contentLength) > PathAnalysisService.MAX_BYTES) {
            return Problem.of(413, LimitedInputStream.tooLarge("the path file", PathAnalysisService.MAX_BYTES).getMessage());
        }
        CreatedPathAnalysis created;
        try {
            created = analyses.create(name, body, charset.get(), separator);
        } catch (UnusablePathFileException e) {
            return Problem.of(400, e.getMessage(), Map.of("rejected", rejected(e.rejected()).build()));
        }
        JsonObjectBuilder answer = StrictJson.PROVIDER.createObjectBuilder().add("id", created.id().toString());
        if (created.rejectedCount() > 0) {
            answer.add("rejected", rejected(created.rejected())).add("rejected_count", created.rejectedCount());
        }
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build())
                .type(MediaType.APPLICATION_JSON_TYPE).entity(answer.build().toString()).build();
    }

    @GET
    @Path("{id}")
    public String get(@PathParam("id") String id) {
        StoredPathAnalysis a = analyses.get(parseId(id));
        JsonArrayBuilder channels = StrictJson.PROVIDER.createArrayBuilder();
        for (ChannelComparison c : a.channels()) {
            channels.add(StrictJson.PROVIDER.createObjectBuilder()
                    .add("channel", c.channel())
                    .add("first_touch", credit(c.firstTouch()))
                    .add("last_touch", credit(c.lastTouch()))
                    .add("linear", credit(c.linear()))
                    .add("position_based", credit(c.positionBased()))
                    .add("markov", credit(c.markov()).add("removal_effect", round(c.removalEffect(), 6)))
                    .add("shapley", credit(c.shapley())));
        }
        return head(a).add("channels", channels).build().toString();
    }

    @GET
    public String list() {
        JsonArrayBuilder list = StrictJson.PROVIDER.createArrayBuilder();
        analyses.list().forEach(a -> list.add(head(a)));
        return StrictJson.PROVIDER.createObjectBuilder().add("analyses", list).build().toString();
    }

    private static JsonObjectBuilder head(StoredPathAnalysis a) {
        return StrictJson.PROVIDER.createObjectBuilder()
                .add("id", a.id().toString())
                .add("name", a.name())
                .add("created_at", a.createdAt().toString())
                .add("created_by", a.createdBy())
                .add("lines", a.lines())
                .add("rejected", a.rejected())
                .add("paths", a.paths())
                .add("totals", StrictJson.PROVIDER.createObjectBuilder()
                        .add("conversions", a.totals().conversions())
                        .add("revenue", plain(a.totals().revenue().setScale(2, RoundingMode.HALF_EVEN)))
                        .add("nulls", a.totals().nulls()));
    }

    private static JsonObjectBuilder credit(ChannelTotal t) {
        return StrictJson.PROVIDER.createObjectBuilder()
                .add("conversions", round(t.conversions(), 6))
                .add("revenue", round(t.value(), 2));
    }

    private static JsonArrayBuilder rejected(List<PathLineError> errors) {
        JsonArrayBuilder list = StrictJson.PROVIDER.createArrayBuilder();
        errors.forEach(e -> list.add(StrictJson.PROVIDER.createObjectBuilder().add("line", e.line()).add("reason", e.reason())));
        return list;
    }

    /** {@code ;} when absent; {@code ;}, {@code ,} or a tab. */
    static char separator(String sep) {
        if (sep == null || sep.isEmpty()) {
            return ';';
        }
        if (sep.length() == 1 && (sep.equals(";") || sep.equals(",") || sep.equals("\t"))) {
            return sep.charAt(0);
        }
        if (sep.equalsIgnoreCase("tab")) {
            return '\t';
        }
        throw new InvalidInputException("sep must be ';', ',' or a tab (%09 or 'tab'), not " + Text.echo(sep));
    }

    private static UUID parseId(String id) {
        try {
            UUID uuid = UUID.fromString(id);
            if (uuid.toString().equalsIgnoreCase(id)) {
                return uuid;
            }
        } catch (IllegalArgumentException e) {
            // answered below: an id that is no UUID names no analysis
        }
        throw new NotFoundException("no path analysis " + Text.echo(id));
    }

    private static long declaredLength(String contentLength) {
        try {
            return contentLength == null ? -1 : Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Rounded half-even to at most {@code places} decimals, never in exponent form (30, not 3E+1), as the
     * report API prints numbers.
     */
    static BigDecimal round(double value, int places) {
        return plain(BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_EVEN));
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
