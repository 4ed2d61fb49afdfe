package io.tracker.interfaces.calltracking.rest;

import io.tracker.application.calltracking.DniNumber;
import io.tracker.application.calltracking.NumberAssignmentService;
import io.tracker.application.tenant.TenantSelection;
import io.tracker.application.tracking.collection.CollectionKeys;
import io.tracker.application.tracking.collection.SiteContext;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.NotFoundException;
import io.tracker.domain.shared.Text;
import io.tracker.interfaces.shared.rest.Problem;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code GET /api/v1/dni/number?site=&vid=&sid=&url=&ref=&consent=}: the tag's request for the numbers to
 * show this visitor session (dynamic number insertion), one per number pool of the site's tenant:
 *
 * <pre>{"numbers":[{"swap_target":"+18005550100","number":"+18005550199","display":"(800) 555-0199",
 *                  "kind":"pool","hold_seconds":1800}]}</pre>
 *
 * The page replaces each swap target (in any common format, and in {@code tel:} links) with its number.
 * {@code kind}: {@code pool} (held by this session for {@code hold_seconds} after its last request: the tag
 * asks again as a heartbeat), {@code source} (the session's source-level number) or {@code fallback} (the
 * pool is exhausted). Public like the beacon: the site's public key names the tenant; answered to any
 * origin ({@code Access-Control-Allow-Origin: *}, no credentials). Where the site requires consent and
 * {@code consent} is not {@code granted}, nothing is assigned: {@code {"numbers":[]}}.
 *
 * <p>400 for a missing or malformed visitor or session id or an over-long URL; 404 for an unknown site key.
 */
@Path("v1/dni/number")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class DniResource {

    /** Longest landing URL or referrer accepted (as for hits). */
    static final int MAX_URL = 4096;
    private static final String ID = "[0-9A-Za-z._:-]{8,64}";

    @Inject
    private CollectionKeys keys;

    @EJB
    private TenantSelection selection;

    @EJB
    private NumberAssignmentService assignment;

    /** The answer. */
    public record Numbers(List<DniNumber> numbers) {
    }

    @GET
    public Response number(@QueryParam("site") String site, @QueryParam("vid") String visitorId,
                           @QueryParam("sid") String sessionId, @QueryParam("url") String url,
                           @QueryParam("ref") String referrer, @QueryParam("consent") String consent) {
        if (site == null || site.isBlank()) {
            throw new InvalidInputException("site is required: the site's public key");
        }
        SiteContext context = keys.site(site).orElseThrow(() -> new NotFoundException("no site " + Text.echo(site)));
        if (context.consentRequired() && !"granted".equals(consent)) {
            return answer(new Numbers(List.of()));
        }
        if (visitorId == null || !visitorId.matches(ID) || sessionId == null || !sessionId.matches(ID)) {
            throw new InvalidInputException("vid and sid are required: the tag's visitor and session ids "
                    + "(8 to 64 letters, digits, '.', '_', ':' or '-')");
        }
        if ((url != null && url.length() > MAX_URL) || (referrer != null && referrer.length() > MAX_URL)) {
            throw new InvalidInputException("url and ref are at most " + MAX_URL + " characters");
        }
        Text.withoutNul("url", url);
        Text.withoutNul("ref", referrer);
        selection.asCollector(context.tenantId(), "dni");
        return answer(new Numbers(assignment.numbersFor(visitorId, sessionId, blankToNull(url), blankToNull(referrer))));
    }

    private static Response answer(Numbers numbers) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(numbers).cacheControl(noStore).header("Access-Control-Allow-Origin", "*").build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
