package io.tracker.interfaces.reporting.rest;

import io.tracker.application.reporting.IndustryBenchmark;
import io.tracker.application.reporting.IndustryBenchmarkService;
import io.tracker.application.tenant.Caller;
import io.tracker.domain.shared.ForbiddenException;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.tenant.rest.AgencyApi;
import io.tracker.interfaces.tenant.rest.CurrentCaller;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.List;

/**
 * The platform-wide industry benchmark table, for OpenID Connect access tokens (people and service
 * accounts; API keys belong to one client and are refused):
 *
 * <ul>
 *   <li>{@code GET /api/v1/benchmarks}: every row, {@code [{"id","industry","metric","value","year","region",
 *       "source","source_url"}]}, for anyone signed in;</li>
 *   <li>{@code POST /api/v1/benchmarks} with {@code {"industry","metric","value","year","region","source",
 *       "source_url"}} → 201 with the row; {@code PUT /api/v1/benchmarks/{id}} (every field) → 200;
 *       {@code DELETE /api/v1/benchmarks/{id}} → 204: platform admins only (realm role
 *       {@code platform-admin}), anyone else 403 problem+json.</li>
 * </ul>
 * {@code value} is a fraction 0..1 (0.026 = 2.6 %); {@code metric} {@code conversion_rate} (the default);
 * {@code year} 1990..2100; {@code source_url} an http(s) URL or null. Bad input 400, unknown id 404.
 */
@Path("v1/benchmarks")
@AgencyApi
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Consumes(MediaType.APPLICATION_JSON)
public class IndustryBenchmarksResource {

    @EJB
    private IndustryBenchmarkService benchmarks;

    @Inject
    private CurrentCaller currentCaller;

    @Context
    private UriInfo uriInfo;

    /** A benchmark row on the wire. */
    public record Benchmark(long id, String industry, String metric, BigDecimal value, int year, String region,
                            String source, String sourceUrl) {
        static Benchmark of(IndustryBenchmark b) {
            return new Benchmark(b.id(), b.industry(), b.metric(), b.value(), b.year(), b.region(), b.source(),
                    b.sourceUrl());
        }
    }

    /** Body of {@code POST} and {@code PUT}. */
    public record BenchmarkChange(String industry, String metric, BigDecimal value, Integer year, String region,
                                  String source, String sourceUrl) {
        IndustryBenchmark checked(long id) {
            return IndustryBenchmark.checked(id, industry, metric, value, year, region, source, sourceUrl);
        }
    }

    @GET
    public List<Benchmark> list() {
        currentCaller.require();
        return benchmarks.list().stream().map(Benchmark::of).toList();
    }

    @POST
    public Response add(BenchmarkChange body) {
        IndustryBenchmark stored = benchmarks.add(platformAdmin(), required(body).checked(0));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(stored.id())).build())
                .entity(Benchmark.of(stored)).build();
    }

    @PUT
    @Path("{id}")
    public Benchmark update(@PathParam("id") long id, BenchmarkChange body) {
        return Benchmark.of(benchmarks.update(platformAdmin(), id, required(body).checked(id)));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        benchmarks.delete(platformAdmin(), id);
        return Response.noContent().build();
    }

    /** The caller, if a platform admin: refused (403) before the body is looked at; the service checks again. */
    private Caller platformAdmin() {
        Caller caller = currentCaller.require();
        if (!caller.platformAdmin()) {
            throw new ForbiddenException("only platform admins may change the benchmark table");
        }
        return caller;
    }

    private static BenchmarkChange required(BenchmarkChange body) {
        if (body == null) {
            throw new InvalidInputException("a JSON body is required");
        }
        return body;
    }
}
