package io.tracker.it.session;

import io.tracker.it.support.ExpiringToken;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Mints {@link ExpiringToken} when failsafe starts the integration tests (registered in
 * {@code META-INF/services}), so that it is old enough when a test needs it. Only in failsafe's
 * run (which sets {@code tracker.it.keycloak-url}; surefire's unit tests run before any Keycloak
 * is up), and quietly: if Keycloak cannot be asked now, the test that needs the token mints it
 * itself and reports what went wrong.
 *
 * <p>Outside {@code io.tracker.it.support} on purpose: that package goes into the test
 * deployments, and the server has no JUnit launcher.
 */
public class EarlyExpiringToken implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("tracker.it.keycloak-url") == null) {
            return;
        }
        try {
            ExpiringToken.mint();
        } catch (RuntimeException | AssertionError e) {
            System.err.println("EarlyExpiringToken: not minted at start (" + e.getMessage() + "); the test will");
        }
    }
}
