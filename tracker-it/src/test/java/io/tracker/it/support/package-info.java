/**
 * Shared test support. Client side: {@link io.tracker.it.support.Deployments} (the real EAR plus
 * these classes), {@link io.tracker.it.support.TrackerClient} (HTTP API and fixtures),
 * {@link io.tracker.it.support.Events} (event JSON), {@link io.tracker.it.support.SharedData}
 * (the shared sample files) and {@link io.tracker.it.support.ReferenceAttribution} (an
 * independent, deliberately naive attribution to compute expected numbers), and for the test
 * Keycloak {@link io.tracker.it.support.Keycloak} (service-account, other-realm and test-client
 * tokens), {@link io.tracker.it.support.KeycloakLogin} (people's tokens through the real login
 * page), {@link io.tracker.it.support.DemoUser} and {@link io.tracker.it.support.ExpiringToken}.
 * Server side, present only in test deployments: {@link io.tracker.it.support.TenantFixture} and
 * {@link io.tracker.it.support.FixtureServlet} ({@code /it-fixtures/*}).
 */
package io.tracker.it.support;
