package io.tracker.launcher.payara;

import io.tracker.launcher.support.Archives;
import io.tracker.launcher.support.Console;
import io.tracker.launcher.support.Distributions;
import io.tracker.launcher.support.Folders;
import io.tracker.launcher.support.LaunchException;
import io.tracker.launcher.support.Processes;
import io.tracker.launcher.support.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Payara Server domain run by the launcher: Payara unpacked from its Maven artifact, one domain
 * created with a generated admin password (never without one: a domain made with
 * {@code --nopassword} serves its admin API and JMX to anyone), configured by the shared command
 * files at every start, with the PostgreSQL driver in its {@code lib/}.
 *
 * <p>The domain's process inherits the environment it is started with; that is how the
 * {@code TRACKER_*} values reach MicroProfile Config and the {@code ${ENV=...}} references of the
 * command files. A running domain keeps that environment, so a record of it (with the process id)
 * is kept in {@code config/tracker-env.sha256} and a domain started with another one is restarted.
 */
public final class PayaraDomain {

    public static final String ADMIN_USER = "admin";
    private static final Duration ASADMIN_TIMEOUT = Duration.ofMinutes(5);
    /** Times are instants: the JVM runs in UTC so that no driver conversion depends on the host's zone. */
    static final String JVM_TIMEZONE = "-Duser.timezone=UTC";
    /**
     * The server's heap: Payara's 512 MB default is tight under load with bot detection's rule tables
     * (~130 MB) and the collection queue (up to 64 MB); 1 GB leaves the collector and the request
     * threads room (see README, "Speed"). The test suite's server asks for more ({@code TestStack}).
     */
    public static final String MAX_HEAP = "1g";

    private final Path payaraHome;
    private final Distributions distributions;
    private final Path domainsDir;
    private final String name;
    private final Path passwordFile;
    private final CommandFiles commandFiles;
    private final Path logs;
    private final String maxHeap;

    /**
     * @param state folder that holds {@code payara6/} (the unpacked distribution) and the start logs
     * @param domainsDir folder of the domain
     * @param name the domain's name
     * @param passwordFile asadmin password file of the admin user ({@code AS_ADMIN_PASSWORD=...})
     * @param maxHeap the server's {@code -Xmx} size, e.g. {@link #MAX_HEAP}
     */
    public PayaraDomain(Path state, Distributions distributions, Path domainsDir, String name, Path passwordFile,
            CommandFiles commandFiles, String maxHeap) {
        this.payaraHome = state.resolve("payara6");
        this.distributions = distributions;
        this.domainsDir = domainsDir;
        this.name = name;
        this.passwordFile = passwordFile;
        this.commandFiles = commandFiles;
        this.logs = state;
        this.maxHeap = maxHeap;
    }

    public String name() {
        return name;
    }

    public Path serverLog() {
        return domainDir().resolve("logs/server.log");
    }

    public Path passwordFile() {
        return passwordFile;
    }

    /** The admin password in the password file, generated (and the file written) when there is none. */
    public String adminPassword() {
        String kept = Secrets.read(passwordFile);
        if (kept.startsWith("AS_ADMIN_PASSWORD=") && kept.length() > "AS_ADMIN_PASSWORD=".length()) {
            return kept.substring("AS_ADMIN_PASSWORD=".length()).lines().findFirst().orElseThrow().strip();
        }
        String password = Secrets.randomToken();
        Secrets.write(passwordFile, "AS_ADMIN_PASSWORD=" + password + "\n");
        return password;
    }

    /** Unpacks Payara once per version (a marker file names the unpacked version). */
    public void install() {
        Path marker = payaraHome.resolve(".tracker-payara-version");
        if (distributions.payaraVersion().equals(Secrets.read(marker)) && Files.isExecutable(asadminPath())) {
            return;
        }
        Console.say("Unpacking Payara Server " + distributions.payaraVersion()
                + " (Maven artifact fish.payara.distributions:payara:" + distributions.payaraVersion() + ":zip)");
        Folders.deleteTree(payaraHome);
        Archives.unzip(Distributions.existing(distributions.payaraZip()), payaraHome.getParent());
        if (!Files.isExecutable(asadminPath())) {
            throw new LaunchException("the Payara zip did not unpack to " + payaraHome);
        }
        Secrets.write(marker, distributions.payaraVersion() + "\n");
    }

    public boolean exists() {
        return Files.isRegularFile(domainXml());
    }

