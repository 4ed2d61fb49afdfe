/**
 * Tracked links ({@code GET /c/{code}}): short links per campaign for SMS, e-mail, QR codes and print.
 *
 * <ul>
 *   <li>{@link io.tracker.application.tracking.links.TrackedLinkService}: create (destination only on the
 *       tenant's website domains, the link's UTM values written into it), list with click counts, archive;
 *       and the redirect's look-up of a code before the tenant is known;</li>
 *   <li>{@link io.tracker.application.tracking.links.TrackedLinkCodes}: that look-up, cached for
 *       {@value io.tracker.application.tracking.links.TrackedLinkCodes#FOUND_TTL_SECONDS} seconds, through
 *       the database function {@code tracked_link_by_code}.</li>
 * </ul>
 *
 * Invariants: a code names one link of one tenant for good (archived codes are never given out
 * again); a link's destination is on one of its tenant's website domains; a click is recorded through
 * the collection core like every other hit.
 */
package io.tracker.application.tracking.links;
