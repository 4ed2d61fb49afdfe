package io.tracker.application.tracking.debug;

import java.time.Instant;
import java.util.List;

/**
 * A debug session of one site.
 *
 * @param id        the session id the tag sends ({@code dbg_…})
 * @param siteId    the site's id
 * @param siteName  the site's name
 * @param domains   the site's host names (the first opens the site in debug mode)
 * @param createdAt when it started (instant)
 * @param expiresAt when it ends (instant): hits sent later are still kept out of reports and shown
 */
public record DebugSession(String id, long siteId, String siteName, List<String> domains, Instant createdAt,
                           Instant expiresAt) {

    /**
     * The address that puts a browser in debug mode: the site's first domain over https with
     * {@code ?tracker_debug=<id>} (the tag keeps the id for the next pages).
     */
    public String startUrl() {
        return "https://" + domains.get(0) + "/?tracker_debug=" + id;
    }

    /** Whether the session has ended at this instant. */
    public boolean endedAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
