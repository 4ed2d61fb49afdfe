package io.tracker.launcher.keycloak;

import io.tracker.launcher.support.Archives;
import io.tracker.launcher.support.Distributions;
import io.tracker.launcher.support.Folders;
import io.tracker.launcher.support.HttpProbe;
import io.tracker.launcher.support.LaunchException;
import io.tracker.launcher.support.Ports;
import io.tracker.launcher.support.Processes;
import io.tracker.launcher.support.Secrets;
import io.tracker.launcher.support.Wait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A local Keycloak in development mode ({@code kc.sh start-dev}, its H2 database in the distribution's
 * {@code data/}) with Tracker's realm imported, listening on 127.0.0.1 only (the demo passwords are
 * public). Everything lives in one home folder: the unpacked distribution, {@code keycloak.pid},
 * {@code keycloak.log}, {@code admin-password} (the bootstrap admin's, generated once) and
 * {@code realm-import.sha256} (what the realm was imported from: Keycloak imports a realm only into an
 * empty database, so a later change needs {@link #reset()}).
 */
public final class LocalKeycloak {

    /** Whether and how the imported realm matches the realm file and placeholder values now. */
    public enum RealmState { NONE, CURRENT, CHANGED }

    private final Path home;
    private final Path distribution;
    private final String version;
    private final int port;
    private final Path realmFile;

    /**
     * @param home folder for the distribution and Keycloak's files (e.g. {@code .tracker/keycloak})
     * @param distribution the {@code keycloak-quarkus-dist} .tar.gz
     * @param version its version (the top folder of the archive is {@code keycloak-<version>})
     * @param port HTTP port on 127.0.0.1
     * @param realmFile the realm to import ({@code docker/keycloak/tracker-realm.json})
     */
    public LocalKeycloak(Path home, Path distribution, String version, int port, Path realmFile) {
        this.home = home;
        this.distribution = distribution;
        this.version = version;
        this.port = port;
        this.realmFile = realmFile;
    }

    public int port() {
        return port;
    }

    /** {@code http://localhost:<port>}: the URL in tokens and links, whoever asks. */
    public String url() {
        return "http://localhost:" + port;
    }

    public String issuer() {
        return url() + "/realms/tracker";
    }

    public Path log() {
        return home.resolve("keycloak.log");
    }

    /** The bootstrap admin's password: {@code configured} when set, else generated once into {@code admin-password}. */
    public String adminPassword(String configured) {
        return Secrets.configuredOrKept(configured, home.resolve("admin-password"), "");
    }

    /** Whether the Keycloak this folder started is alive (its pid file names a live process). */
    public boolean running() {
        return Processes.fromPidFile(home.resolve("keycloak.pid")).isPresent();
    }

    /** Whether the realm answers ({@code .well-known/openid-configuration} is 200). */
    public boolean realmAnswers() {
        return HttpProbe.get(issuer() + "/.well-known/openid-configuration").status() == 200;
    }

    public RealmState realmState(RealmValues values) {
        if (!Files.isDirectory(distributionHome().resolve("data/h2"))) {
            return RealmState.NONE;
        }
        String recorded = Secrets.read(home.resolve("realm-import.sha256"));
        // Data from before this record existed is taken as current.
        return recorded.isEmpty() || recorded.equals(values.checksum(readRealm())) ? RealmState.CURRENT
                : RealmState.CHANGED;
    }

    /**
     * Starts Keycloak in the background unless it runs already (then nothing happens); call
     * {@link #awaitRealm} to wait for it. The realm is imported from the realm file when Keycloak's
     * database is empty, its placeholders resolved from {@code values}.
     *
     * @throws LaunchException when the port is taken by another program
     */
    public void start(RealmValues values, String adminPassword) {
        if (running()) {
            return;
        }
        if (Ports.inUse(port)) {
            throw new LaunchException("port " + port + " is in use by another program: set TRACKER_KEYCLOAK_PORT"
                    + " to a free port");
        }
        unpack();
        boolean fresh = realmState(values) == RealmState.NONE;
        try {
            Path imports = distributionHome().resolve("data/import");
            Files.createDirectories(imports);
            Files.copy(realmFile, imports.resolve("tracker-realm.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.keySet().removeIf(name -> name.startsWith("TRACKER_") || name.startsWith("KC_"));
        // The quick JIT only: a development Keycloak starts in about 6 s instead of 9-12 s here.
        environment.putIfAbsent("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        environment.put("TRACKER_PUBLIC_URL", values.publicUrl());
        environment.put("TRACKER_OIDC_CLIENT_SECRET", values.webClientSecret());
        environment.put("TRACKER_AUTOMATION_CLIENT_SECRET", values.automationClientSecret());
        List<String> command = new ArrayList<>(Processes.ownSession());
        command.addAll(List.of(distributionHome().resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--http-host=127.0.0.1", "--hostname=" + url(), "--import-realm",
                "--health-enabled=false"));
        try {
            Files.deleteIfExists(log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process process = Processes.start(command, environment, home, log());
        Secrets.write(home.resolve("keycloak.pid"), process.pid() + "\n");
        if (fresh) {
            Secrets.write(home.resolve("realm-import.sha256"), values.checksum(readRealm()) + "\n");
        }
    }

    /**
     * Waits until the realm answers.
     *
     * @throws LaunchException with the log's last lines when Keycloak exits or does not answer in time
     */
    public void awaitRealm(Duration timeout) {
        boolean up = Wait.until(() -> realmAnswers() || !running(), timeout);
        if (!up || !realmAnswers()) {
            throw new LaunchException("Keycloak did not " + (running() ? "answer within " + timeout.toSeconds()
                    + " s" : "start") + "; its log " + log() + " ends:\n" + tail(log(), 20));
        }
    }

    /** Stops the Keycloak this folder started (and its child processes); false when none was running. */
    public boolean stop() {
        Optional<ProcessHandle> process = Processes.fromPidFile(home.resolve("keycloak.pid"));
        process.ifPresent(p -> Processes.stop(p, Duration.ofSeconds(30)));
        try {
            Files.deleteIfExists(home.resolve("keycloak.pid"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return process.isPresent();
    }

    /** Stops Keycloak and deletes its data (realm, users, sessions), keeping the admin password. */
    public void reset() {
        stop();
        Folders.deleteTree(distributionHome().resolve("data"));
        try {
            Files.deleteIfExists(home.resolve("realm-import.sha256"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void unpack() {
        if (Files.isExecutable(distributionHome().resolve("bin/kc.sh"))) {
            return;
        }
        io.tracker.launcher.support.Console.say("Unpacking Keycloak " + version
                + " (Maven artifact org.keycloak:keycloak-quarkus-dist:" + version + ":tar.gz)");
        Archives.untarGzip(Distributions.existing(distribution), home);
        if (!Files.isExecutable(distributionHome().resolve("bin/kc.sh"))) {
            throw new LaunchException(distribution + " did not unpack to " + distributionHome());
        }
    }

    private Path distributionHome() {
        return home.resolve("keycloak-" + version);
    }

    private String readRealm() {
        try {
            return Files.readString(realmFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the realm file " + realmFile, e);
        }
    }

    /** The last {@code lines} lines of a log file, or "" when there is none. */
    public static String tail(Path file, int lines) {
        try {
            List<String> all = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "";
        }
    }

}
