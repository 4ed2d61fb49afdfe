package io.tracker.interfaces.tracking.collect;

import io.tracker.application.tracking.collection.CollectedHit;
import io.tracker.application.tracking.collection.HitType;
import io.tracker.domain.tracking.ClickIds;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The server's own consent rule, so that a site that requires consent does not depend on the tag (or a
 * hand-written pixel) behaving: on such a site a hit whose {@code consent} is not {@code granted} loses
 * every identifier before it reaches the collector:
 *
 * <ul>
 *   <li>visitor id and session id (the hit becomes cookieless) and {@code ss} (a cookieless hit
 *       continues no session);</li>
 *   <li>every click id, also as a parameter of the {@code url} and the {@code ref} query (a click id
 *       identifies a person's ad click; parameter names compared without case, as
 *       {@link io.tracker.domain.tracking.QueryParameters} reads them; the rest of the address is kept
 *       as sent);</li>
 *   <li>identify hits are dropped altogether.</li>
 * </ul>
 *
 * On a site without the requirement a hit passes unchanged (a visitor who denied consent there gets a
 * cookieless tag, which sends no identifier anyway). Pure and thread-safe.
 */
public final class ConsentRule {

    /** The only answer that allows identifiers on a site that requires consent. */
    public static final String GRANTED = "granted";

    /** Query parameter names of the click ids (lower case). */
    static final Set<String> CLICK_ID_PARAMETERS = Set.of("gclid", "gbraid", "wbraid", "fbclid", "msclkid", "ttclid",
            "li_fat_id", "trk");

    private ConsentRule() {
    }

    /**
     * The hit as it may be collected.
     *
     * @param consent         the hit's {@code consent} value as sent (null: not sent)
     * @param consentRequired the site's setting
     * @return the hit unchanged, or without identifiers; empty when it must not be collected at all
     */
    public static Optional<CollectedHit> apply(CollectedHit hit, String consent, boolean consentRequired) {
        if (!consentRequired || GRANTED.equals(consent)) {
            return Optional.of(hit);
        }
        if (hit.type() == HitType.IDENTIFY) {
            return Optional.empty();
        }
        return Optional.of(new CollectedHit(hit.wayIn(), hit.type(), hit.eventId(), hit.occurredAt(), null, null,
                false, withoutClickIds(hit.url()), withoutClickIds(hit.referrer()), hit.utm(), ClickIds.NONE,
                hit.eventName(), hit.actionKey(), hit.value(), hit.currency(), hit.orderId(), hit.userId(),
                hit.emailSha256(), hit.propertiesJson(), hit.userAgent(), hit.prefetch(), hit.trackedLinkId(),
                // No cart details either: without a visitor id a cart cannot be told bought or not, and texting a
                // shopper who has already bought is worse than not texting.
                hit.sentEventName(), hit.phone(), null));
    }

    /**
     * The address without its click id parameters, everything else (order, encoding, fragment) as it was;
     * a query left empty loses its {@code ?}.
     */
    static String withoutClickIds(String url) {
        int q = url == null ? -1 : url.indexOf('?');
        if (q < 0) {
            return url;
        }
        int hash = url.indexOf('#', q);
        String query = hash < 0 ? url.substring(q + 1) : url.substring(q + 1, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        StringBuilder kept = new StringBuilder();
        boolean removed = false;
        for (String pair : query.split("&", -1)) {
            if (isClickId(pair)) {
                removed = true;
                continue;
            }
            if (!kept.isEmpty()) {
                kept.append('&');
            }
            kept.append(pair);
        }
        if (!removed) {
            return url;
        }
        return url.substring(0, q) + (kept.isEmpty() ? "" : "?" + kept) + fragment;
    }

    private static boolean isClickId(String pair) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        try {
            name = URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // compared as sent
        }
        return CLICK_ID_PARAMETERS.contains(name.strip().toLowerCase(Locale.ROOT));
    }
}
