package io.tracker.application.tracking.links;

/**
 * A tracked link as the redirect needs it, found by its code before the tenant is known.
 *
 * @param tenantId    the link's tenant: the tenant its clicks are collected for
 * @param linkId      the link's id within the tenant
 * @param destination the absolute URL to redirect to (UTM values included), before the opening
 *                    parameters and {@code trk} are added
 * @param archived    true: the link no longer redirects (answer 404)
 */
public record LinkTarget(String tenantId, long linkId, String destination, boolean archived) {
}
