package io.tracker.application.tenant;

/**
 * Where a person lands after signing in ({@link AccessService#landingClient}).
 *
 * @param tenantId   one of the person's clients
 * @param remembered whether it is the client they last switched to (else the first with data, or the first)
 */
public record LandingClient(String tenantId, boolean remembered) {
}
