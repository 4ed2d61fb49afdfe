/**
 * Hooks into the JUnit Platform launcher session of the integration-test run (registered in
 * {@code META-INF/services}); not part of any test deployment.
 */
package io.tracker.it.session;