    /** The admin port of the existing domain. */
    public Optional<Integer> adminPort() {
        return exists() ? DomainXml.read(domainXml()).listenerPort("admin-listener") : Optional.empty();
    }

    /** The HTTP port of the existing domain. */
    public Optional<Integer> httpPort() {
        return exists() ? DomainXml.read(domainXml()).listenerPort("http-listener-1") : Optional.empty();
    }

    /**
     * Creates the domain: ports from {@code portBase} (admin = base + 48, JMX = base + 86, ...), the HTTP
     * listener on {@code httpPort}, the admin password of the password file, the JVM in UTC.
     */
    public void create(int portBase, int httpPort) {
        adminPassword();
        Processes.Result created = Processes.run(List.of(asadminPath().toString(), "--interactive=false",
                        "--user", ADMIN_USER, "--passwordfile", passwordFile.toString(), "create-domain",
                        "--portbase", Integer.toString(portBase), "--domaindir", domainsDir.toString(), name),
                environment(Map.of()), null, logs.resolve("payara-create-domain.log"), ASADMIN_TIMEOUT);
        if (!created.ok()) {
            throw new LaunchException("creating the Payara domain " + name + " failed:\n" + created.output());
        }
        DomainXml xml = DomainXml.read(domainXml());
        xml.setListenerPort("http-listener-1", httpPort);
        xml.write();
        applyBootSettings();
    }

    /**
     * Writes what Payara reads at boot, before any command file runs, into the stopped domain's
     * {@code domain.xml}: the JVM in UTC with its maximum heap and its own temporary directory, the JMS broker off and the data grid on 127.0.0.1, and the
     * OpenAPI configuration element (so that the pre-boot "set ...enabled=false" finds it at the first
     * boot). Done before every start, not only at creation, so that a domain whose creation was
     * interrupted half-way is never started without them. Idempotent.
     */
    private void applyBootSettings() {
        DomainXml xml = DomainXml.read(domainXml());
        xml.addJvmOption(JVM_TIMEZONE);
        xml.setMaxHeap(maxHeap);
        xml.setTempDir(tempDir());
        xml.keepInternalServicesOnLoopback();
        xml.ensureConfigElement("microprofile-openapi-configuration");
        xml.write();
    }

    /** Sets the HTTP port of the stopped domain. */
    public void setHttpPort(int httpPort) {
        DomainXml xml = DomainXml.read(domainXml());
        xml.setListenerPort("http-listener-1", httpPort);
        xml.write();
    }

