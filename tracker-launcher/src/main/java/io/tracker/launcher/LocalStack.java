package io.tracker.launcher;

import io.tracker.launcher.database.DatabaseAdmin;
import io.tracker.launcher.database.DatabaseChoice;
import io.tracker.launcher.database.EmbeddedDatabase;
import io.tracker.launcher.keycloak.LocalKeycloak;
import io.tracker.launcher.keycloak.RealmValues;
import io.tracker.launcher.payara.CommandFiles;
import io.tracker.launcher.payara.PayaraDomain;
import io.tracker.launcher.support.Console;
import io.tracker.launcher.support.Distributions;
import io.tracker.launcher.support.HttpProbe;
import io.tracker.launcher.support.LaunchException;
import io.tracker.launcher.support.Ports;
import io.tracker.launcher.support.Secrets;
import io.tracker.launcher.support.Wait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The stack of {@code ./run}: PostgreSQL (configured, local or embedded), the local Keycloak (unless
 * the user brings an OpenID Connect provider) and the Payara domain {@code tracker} with tracker.ear,
 * all state in {@code .tracker/}. Keycloak starts in parallel with the domain and the deployment,
 * since both take long.
 */
public final class LocalStack {

    static final String APPLICATION = "tracker";
    private static final String DATABASE = "tracker";

    private final Path repository;
    private final LocalState state;
    private final Map<String, String> environment;
    private final Distributions distributions;
    /** Set by the shutdown hook of a foreground start (Ctrl-C). */
    private final java.util.concurrent.atomic.AtomicBoolean interrupted = new java.util.concurrent.atomic.AtomicBoolean();
    /** Set when a foreground run ends by itself, so that the hook has nothing left to do. */
    private final java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();

    public LocalStack(Path repository, Map<String, String> environment) {
        this.repository = repository;
        this.state = new LocalState(repository.resolve(".tracker"));
        this.environment = environment;
        this.distributions = Distributions.load();
    }

