package io.tracker.application.tracking.collection;

import io.tracker.domain.shared.Text;
import java.time.Instant;

/**
 * The debug session of a hit sent by a browser in debug mode (README "Debug mode"), with what a refused hit
 * still tells: its type and URL (a valid hit has both in its {@link ValidHit}). Such a hit is stored in
 * {@code debug_hit} by {@link DebugHitStatement} and nowhere else: no touchpoint, conversion, custom event,
 * receipt, attribution mark or collection count.
 *
 * @param sessionId the debug session id as sent (its shape checked: {@link io.tracker.domain.tracking.DebugSessionId})
 * @param type      the hit's type (null when the hit itself was missing)
 * @param url       the hit's page URL as sent, cut to {@link HitValidator#MAX_URL} characters
 * @param arrivedAt when the collector took it (the time a refused hit is shown at: its own may be what was wrong)
 */
record DebugHit(String sessionId, HitType type, String url, Instant arrivedAt) {

    static DebugHit of(String sessionId, CollectedHit raw, Instant arrivedAt) {
        String url = raw == null ? null : raw.url();
        if (url != null && (url.indexOf('\0') >= 0 || Text.hasLoneSurrogate(url))) {
            url = null; // PostgreSQL stores neither; the debug page shows the reason instead
        } else if (url != null && url.length() > HitValidator.MAX_URL) {
            url = url.substring(0, HitValidator.MAX_URL);
        }
        return new DebugHit(sessionId, raw == null ? null : raw.type(), url, arrivedAt);
    }
}