    /** The server's own temporary directory (created if missing), not the machine's shared {@code /tmp}. */
    private Path tempDir() {
        Path tmp = domainDir().resolve("tmp");
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new LaunchException("cannot create " + tmp + ": " + e.getMessage());
        }
        return tmp.toAbsolutePath();
    }

    /** Deletes the stopped domain. */
    public void delete() {
        Folders.deleteTree(domainDir());
    }

    /** Whether the domain's process (config/pid) is alive. */
    public boolean running() {
        return Processes.fromPidFile(domainDir().resolve("config/pid")).isPresent();
    }

    /** Whether the running domain was started by the launcher with exactly {@code environment}. */
    public boolean runsWith(Map<String, String> environment) {
        return running() && record(environment).equals(Secrets.read(envRecord()));
    }

    /**
     * Starts the domain with the shared command files, its process inheriting {@code domainEnvironment}
     * (added to this process's environment without its {@code TRACKER_*} variables), after putting the
     * PostgreSQL driver into the domain's {@code lib/}.
     */
    public void start(Map<String, String> domainEnvironment) {
        installDriver();
        if (!running()) {
            applyBootSettings();
        }
        List<String> command = new ArrayList<>(Processes.ownSession());
        command.addAll(List.of(asadminPath().toString(), "--interactive=false", "--user", ADMIN_USER,
                "--passwordfile", passwordFile.toString(), "start-domain", "--domaindir", domainsDir.toString(),
                "--prebootcommandfile", commandFiles.preBoot().toString(),
                "--postbootcommandfile", commandFiles.postBoot().toString(), name));
        Processes.Result started = Processes.run(command, environment(domainEnvironment), null,
                logs.resolve("payara-start.log"), ASADMIN_TIMEOUT);
        if (!started.ok()) {
            throw new LaunchException("starting the Payara domain " + name + " failed:\n" + started.output()
                    + "\nServer log: " + serverLog());
        }
        Secrets.write(envRecord(), record(domainEnvironment) + "\n");
    }

    /**
     * Stops the domain after undeploying {@code application} (if given), so that the next start does not
     * load the old version only to replace it; false when it was not running.
     */
    public boolean stop(String application) {
        if (!running()) {
            return false;
        }
        if (application != null) {
            asadmin("undeploy", application);
        }
        Processes.Result stopped = Processes.run(List.of(asadminPath().toString(), "--interactive=false", "--user",
                        ADMIN_USER, "--passwordfile", passwordFile.toString(), "stop-domain", "--domaindir",
                        domainsDir.toString(), name),
                environment(Map.of()), null, logs.resolve("payara-stop.log"), ASADMIN_TIMEOUT);
        if (!stopped.ok() && running()) {
            throw new LaunchException("stopping the Payara domain failed:\n" + stopped.output());
        }
        return true;
    }

    /** Deploys (or redeploys) an archive under {@code application}. */
    public void deploy(Path archive, String application) {
        Processes.Result deployed = asadmin("deploy", "--force", "--name", application, archive.toString());
        if (!deployed.ok()) {
            throw new LaunchException("deployment failed:\n" + deployed.output() + "\nServer log: " + serverLog());
        }
    }

    /**
     * Deploys and undeploys an empty web application, trying twice: Payara sets its security service up at
     * the first deployment after a start, and that sometimes fails once ("Error while installing policy
     * provider": the admin thread's context class loader is null) and works the next time. The test stack
     * calls this so that the failure, if it comes, hits this throw-away deployment, not a test's.
     */
    public void warmUpDeployment() {
        Path war = logs.resolve("warm-up.war");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(war))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("WEB-INF/web.xml"));
            zip.write(("<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\"/>\n")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + war + " failed", e);
        }
        Processes.Result deployed = asadmin("deploy", "--force", "--name", "warm-up", war.toString());
        if (!deployed.ok()) {
            Console.say("Payara's first deployment failed (" + deployed.output().strip().lines().findFirst().orElse("")
                    + "); trying again");
            deploy(war, "warm-up");
        }
        asadmin("undeploy", "warm-up");
    }

    /** Undeploys every application (a domain reused from an interrupted test run may hold one). */
    public void undeployAll() {
        Processes.Result list = asadmin("list-applications", "--terse");
        for (String line : list.output().lines().toList()) {
            String application = line.strip().split("\\s+")[0];
            if (!application.isEmpty() && !application.startsWith("Nothing") && !application.startsWith("Command")) {
                asadmin("undeploy", application);
            }
        }
    }

    /** Runs a remote asadmin command against the domain's admin port with the admin credentials. */
    public Processes.Result asadmin(String... arguments) {
        List<String> command = new ArrayList<>(List.of(asadminPath().toString(), "--interactive=false", "--user",
                ADMIN_USER, "--passwordfile", passwordFile.toString(), "--port",
                Integer.toString(adminPort().orElseThrow())));
        command.addAll(List.of(arguments));
        return Processes.run(command, environment(Map.of()), null, logs.resolve("payara-asadmin.log"), ASADMIN_TIMEOUT);
    }

    private void installDriver() {
        try {
            Path driver = Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = domainDir().resolve("lib/postgresql.jar");
            if (!Files.exists(target) || Files.mismatch(driver, target) != -1) {
                Files.createDirectories(target.getParent());
                Files.copy(driver, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * This process's environment without the launcher's {@code TRACKER_*} settings, plus {@code extra};
     * asadmin runs on this JVM's Java ({@code AS_JAVA}).
     */
    private static Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> environment = new TreeMap<>(System.getenv());
        environment.keySet().removeIf(name -> name.startsWith("TRACKER_"));
        environment.put("AS_JAVA", System.getProperty("java.home"));
        environment.putAll(extra);
        return environment;
    }

    private String record(Map<String, String> domainEnvironment) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(domainEnvironment).forEach((k, v) -> sha.update((k + "=" + v + "\n").getBytes(StandardCharsets.UTF_8)));
            sha.update((commandFiles.preBoot() + "\n" + commandFiles.postBoot()).getBytes(StandardCharsets.UTF_8));
            String pid = Secrets.read(domainDir().resolve("config/pid"));
            return pid + " " + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path envRecord() {
        return domainDir().resolve("config/tracker-env.sha256");
    }

    private Path domainDir() {
        return domainsDir.resolve(name);
    }

    private Path domainXml() {
        return domainDir().resolve("config/domain.xml");
    }

    private Path asadminPath() {
        return payaraHome.resolve("bin/asadmin");
    }
}