    /**
     * Starts everything, deploys, waits for {@code /health} and the realm, prints the summary; in the
     * foreground ({@code detach} false) it then waits until the domain ends or Ctrl-C stops everything.
     */
    public void start(boolean detach) {
        Instant started = Instant.now();
        Settings settings = Settings.from(environment);
        Path ear = repository.resolve("tracker-ear/target/tracker.ear");
        if (!Files.isRegularFile(ear)) {
            throw new LaunchException(ear + " does not exist: build it (./run does) or unset TRACKER_SKIP_BUILD");
        }
        if (!detach) {
            stopOnInterrupt();
        }
        PayaraDomain domain = domain();
        domain.install();

        DatabaseChoice database = prepareDatabase(settings);
        String demoKey = Secrets.configuredOrKept(settings.demoApiKey(), state.demoApiKey(), "trk_");

        Map<String, String> application = new HashMap<>();
        application.put("TRACKER_DEMO_API_KEY", demoKey);
        application.put("TRACKER_PUBLIC_URL", settings.publicUrl());
        LocalKeycloak keycloak = null;
        CompletableFuture<Void> keycloakStarted = CompletableFuture.completedFuture(null);
        boolean freshRealm = false;
        RealmValues realm = null;
        if (settings.externalIdentityProvider()) {
            Console.say("Sign-in through " + settings.oidcIssuer() + " (TRACKER_OIDC_ISSUER): the local Keycloak is not started");
            localKeycloak(Integer.parseInt(orDefault(Secrets.read(state.keycloakPort()), "8180"))).stop();
            if (settings.oidcClientSecret() == null) {
                Console.warn("TRACKER_OIDC_ISSUER is set but TRACKER_OIDC_CLIENT_SECRET is not: sign-in will fail");
            }
            application.put("TRACKER_OIDC_ISSUER", settings.oidcIssuer());
            application.put("TRACKER_OIDC_CLIENT_ID", orDefault(settings.oidcClientId(), Settings.WEB_CLIENT_ID));
            application.put("TRACKER_OIDC_CLIENT_SECRET", orDefault(settings.oidcClientSecret(), ""));
        } else {
            if (settings.oidcClientId() != null && !Settings.WEB_CLIENT_ID.equals(settings.oidcClientId())) {
                Console.warn("TRACKER_OIDC_CLIENT_ID is ignored without TRACKER_OIDC_ISSUER: the local Keycloak's client is "
                        + Settings.WEB_CLIENT_ID);
            }
            realm = new RealmValues(settings.publicUrl(),
                    Secrets.configuredOrKept(settings.oidcClientSecret(), state.oidcClientSecret(), ""),
                    Secrets.configuredOrKept(settings.automationClientSecret(), state.automationClientSecret(), ""));
            String previousPort = Secrets.read(state.keycloakPort());
            if (!previousPort.isEmpty() && !previousPort.equals(Integer.toString(settings.keycloakPort()))) {
                localKeycloak(Integer.parseInt(previousPort)).stop();
            }
            keycloak = localKeycloak(settings.keycloakPort());
            freshRealm = keycloak.realmState(realm) == LocalKeycloak.RealmState.NONE;
            application.put("TRACKER_OIDC_ISSUER", keycloak.issuer());
            application.put("TRACKER_OIDC_CLIENT_ID", Settings.WEB_CLIENT_ID);
            application.put("TRACKER_OIDC_CLIENT_SECRET", realm.webClientSecret());
            Console.say((keycloak.running() ? "Keycloak is running on port " : "Starting Keycloak on port ")
                    + settings.keycloakPort() + (freshRealm ? ", importing the realm docker/keycloak/tracker-realm.json" : "")
                    + " (log: " + keycloak.log() + ")");
            Secrets.write(state.keycloakPort(), settings.keycloakPort() + "\n");
            LocalKeycloak k = keycloak;
            RealmValues values = realm;
            String adminPassword = k.adminPassword(null);
            keycloakStarted = CompletableFuture.runAsync(() -> {
                k.start(values, adminPassword);
                k.awaitRealm(settings.startTimeout());
            });
        }
        Secrets.write(state.oidcIssuer(), application.get("TRACKER_OIDC_ISSUER") + "\n");

        Map<String, String> domainEnvironment = DomainEnvironment.of(environment, database,
                Secrets.read(state.databaseRolePassword(database.url().applicationRole())), application);
        try {
            startDomain(domain, settings, domainEnvironment, freshRealm);
            Console.say("Deploying tracker.ear (the application generates the demo tenants' data where missing)");
            domain.deploy(ear, APPLICATION);
            awaitHealth(settings);
            if (!keycloakStarted.isDone()) {
                Console.say("Waiting for Keycloak");
            }
            keycloakStarted.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        Summary.print(new Summary.Values(settings, domain, keycloak, realm, demoKey, database.description(),
                state, Duration.between(started, Instant.now()), detach));
        if (!detach) {
            stayInForeground(domain);
        }
    }

    /** Stops the domain, Keycloak and the embedded PostgreSQL; says so when nothing was running. */
    public void stop() {
        boolean stopped = false;
        PayaraDomain domain = domain();
        if (domain.running()) {
            Console.say("Stopping Payara (domain " + LocalState.DOMAIN + ")");
            stopped = domain.stop(APPLICATION);
        }
        LocalKeycloak keycloak = localKeycloak(Integer.parseInt(orDefault(Secrets.read(state.keycloakPort()), "8180")));
        if (keycloak.running()) {
            Console.say("Stopping Keycloak");
            stopped |= keycloak.stop();
        }
        stopped |= embeddedDatabase().stop();
        if (!stopped) {
            Console.say("Nothing was running");
        }
    }

    /** Prints whether Tracker, Keycloak and the embedded PostgreSQL are up; false when Tracker or its Keycloak is not. */
    public boolean status() {
        int port = currentHttpPort();
        boolean ok = true;
        HttpProbe.Answer health = HttpProbe.get("http://127.0.0.1:" + port + "/health");
        if (health.healthUp()) {
            System.out.println("Tracker is up at http://localhost:" + port + "/app/ (API at /api/v1)\n" + health.body());
        } else if (health.status() == 0) {
            System.out.println("Tracker is not running (nothing answers on port " + port + ").");
            ok = false;
        } else {
            System.out.println("Tracker is not healthy: http://localhost:" + port + "/health answered HTTP "
                    + health.status() + "\n" + health.body());
            ok = false;
        }
        String issuer = Secrets.read(state.oidcIssuer());
        LocalKeycloak keycloak = localKeycloak(Integer.parseInt(orDefault(Secrets.read(state.keycloakPort()), "8180")));
        if (keycloak.running()) {
            if (keycloak.realmAnswers()) {
                System.out.println("Keycloak is up at " + keycloak.url() + "/ (realm tracker; log " + keycloak.log() + ").");
            } else {
                System.out.println("Keycloak is running but its realm does not answer on port " + keycloak.port()
                        + " (starting? log: " + keycloak.log() + ").");
                ok = false;
            }
        } else if (!issuer.isEmpty() && !issuer.equals(keycloak.issuer())) {
            System.out.println("Sign-in through " + issuer + " (not started by ./run).");
        } else {
            System.out.println("Keycloak is not running.");
            ok = false;
        }
        EmbeddedDatabase embedded = embeddedDatabase();
        if (embedded.running()) {
            System.out.println("Embedded PostgreSQL is running on 127.0.0.1:" + embedded.runningPort().orElse(0) + ".");
        }
        return ok;
    }

    /** Deletes Keycloak's data (not its admin password) so that the next start imports the realm afresh. */
    public void resetKeycloak() {
        Console.say("Deleting Keycloak's data in .tracker/keycloak (realm, users, sessions; the admin password is kept)");
        localKeycloak(Integer.parseInt(orDefault(Secrets.read(state.keycloakPort()), "8180"))).reset();
    }

    /** The HTTP port of the running server: TRACKER_HTTP_PORT, else what the last start used, else 8080. */
    public int currentHttpPort() {
        String configured = environment.get("TRACKER_HTTP_PORT");
        String port = configured != null ? configured : orDefault(Secrets.read(state.httpPort()), "8080");
        return Ports.parse("TRACKER_HTTP_PORT", port);
    }

    /** Whether Ctrl-C stopped a foreground run (its shutdown hook stops the servers). */
    public boolean interrupted() {
        return interrupted.get();
    }

    public LocalState state() {
        return state;
    }

    private DatabaseChoice prepareDatabase(Settings settings) {
        DatabaseAdmin owner = new DatabaseAdmin(settings.databaseUser(), settings.databasePassword());
        DatabaseChoice choice = DatabaseChoice.choose(settings.databaseUrl(), settings.databaseUser(),
                settings.databasePassword(), Ports.inUse(5432), settings.forceEmbeddedDatabase(),
                settings.embeddedDatabasePort(), DATABASE);
        if (!choice.embedded() && settings.databaseUrl() == null && !owner.canConnect(choice.url())) {
            Console.warn("the PostgreSQL on 127.0.0.1:5432 cannot be used as " + settings.databaseUser()
                    + "; using the embedded PostgreSQL. Set TRACKER_DB_USER/TRACKER_DB_PASSWORD or TRACKER_DB_URL to use it.");
            choice = DatabaseChoice.embedded(settings.embeddedDatabasePort(), DATABASE);
        }
        EmbeddedDatabase embedded = embeddedDatabase();
        if (choice.embedded()) {
            int port = embedded.start(settings.embeddedDatabasePort());
            choice = DatabaseChoice.embedded(port, DATABASE);
            owner = new DatabaseAdmin(choice.ownerUser(), choice.ownerPassword());
        } else if (embedded.running()) {
            Console.say("The embedded PostgreSQL is not used by this configuration");
            embedded.stop();
        }
        if (owner.ensureDatabase(choice.url())) {
            Console.say("Created database " + choice.url().database());
        }
        Path passwordFile = state.databaseRolePassword(choice.url().applicationRole());
        boolean newPassword = Secrets.read(passwordFile).isEmpty();
        String password = Secrets.kept(passwordFile, "");
        if (owner.ensureApplicationRole(choice.url(), password, newPassword)) {
            Console.say("Created database role " + choice.url().applicationRole() + " (the application's; password in "
                    + passwordFile + ")");
        }
        return choice;
    }

    private void startDomain(PayaraDomain domain, Settings settings, Map<String, String> domainEnvironment,
            boolean freshRealm) {
        boolean running = domain.running();
        if (running && (freshRealm || !domain.runsWith(domainEnvironment)
                || domain.httpPort().orElse(-1) != settings.httpPort())) {
            // A new realm has new signing keys, a new environment needs a new process, a new port a restart.
            Console.say("Restarting Payara Server (its settings changed)");
            domain.stop(APPLICATION);
            running = false;
        }
        if (running) {
            Console.say("Payara Server is running (domain " + LocalState.DOMAIN + ")");
        } else {
            if (!domain.exists()) {
                checkFree(settings.adminPort(), "the Payara admin port " + settings.adminPort()
                        + " is in use by another program: set TRACKER_PORT_BASE (admin port = base + 48)");
                domain.create(settings.portBase(), settings.httpPort());
            } else if (domain.httpPort().orElse(-1) != settings.httpPort()) {
                domain.setHttpPort(settings.httpPort());
            }
            int admin = domain.adminPort().orElseThrow();
            checkFree(settings.httpPort(), "port " + settings.httpPort()
                    + " is in use by another program: set TRACKER_HTTP_PORT to a free port");
            checkFree(admin, "the Payara admin port " + admin + " is in use by another program (another Payara?)."
                    + " Stop it, or delete .tracker/domains and set TRACKER_PORT_BASE (admin port = base + 48)");
            Console.say("Starting Payara Server (domain " + LocalState.DOMAIN + ", admin port " + admin
                    + " on 127.0.0.1, HTTP port " + settings.httpPort() + ")");
            domain.start(domainEnvironment);
        }
        Secrets.write(state.httpPort(), settings.httpPort() + "\n");
    }

    private void awaitHealth(Settings settings) {
        String url = "http://127.0.0.1:" + settings.httpPort() + "/health";
        if (!Wait.until(() -> HttpProbe.get(url).healthUp(), settings.startTimeout())) {
            HttpProbe.Answer last = HttpProbe.get(url);
            throw new LaunchException(url + " did not answer 200/UP within " + settings.startTimeout().toSeconds()
                    + " s (last: HTTP " + last.status() + " " + last.body() + "). See the server log: " + state.serverLog());
        }
    }

    /**
     * In the foreground, Ctrl-C (or TERM) stops everything, during the start as well as afterwards:
     * the servers run in sessions of their own, so the signal reaches only the launcher.
     */
    private void stopOnInterrupt() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!finished.get()) {
                interrupted.set(true);
                System.out.println();
                Console.say("Interrupted: stopping Tracker");
                stop();
            }
        }));
    }

    /** Waits while the domain runs (or until Ctrl-C, whose shutdown hook stops everything). */
    private void stayInForeground(PayaraDomain domain) {
        Wait.until(() -> interrupted.get() || !domain.running(), Duration.ofDays(3650));
        if (interrupted.get()) {
            return; // the hook stops everything; the JVM ends once it has
        }
        finished.set(true);
        Console.say("Payara is no longer running (see " + state.serverLog() + ")");
        stop();
    }

    private static void checkFree(int port, String message) {
        if (Ports.inUse(port)) {
            throw new LaunchException(message);
        }
    }

    private PayaraDomain domain() {
        return new PayaraDomain(state.root(), distributions, state.domains(), LocalState.DOMAIN,
                state.payaraPasswordFile(), CommandFiles.of(repository), PayaraDomain.MAX_HEAP);
    }

    private LocalKeycloak localKeycloak(int port) {
        return new LocalKeycloak(state.keycloakHome(), distributions.keycloakTarGz(), distributions.keycloakVersion(),
                port, repository.resolve("docker/keycloak/tracker-realm.json"));
    }

    private EmbeddedDatabase embeddedDatabase() {
        boolean root = "root".equals(System.getProperty("user.name"));
        return new EmbeddedDatabase(state.root(), distributions.postgresVersion(),
                root ? environment.getOrDefault("TRACKER_PG_OS_USER", "nobody") : null);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
