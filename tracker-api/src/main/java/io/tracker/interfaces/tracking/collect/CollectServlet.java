package io.tracker.interfaces.tracking.collect;

import io.tracker.application.tracking.collection.CollectedHit;
import io.tracker.application.tracking.collection.CollectionKeys;
import io.tracker.application.tracking.collection.CollectionUnavailableException;
import io.tracker.application.tracking.collection.Collector;
import io.tracker.application.tracking.collection.HitOutcome;
import io.tracker.application.tracking.collection.QueueFullException;
import io.tracker.application.tracking.collection.SiteContext;
import io.tracker.interfaces.shared.rest.StrictJson;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /v1/collect}: the tag's beacon (README, "The beacon"). Reads at most {@value #MAX_BODY} bytes
 * of UTF-8 JSON whatever the {@code Content-Type} ({@link BeaconBody}), finds the tenant by the public
 * site key ({@link CollectionKeys}, cached), applies the site's {@link ConsentRule} and
 * {@link Landing#cookieless}, hands the hits to the {@link Collector} and answers asynchronously once
 * they are committed:
 *
 * <ul>
 *   <li>{@code 200 {"stored":n,"duplicates":n,"bots":n,"rejected":[{"index":i,"reason":"…"}]}}: one entry
 *       per hit; {@code index} counts from 0 in the body's {@code hits}; a rejected hit is not stored, the
 *       others are; an identify hit dropped by the consent rule counts as stored (nothing to send again);
 *       {@code "notes":[{"index":i,"note":"…"}]}, present only when there are any, lists stored hits that did not do what the sender may
 *       expect (a page view or event of a paused conversion action: stored, no conversion);</li>
 *   <li>{@code 400} problem+json naming the field: not JSON, not UTF-8, {@code v} not 1, {@code site}
 *       missing or unknown, {@code hits} not an array or more than {@value Collector#MAX_HITS_PER_CALL};
 *       nothing stored;</li>
 *   <li>{@code 413} for a body over {@value #MAX_BODY} bytes (what browsers allow one beacon), by
 *       {@code Content-Length} or while reading; {@code 429} ({@code Retry-After: 1}) when the collector's
 *       queue is full, {@code 503} ({@code Retry-After: 5}) when collection is unavailable.</li>
 * </ul>
 *
 * Every answer carries {@code Access-Control-Allow-Origin: *} (never credentials), so a {@code fetch} with
 * {@code keepalive} from any site works; {@code OPTIONS} answers a preflight with 204. No session, no cookie.
 */
@WebServlet(urlPatterns = "/v1/collect", asyncSupported = true)
public class CollectServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Most bytes of one beacon body: what browsers let a page queue for {@code sendBeacon} (64 KiB). */
    public static final int MAX_BODY = 64 * 1024;

    @Inject
    private transient Collector collector;

    @Inject
    private transient CollectionKeys keys;

    @Override
    protected void doOptions(HttpServletRequest request, HttpServletResponse response) {
        Answers.anyOrigin(response);
        response.setHeader("Access-Control-Allow-Methods", "POST, OPTIONS");
        response.setHeader("Access-Control-Allow-Headers", "Content-Type");
        response.setHeader("Access-Control-Max-Age", "86400");
        response.setHeader("Allow", "POST, OPTIONS");
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Answers.anyOrigin(response);
        byte[] body = body(request);
        if (body == null) {
            Answers.problem(response, 413, "the body is larger than " + MAX_BODY + " bytes; send fewer hits per beacon");
            return;
        }
        BeaconBody.Envelope envelope;
        try {
            envelope = BeaconBody.read(body, request.getHeader("User-Agent"), isPrefetch(request));
        } catch (BeaconBody.BadBeacon e) {
            Answers.problem(response, 400, e.getMessage());
            return;
        }
        Optional<SiteContext> site;
        try {
            site = keys.site(envelope.siteKey());
        } catch (CollectionUnavailableException e) {
            Answers.refused(response, e);
            return;
        }
        if (site.isEmpty()) {
            Answers.problem(response, 400, "site: no site has the key " + BeaconBody.shortly(envelope.siteKey()));
            return;
        }
        collect(request, response, site.get(), envelope.items(), envelope.debug());
    }

    private void collect(HttpServletRequest request, HttpServletResponse response, SiteContext site,
                         List<BeaconBody.Item> items, String debug) throws IOException {
        HitOutcome[] outcomes = new HitOutcome[items.size()];
        List<CollectedHit> hits = new ArrayList<>(items.size());
        int[] positions = new int[items.size()];
        for (int i = 0; i < items.size(); i++) {
            BeaconBody.Item item = items.get(i);
            if (item.rejection() != null) {
                outcomes[i] = HitOutcome.rejected(item.rejection());
                continue;
            }
            Optional<CollectedHit> allowed = ConsentRule.apply(item.hit(), item.consent(), site.consentRequired());
            if (allowed.isEmpty()) {
                outcomes[i] = HitOutcome.STORED; // dropped on purpose: the sender has nothing to repeat
                continue;
            }
            positions[hits.size()] = i;
            hits.add(Landing.cookieless(allowed.get()));
        }
        CompletableFuture<List<HitOutcome>> future;
        try {
            future = collector.collect(site.tenantId(), hits, debug);
        } catch (QueueFullException | CollectionUnavailableException e) {
            Answers.refused(response, e);
            return;
        }
        Answers.when(request, response, future, (collected, r) -> {
            for (int j = 0; j < collected.size(); j++) {
                outcomes[positions[j]] = collected.get(j);
            }
            summary(Arrays.asList(outcomes), r);
        });
    }

    /** The 200 answer. */
    static void summary(List<HitOutcome> outcomes, HttpServletResponse response) throws IOException {
        int stored = 0;
        int duplicates = 0;
        int bots = 0;
        JsonArrayBuilder rejected = StrictJson.PROVIDER.createArrayBuilder();
        JsonArrayBuilder notes = StrictJson.PROVIDER.createArrayBuilder();
        boolean noted = false;
        for (int i = 0; i < outcomes.size(); i++) {
            HitOutcome o = outcomes.get(i);
            switch (o.status()) {
                case STORED -> {
                    stored++;
                    if (o.note() != null) {
                        noted = true;
                        notes.add(StrictJson.PROVIDER.createObjectBuilder().add("index", i).add("note", o.note()));
                    }
                }
                case DUPLICATE -> duplicates++;
                case BOT -> bots++;
                case REJECTED -> rejected.add(StrictJson.PROVIDER.createObjectBuilder().add("index", i)
                        .add("reason", o.reason()));
            }
        }
        JsonObjectBuilder answer = StrictJson.PROVIDER.createObjectBuilder().add("stored", stored)
                .add("duplicates", duplicates).add("bots", bots).add("rejected", rejected);
        if (noted) {
            answer.add("notes", notes);
        }
        byte[] json = answer.build().toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    /** The body, or null when it is longer than {@link #MAX_BODY} (by its declared length or as read). */
    private static byte[] body(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > MAX_BODY) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            return bytes.length > MAX_BODY ? null : bytes;
        }
    }

    /** {@code Sec-Purpose: prefetch} (Chromium) or {@code Purpose: prefetch} (older browsers). */
    static boolean isPrefetch(HttpServletRequest request) {
        return contains(request.getHeader("Sec-Purpose")) || contains(request.getHeader("Purpose"));
    }

    private static boolean contains(String header) {
        return header != null && header.toLowerCase(Locale.ROOT).contains("prefetch");
    }
}
