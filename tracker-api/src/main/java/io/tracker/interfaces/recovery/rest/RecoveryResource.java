package io.tracker.interfaces.recovery.rest;

import io.tracker.application.recovery.RecoveryCart;
import io.tracker.application.recovery.RecoveryReportService;
import io.tracker.application.recovery.SmsHooks;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.tenant.rest.TenantApi;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The client's abandoned carts, the cart recovery report and erasure of a shopper's number. Reading needs a read key
 * or any member's token; erasure an analyst's or agency admin's token.
 *
 * <ul>
 *   <li>{@code GET /api/v1/recovery/carts?status=abandoned|texted|recovered|suppressed|control&from=&to=&flow=&limit=}:
 *       carts abandoned in the period (days {@code yyyy-MM-dd} in the client's time zone, default the last 30), newest
 *       first, at most {@code limit} (default 1,000, at most 10,000), each with its texts ({@link RecoveryCart});</li>
 *   <li>{@code GET /api/v1/reports/cart-recovery?from=&to=&flow=} ({@link CartRecoveryReportResource}), <pre>{@code
 * {"from":"2026-12-01","to":"2026-12-06","flow":null,"abandoned":120,"eligible":80,"texted":40,"delivered":38,
 *  "clicked":15,"recovered":9,"recovery_rate":0.225,"recovered_revenue":812.40,"text_cost":0.32,"roi":2537.75,
 *  "text_arm":{"carts":40,"recovered":9,…},"control":{"carts":40,"recovered":4,"recovery_rate":0.1,"revenue":…},
 *  "incremental":{"recovered":5.0,"ci95":[-0.9,10.9],"revenue":430.2,"revenue_ci95":[…]}}
 * }</pre></li>
 *   <li>{@code POST /api/v1/recovery/erasures} {@code {"phone":"+15551230000"}}: the number is erased everywhere it was
 *       kept and suppressed for good; answers {@code {"phone_hash":"<sha-256 of E.164>"}}.</li>
 * </ul>
 * A malformed day, flow, status or number is a 400 naming it.
 */
@Path("v1/recovery")
@TenantApi(ApiKeyScope.READ)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class RecoveryResource {

    @EJB
    private RecoveryReportService reports;

    @EJB
    private SmsHooks hooks;

    /** Body of an erasure. */
    public record ErasureBody(String phone) {
    }

    @GET
    @Path("carts")
    public List<RecoveryCart> carts(@QueryParam("status") String status, @QueryParam("from") String from,
                                    @QueryParam("to") String to, @QueryParam("flow") String flow,
                                    @QueryParam("limit") String limit) {
        return reports.carts(status == null || status.isBlank() ? null : status.strip(), day("from", from),
                day("to", to), flow(flow), limit(limit));
    }

    @POST
    @Path("erasures")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, String> erase(ErasureBody body) {
        if (body == null) {
            throw new InvalidInputException("a JSON body is required: {\"phone\": \"+15551230000\"}");
        }
        return Map.of("phone_hash", hooks.erase(body.phone()));
    }

    static LocalDate day(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value.strip());
            if (day.getYear() >= 2000 && day.getYear() <= 2999) {
                return day;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new InvalidInputException(name + " must be a day from the years 2000 to 2999, such as 2026-12-01");
    }

    static Long flow(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.strip().matches("[0-9]{1,18}")) {
            throw new InvalidInputException("flow must be a recovery flow's id");
        }
        return Long.parseLong(value.strip());
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return 1000;
        }
        if (value.strip().matches("[0-9]{1,5}")) {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= 10_000) {
                return n;
            }
        }
        throw new InvalidInputException("limit must be a whole number from 1 to 10000");
    }
}
