package io.tracker.interfaces.tracking.collect;

import io.tracker.application.tracking.collection.CollectedHit;
import io.tracker.application.tracking.collection.CollectionKeys;
import io.tracker.application.tracking.collection.CollectionUnavailableException;
import io.tracker.application.tracking.collection.Collector;
import io.tracker.application.tracking.collection.HitOutcome;
import io.tracker.application.tracking.collection.QueueFullException;
import io.tracker.application.tracking.collection.SiteContext;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /p.gif}: the image pixel (README, "The pixel"). Reads the raw query itself
 * ({@link PixelQuery}: decoded once, strictly UTF-8, never through the container's parameter charset),
 * finds the tenant by {@code k} ({@link CollectionKeys}), applies the site's {@link ConsentRule}, hands
 * the hit to the {@link Collector} and answers once it is committed with {@link #GIF}, a 43-byte
 * transparent GIF, and {@code Cache-Control: no-store, no-cache, must-revalidate, max-age=0},
 * {@code Pragma: no-cache}, {@code Expires: 0}; never a cookie. A stored, duplicate or robot hit gets the
 * image; a missing or unknown {@code k}, a malformed parameter or a hit the collector rejects (unknown
 * action, other currency …) answers 400 problem+json naming it; 429/503 with {@code Retry-After} as for
 * every collection endpoint.
 */
@WebServlet(urlPatterns = "/p.gif", asyncSupported = true)
public class PixelServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** A 1×1 transparent GIF89a, 43 bytes. */
    static final byte[] GIF = {
            'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, (byte) 0x80, 0, 0, // header, 1×1, global colour table of 2
            0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff, // black, white
            0x21, (byte) 0xf9, 4, 1, 0, 0, 0, 0, // graphic control extension: colour 0 transparent
            0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, // image descriptor
            2, 2, 0x44, 1, 0, // LZW minimum code size 2, one sub-block of 2 bytes, terminator
            0x3b}; // trailer

    @Inject
    private transient Collector collector;

    @Inject
    private transient CollectionKeys keys;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        noCache(response);
        PixelQuery.Pixel pixel;
        try {
            pixel = PixelQuery.read(request.getQueryString(), request.getHeader("Referer"),
                    request.getHeader("User-Agent"), CollectServlet.isPrefetch(request));
        } catch (PixelQuery.BadPixel e) {
            Answers.problem(response, 400, e.getMessage());
            return;
        }
        Optional<SiteContext> site;
        try {
            site = keys.site(pixel.siteKey());
        } catch (CollectionUnavailableException e) {
            Answers.refused(response, e);
            return;
        }
        if (site.isEmpty()) {
            Answers.problem(response, 400, "k: no site has the key " + BeaconBody.shortly(pixel.siteKey()));
            return;
        }
        CollectedHit hit = ConsentRule.apply(pixel.hit(), pixel.consent(), site.get().consentRequired())
                .map(Landing::startingVisit).orElseThrow(); // a pixel sends no identify hit
        CompletableFuture<List<HitOutcome>> future;
        try {
            future = collector.collect(site.get().tenantId(), List.of(hit), pixel.debug());
        } catch (QueueFullException | CollectionUnavailableException e) {
            Answers.refused(response, e);
            return;
        }
        Answers.when(request, response, future, (outcomes, r) -> {
            HitOutcome outcome = outcomes.get(0);
            if (outcome.status() == HitOutcome.Status.REJECTED) {
                Answers.problem(r, 400, outcome.reason());
                return;
            }
            r.setStatus(200);
            r.setContentType("image/gif");
            r.setContentLength(GIF.length);
            r.getOutputStream().write(GIF);
        });
    }

    private static void noCache(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store, no-cache, must-revalidate, max-age=0");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("Expires", "0");
    }
}
