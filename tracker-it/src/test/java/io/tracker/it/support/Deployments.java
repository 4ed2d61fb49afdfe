package io.tracker.it.support;

import java.io.File;
import java.net.URISyntaxException;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployment of every integration test: the real EAR that tracker-ear built, unchanged except
 * that its web module {@value #WEB_MODULE} (context root {@code /}) also holds the test classes,
 * this support package (among it the test-only {@link FixtureServlet}, so at {@code /it-fixtures/*})
 * and AssertJ, so that in-container test methods can inject the services and assert. Nothing is
 * hand-listed from the product.
 *
 * <p>The EAR has two web modules (tracker-api, tracker-web). Arquillian's Servlet 5.0 protocol adds
 * its test runner servlet to the only war of an EAR; with several it uses the one marked with
 * {@link Testable#archiveToTest} (else it refuses: "Multiple WebArchives found ... Can not determine
 * which to enrich"), so this war is marked.
 *
 * <p>The EAR is the file named by the system property {@code tracker.it.ear} (failsafe sets it to
 * the resolved {@code io.tracker:tracker-ear:ear} artifact: the reactor's own in a full build),
 * else {@code ../tracker-ear/target/tracker.ear}.
 */
public final class Deployments {

    /** The file name inside the EAR (tracker-ear's pom) of the web module that gets the test classes. */
    public static final String WEB_MODULE = "tracker-api.war";

    private Deployments() {
    }

    /** The EAR with these test classes (and their nested classes) added to the web module. */
    public static EnterpriseArchive tracker(Class<?>... testClasses) {
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, earFile());
        // Imported nested archives are replaced by live views, so what is added here ends up in the EAR.
        WebArchive web = ear.getAsType(WebArchive.class, WEB_MODULE);
        if (web == null) {
            throw new IllegalStateException(earFile() + " has no " + WEB_MODULE);
        }
        web.addPackage(Deployments.class.getPackage());
        web.addClasses(testClasses);
        web.addAsLibraries(jarOf(org.assertj.core.api.Assertions.class));
        Testable.archiveToTest(web);
        return ear;
    }

    /** The EAR under test. */
    public static File earFile() {
        String configured = System.getProperty("tracker.it.ear");
        File ear = configured != null && !configured.isBlank() ? new File(configured)
                : new File(System.getProperty("tracker.it.module-dir", "."), "../tracker-ear/target/tracker.ear");
        if (!ear.isFile()) {
            throw new IllegalStateException("the EAR to test is missing: " + ear.getAbsolutePath()
                    + " (build it first: mvn install -DskipTests, or run mvn verify at the repository root)");
        }
        return ear;
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the jar of " + type, e);
        }
    }
}
