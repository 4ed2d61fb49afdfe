package io.tracker.interfaces.tracking.links;

import io.tracker.application.tracking.collection.CollectedHit;
import io.tracker.application.tracking.collection.Collector;
import io.tracker.application.tracking.collection.HitType;
import io.tracker.application.tracking.links.LinkTarget;
import io.tracker.application.tracking.links.TrackedLinkService;
import io.tracker.domain.campaign.TrackedLinkRedirect;
import io.tracker.domain.tracking.ClickIds;
import io.tracker.domain.tracking.WayIn;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.shared.rest.StrictJson;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /c/{code}}: a tracked link was opened.
 *
 * <ol>
 *   <li>The code names the link and its tenant ({@link TrackedLinkService#findByCode}, cached). Unknown,
 *       malformed or archived: {@code 404} problem+json, nothing recorded.</li>
 *   <li>A new click id (22 random base62 characters) and the target: the link's destination, every
 *       parameter the link was opened with, {@code trk=<click id>} ({@link TrackedLinkRedirect#target}).</li>
 *   <li>The click goes to the {@link Collector} as a {@link HitType#CLICK} of way in {@link WayIn#LINK} that
 *       starts a visit: a touchpoint whose URL is the target (so its UTM values and click ids are the
 *       landing page's), whose visitor and event id are the click id, with the click id in its {@code trk}
 *       column and a {@code link_click} row. The landing page's tag sends the same {@code trk}, which
 *       joins the site's visitor to the click (person key {@code trk:<click id>}). Robots, crawlers and
 *       link-preview fetchers (yauaa) and browser prefetches are counted, not stored.</li>
 *   <li>{@code 302} to the target once the click is committed, with {@code Cache-Control: no-store} (every
 *       opening is a click), {@code Referrer-Policy: strict-origin-when-cross-origin} (the landing page
 *       learns at most the linking page's origin) and {@code X-Robots-Tag: noindex}.</li>
 * </ol>
 *
 * <p><b>Promise.</b> The visitor is always sent on: when the click cannot be stored (a full queue, the
 * database unreachable, no commit within {@value #COMMIT_WAIT_MS} ms) the redirect goes out anyway, with
 * its {@code trk}, and the click is lost (logged); the landing page's tag still records the visit with
 * the link's campaign. Only the code look-up failing answers {@code 503} with {@code Retry-After: 5}: there
 * is nowhere to send the visitor. {@code HEAD} redirects the same way and records nothing (no visit).
 */
@WebServlet(urlPatterns = "/c/*", asyncSupported = true)
public class TrackedLinkServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(TrackedLinkServlet.class.getName());
    private static final long COMMIT_WAIT_MS = 5_000;
    private static final int CLICK_ID_LENGTH = 22;
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    @EJB
    private TrackedLinkService links;

    @Inject
    private Collector collector;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        open(request, response, true);
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        open(request, response, false);
    }

    private void open(HttpServletRequest request, HttpServletResponse response, boolean record) throws IOException {
        String path = request.getPathInfo();
        String code = path == null || path.length() < 2 ? "" : path.substring(1);
        Optional<LinkTarget> found;
        try {
            found = links.findByCode(code);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "tracked link: looking up a code failed: " + e);
            response.setHeader("Retry-After", "5");
            problem(response, 503, "the link cannot be looked up right now; try again in a moment");
            return;
        }
        if (found.isEmpty() || found.get().archived()) {
            problem(response, 404, "no such link (it may have been archived)");
            return;
        }
        LinkTarget link = found.get();
        String clickId = newClickId();
        String target = TrackedLinkRedirect.target(link.destination(), request.getQueryString(), clickId);
        if (!record) {
            redirect(response, target);
            return;
        }
        CollectedHit click = CollectedHit.builder(WayIn.LINK, HitType.CLICK).eventId(clickId).visitorId(clickId)
                .startsVisit(true).url(target).referrer(request.getHeader("Referer"))
                // The click's own id, so that nothing in the URL can name another.
                .clickIds(new ClickIds(null, null, null, null, null, null, null, clickId))
                .userAgent(request.getHeader("User-Agent")).prefetch(prefetch(request))
                .trackedLinkId(link.linkId()).build();
        CompletableFuture<?> stored;
        try {
            stored = collector.collect(link.tenantId(), List.of(click));
        } catch (RuntimeException e) { // QueueFullException, CollectionUnavailableException
            LOG.log(Level.WARNING, "tracked link: a click was not recorded (redirected anyway): " + e);
            redirect(response, target);
            return;
        }
        if (stored.isDone()) {
            redirect(response, target);
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(COMMIT_WAIT_MS);
        AtomicBoolean answered = new AtomicBoolean();
        Runnable answer = () -> {
            if (answered.compareAndSet(false, true)) {
                try {
                    redirect((HttpServletResponse) async.getResponse(), target);
                } finally {
                    async.complete();
                }
            }
        };
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) {
                LOG.warning("tracked link: the click was not committed within " + COMMIT_WAIT_MS + " ms (redirected)");
                answer.run();
            }

            @Override
            public void onError(AsyncEvent event) {
                answer.run();
            }

            @Override
            public void onComplete(AsyncEvent event) {
                // answered
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // not restarted
            }
        });
        stored.whenComplete((outcomes, failure) -> {
            if (failure != null) {
                LOG.log(Level.WARNING, "tracked link: storing a click failed (redirected anyway): " + failure);
            }
            answer.run();
        });
    }

    private static void redirect(HttpServletResponse response, String target) {
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", target);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("X-Robots-Tag", "noindex");
        response.setContentLength(0);
    }

    private static void problem(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Robots-Tag", "noindex");
        response.getWriter().write(StrictJson.PROVIDER.createObjectBuilder()
                .add("type", "about:blank").add("title", Problem.title(status)).add("status", status)
                .add("detail", detail).build().toString());
    }

    /** A browser prefetch or prerender ({@code Sec-Purpose: prefetch}, older {@code Purpose}/{@code X-Moz}). */
    static boolean prefetch(HttpServletRequest request) {
        for (String header : new String[] {"Sec-Purpose", "Purpose", "X-Purpose", "X-Moz"}) {
            String value = request.getHeader(header);
            if (value != null && value.toLowerCase(Locale.ROOT).contains("prefetch")) {
                return true;
            }
        }
        return false;
    }

    private static String newClickId() {
        char[] id = new char[CLICK_ID_LENGTH];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(id);
    }
}
