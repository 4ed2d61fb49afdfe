package io.tracker.domain.attribution;

/**
 * One row of {@code identity_link}: the visitor id was identified as the person with this key.
 *
 * @param visitorId a visitor (device, browser or server-side) id
 * @param personKey {@code user:…} or {@code email:…} (see {@link io.tracker.domain.tracking.PersonKey}), or
 *                  {@code trk:<click id>}: a tracked link's click and the landing page it led to
 */
public record IdentityLink(String visitorId, String personKey) {
}
