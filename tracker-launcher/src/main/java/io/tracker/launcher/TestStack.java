package io.tracker.launcher;

import io.tracker.launcher.database.DatabaseAdmin;
import io.tracker.launcher.database.JdbcUrl;
import io.tracker.launcher.keycloak.LocalKeycloak;
import io.tracker.launcher.keycloak.RealmValues;
import io.tracker.launcher.payara.CommandFiles;
import io.tracker.launcher.payara.PayaraDomain;
import io.tracker.launcher.support.Console;
import io.tracker.launcher.support.Distributions;
import io.tracker.launcher.support.Folders;
import io.tracker.launcher.support.LaunchException;
import io.tracker.launcher.support.Ports;
import io.tracker.launcher.support.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The servers of tracker-it's integration tests, started in pre-integration-test ({@code it-start}) and
 * stopped in post-integration-test ({@code it-stop}) the same way {@code ./run} starts its own: the
 * Payara domain {@code tracker-it} with the same command files (Arquillian deploys into it), a fresh
 * Keycloak with Tracker's realm, and a fresh test database with its application role. Ports, the
 * state folder and the test-only Keycloak secrets come from the build ({@link TestSettings}); the
 * domain's admin password and the application role's password are generated anew for every build and
 * handed to the tests through a properties file that failsafe reads.
 */
public final class TestStack {

    private static final String DOMAIN = "tracker-it";
    /**
     * The suite deploys some sixty test archives, one after the other, into this one server, and an undeployed
     * archive's classes stay on the heap (seen with {@code jcmd GC.class_histogram} late in a CI run: 225,120 classes,
     * 1,025 MB of the 1 GB heap in use after a full GC). Twice the product's heap keeps the last deployments from
     * running out; a real server deploys Tracker once.
     */
    private static final String SUITE_HEAP = "2g";
    /** The user Tracker signs in to the stand-in SMTP server as. */
    private static final String SMTP_USER = "tracker-it";

    private final Path repository;
    private final TestSettings settings;
    private final Distributions distributions;
    /** The stand-in SMTP server's password for this run (given to Tracker in a file, to the tests as a property). */
    private final String smtpPassword = Secrets.randomToken();

    public TestStack(Path repository, TestSettings settings) {
        this.repository = repository;
        this.settings = settings;
        this.distributions = Distributions.load();
    }

    /** Starts the test servers; whatever fails, nothing is left running. */
    public void start() {
        Instant began = Instant.now();
        PayaraDomain domain = domain();
        LocalKeycloak keycloak = keycloak();
        stopLeftovers(domain, keycloak);
        domain.install();

        // A fresh realm every build: Keycloak imports only into an empty database.
        Folders.deleteTree(settings.state().resolve("keycloak"));
        RealmValues realm = new RealmValues(settings.publicUrl(), settings.oidcClientSecret(),
                settings.automationClientSecret());
        CompletableFuture<Void> keycloakStarted = CompletableFuture.runAsync(() -> {
            keycloak.start(realm, settings.keycloakAdminPassword());
            keycloak.awaitRealm(Duration.ofMinutes(3));
        });
        try {
            JdbcUrl url = JdbcUrl.parse(settings.databaseUrl());
            DatabaseAdmin owner = new DatabaseAdmin(settings.databaseUser(), settings.databasePassword());
            owner.recreateTestDatabase(url);
            String rolePassword = Secrets.randomToken();
            owner.ensureApplicationRole(url, rolePassword, true);
            Console.say("Test database " + url.database() + " recreated (empty), role " + url.applicationRole());

            if (domain.exists() && (domain.adminPort().orElse(-1) != settings.adminPort()
                    || domain.httpPort().orElse(-1) != settings.httpPort())) {
                domain.delete(); // made for other ports
            }
            if (!domain.exists()) {
                Secrets.write(domain.passwordFile(), "AS_ADMIN_PASSWORD=" + Secrets.randomToken() + "\n");
                domain.create(settings.portBase(), settings.httpPort());
            }
            if (Ports.inUse(settings.httpPort()) || Ports.inUse(settings.adminPort())) {
                throw new LaunchException("port " + settings.httpPort() + " or " + settings.adminPort()
                        + " is in use by another program (ss -ltnp | grep -e :" + settings.httpPort() + " -e :"
                        + settings.adminPort() + ")");
            }
            Map<String, String> application = new HashMap<>();
            application.put("TRACKER_OIDC_ISSUER", keycloak.issuer());
            application.put("TRACKER_OIDC_CLIENT_ID", Settings.WEB_CLIENT_ID);
            application.put("TRACKER_OIDC_CLIENT_SECRET", settings.oidcClientSecret());
            application.put("TRACKER_PUBLIC_URL", settings.publicUrl());
            // Cart recovery polls every 30 s in production; tests wait for texts, so a short poll keeps them short.
            application.put("TRACKER_RECOVERY_POLL_SECONDS", "2");
            // Scheduled summary e-mails go to the tests' stand-in SMTP server (tracker-it's SmtpStandIn, port base
            // + 25, plain SMTP with AUTH PLAIN); the password through a file, as in production.
            Path mailPassword = settings.state().resolve("smtp-password");
            Secrets.write(mailPassword, smtpPassword + "\n");
            application.put("TRACKER_MAIL_HOST", "127.0.0.1");
            application.put("TRACKER_MAIL_PORT", Integer.toString(smtpPort()));
            application.put("TRACKER_MAIL_USER", SMTP_USER);
            application.put("TRACKER_MAIL_PASSWORD_FILE", mailPassword.toAbsolutePath().toString());
            application.put("TRACKER_MAIL_FROM", "Tracker reports <reports@tracker.test>");
            application.put("TRACKER_MAIL_STARTTLS", "false");
            application.put("TRACKER_REPORT_MAIL_POLL_SECONDS", "2");
            // The tag-health checks run when a test asks (POST /api/v1/alerts/check?at=…): a scheduled check between
            // a test's steps would raise and deliver its alerts first.
            application.put("TRACKER_ALERTS_POLL_SECONDS", "86400");
            // No demo tenant in tests: TRACKER_DEMO_API_KEY stays unset (see DemoStartup).
            Map<String, String> userEnvironment = new HashMap<>(System.getenv());
            userEnvironment.remove("TRACKER_DEMO_API_KEY");
            userEnvironment.keySet().removeIf(name -> name.startsWith("TRACKER_IT_"));
            domain.start(DomainEnvironment.of(userEnvironment, new io.tracker.launcher.database.DatabaseChoice(url,
                    settings.databaseUser(), settings.databasePassword(), url.url(), false), rolePassword, application));
            domain.undeployAll();
            domain.warmUpDeployment();
            keycloakStarted.join();
            writeTestProperties(url, rolePassword, domain.adminPassword());
            Console.say("Test servers ready after " + Duration.between(began, Instant.now()).toSeconds()
                    + " s: domain " + DOMAIN + " (admin port " + settings.adminPort() + ", HTTP port "
                    + settings.httpPort() + "), Keycloak on port " + settings.keycloakPort());
        } catch (RuntimeException e) {
            keycloakStarted.exceptionally(failure -> null).join();
            stopQuietly(domain, keycloak);
            if (e instanceof CompletionException && e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Stops the test servers; prints the server log's last SEVERE records first when tests failed. */
    public void stop() {
        reportFailures();
        PayaraDomain domain = domain();
        boolean failed = false;
        try {
            domain.stop(null);
            Console.say("Payara domain " + DOMAIN + " stopped; its log: " + domain.serverLog());
        } catch (LaunchException e) {
            Console.warn(e.getMessage());
            failed = true;
        }
        keycloak().stop();
        Console.say("Keycloak on port " + settings.keycloakPort() + " stopped; its log: " + keycloak().log());
        if (failed) {
            throw new LaunchException("the test domain on admin port " + settings.adminPort() + " did not stop");
        }
    }

    /**
     * Stops a test domain and Keycloak left running by an aborted earlier run: by their pid files, or,
     * when {@code mvn clean} deleted those meanwhile, by the state folder on their command lines.
     */
    private void stopLeftovers(PayaraDomain domain, LocalKeycloak keycloak) {
        if (domain.running()) {
            stopQuietly(domain, null);
        }
        keycloak.stop();
        String state = settings.state().toAbsolutePath().toString();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(state + "/")).orElse(false))
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .forEach(p -> io.tracker.launcher.support.Processes.stop(p, Duration.ofSeconds(30)));
        for (int port : new int[] {settings.adminPort(), settings.httpPort(), settings.keycloakPort()}) {
            if (!Ports.awaitFree(port, Duration.ofSeconds(30))) {
                throw new LaunchException("port " + port + " is still in use by something that is not this build's"
                        + " server; free it (ss -ltnp | grep " + port + ") and run again");
            }
        }
    }

    private void stopQuietly(PayaraDomain domain, LocalKeycloak keycloak) {
        try {
            domain.stop(null);
        } catch (RuntimeException e) {
            Console.warn("could not stop the test domain: " + e.getMessage());
        }
        if (keycloak != null) {
            keycloak.stop();
        }
    }

    /** The values the tests need beyond the build's own properties (see tracker-it/pom.xml, failsafe). */
    private void writeTestProperties(JdbcUrl url, String rolePassword, String adminPassword) {
        Properties p = new Properties();
        p.setProperty("tracker.it.admin-user", PayaraDomain.ADMIN_USER);
        p.setProperty("tracker.it.admin-password", adminPassword);
        p.setProperty("tracker.it.jmx-port", Integer.toString(settings.portBase() + 86));
        p.setProperty("tracker.it.db-url", url.url());
        p.setProperty("tracker.it.db-owner-user", settings.databaseUser());
        p.setProperty("tracker.it.db-app-user", url.applicationRole());
        p.setProperty("tracker.it.db-app-password", rolePassword);
        p.setProperty("tracker.it.smtp-port", Integer.toString(smtpPort()));
        p.setProperty("tracker.it.smtp-user", SMTP_USER);
        p.setProperty("tracker.it.smtp-password", smtpPassword);
        try {
            Files.createDirectories(settings.propertiesFile().toAbsolutePath().getParent());
            try (var out = Files.newBufferedWriter(settings.propertiesFile(), StandardCharsets.UTF_8)) {
                p.store(out, "written by the launcher's it-start for failsafe (generated for this build)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void reportFailures() {
        Path summary = settings.failsafeSummary();
        Path log = domain().serverLog();
        try {
            if (summary == null || !Files.exists(summary) || !Files.exists(log)) {
                return;
            }
            String text = Files.readString(summary);
            if (!text.matches("(?s).*(<(errors|failures)>[1-9]|timeout=\"true\").*")) {
                return;
            }
            System.out.println("it-stop: integration tests failed; last SEVERE records of " + log + ":");
            StringBuilder severe = new StringBuilder();
            boolean keep = false;
            for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
                if (line.matches("^\\[\\d{4}-.*")) {
                    keep = line.contains("[SEVERE]");
                }
                if (keep) {
                    severe.append(line).append('\n');
                }
            }
            String[] lines = severe.toString().split("\n");
            System.out.println(String.join("\n",
                    java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 150), lines.length)));
        } catch (IOException e) {
            Console.warn("cannot read " + log + ": " + e.getMessage());
        }
    }

    /** Where the tests' stand-in SMTP server listens: port base + 25 (no Payara or Keycloak port). */
    private int smtpPort() {
        return settings.portBase() + 25;
    }

    private PayaraDomain domain() {
        return new PayaraDomain(settings.state(), distributions, settings.state().resolve("domains"), DOMAIN,
                settings.state().resolve("payara-admin-password"), CommandFiles.of(repository), SUITE_HEAP);
    }

    private LocalKeycloak keycloak() {
        return new LocalKeycloak(settings.state().resolve("keycloak"), distributions.keycloakTarGz(),
                distributions.keycloakVersion(), settings.keycloakPort(),
                repository.resolve("docker/keycloak/tracker-realm.json"));
    }
}
