package io.tracker.launcher;

import io.tracker.launcher.support.HttpProbe;
import io.tracker.launcher.support.LaunchException;
import io.tracker.launcher.support.Secrets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of {@code ./run} (which builds this jar and runs it) and of tracker-it's test servers.
 * The repository root is the system property {@code tracker.root}, else the working directory.
 *
 * <pre>
 *   start [-d|--detach]      (default) start everything, deploy, wait, print the summary
 *   stop | status | logs | help
 *   import touchpoints|ga-sessions|offline-conversions|conversion-adjustments FILE
 *   import costs FILE [--layout google_ads|microsoft_ads|meta|plain]
 *   import store-orders FILE
 *   import platform-conversions FILE [--platform google_ads|microsoft_ads|meta]
 *   reset-keycloak [-d]      delete Keycloak's data, then start
 *   it-start | it-stop       the integration tests' servers (system properties: see TestSettings)
 * </pre>
 *
 * Exit status: 0 done, 1 a failure (message on standard error), 2 a usage error.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Path repository = Path.of(System.getProperty("tracker.root", "")).toAbsolutePath();
        List<String> arguments = Arrays.asList(args);
        String command = arguments.isEmpty() || arguments.get(0).startsWith("-") ? "start" : arguments.get(0);
        List<String> options = arguments.isEmpty() || arguments.get(0).startsWith("-") ? arguments
                : arguments.subList(1, arguments.size());
        boolean detach = false;
        try {
            switch (command) {
                case "start", "reset-keycloak" -> {
                    for (String option : options) {
                        if (option.equals("-d") || option.equals("--detach")) {
                            detach = true;
                        } else if (option.equals("-h") || option.equals("--help")) {
                            System.out.print(Usage.TEXT);
                            return;
                        } else {
                            throw new UsageException("unknown option '" + option + "' (see ./run help)");
                        }
                    }
                    LocalStack stack = new LocalStack(repository, System.getenv());
                    if (command.equals("reset-keycloak")) {
                        stack.resetKeycloak();
                    }
                    start(stack, detach);
                }
                case "stop" -> new LocalStack(repository, System.getenv()).stop();
                case "status" -> {
                    if (!new LocalStack(repository, System.getenv()).status()) {
                        System.exit(1);
                    }
                }
                case "logs" -> LogFollower.follow(new LocalStack(repository, System.getenv()).state().serverLog());
                case "import" -> {
                    String layout = null;
                    if (options.size() == 4 && options.get(2).equals(CsvImport.option(options.get(0)))) {
                        layout = options.get(3);
                    } else if (options.size() != 2) {
                        throw new UsageException("usage: ./run import touchpoints|ga-sessions|offline-conversions|"
                                + "conversion-adjustments|store-orders FILE, or ./run import costs FILE [--layout "
                                + "google_ads|microsoft_ads|meta|plain], or ./run import platform-conversions FILE "
                                + "[--platform google_ads|microsoft_ads|meta]");
                    }
                    importFile(new LocalStack(repository, System.getenv()), options.get(0), Path.of(options.get(1)), layout);
                }
                case "help", "-h", "--help" -> System.out.print(Usage.TEXT);
                case "it-start" -> new TestStack(repository, TestSettings.from(System::getProperty, System.getenv())).start();
                case "it-stop" -> new TestStack(repository, TestSettings.from(System::getProperty, System.getenv())).stop();
                default -> throw new UsageException("unknown command '" + command + "'\n" + Usage.TEXT);
            }
        } catch (UsageException e) {
            System.err.println("run: " + e.getMessage());
            System.exit(2);
        } catch (LaunchException e) {
            System.err.println("run: error: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Starts; a failed foreground start stops what it started, a detached one leaves it for inspection. */
    private static void start(LocalStack stack, boolean detach) {
        try {
            stack.start(detach);
        } catch (RuntimeException e) {
            if (stack.interrupted()) {
                return; // Ctrl-C: the shutdown hook stops everything (System.exit now would block the JVM's shutdown)
            }
            if (detach) {
                System.err.println("run: start failed; what was started is left running for inspection"
                        + " (./run stop stops it).");
            } else {
                System.err.println("run: start failed; stopping what was started.");
                try {
                    stack.stop();
                } catch (RuntimeException ignored) {
                    // the original failure is what matters
                }
            }
            throw e instanceof LaunchException ? e : new LaunchException(String.valueOf(e.getMessage()), e);
        }
    }

    private static void importFile(LocalStack stack, String kind, Path file, String layout) {
        String key = System.getenv("TRACKER_API_KEY");
        if (key == null || key.isBlank()) {
            key = System.getenv("TRACKER_DEMO_API_KEY");
        }
        if (key == null || key.isBlank()) {
            key = Secrets.read(stack.state().demoApiKey());
        }
        if (key.isBlank()) {
            throw new LaunchException("no API key: set TRACKER_API_KEY (or start Tracker once with ./run so the demo key exists)");
        }
        int port = stack.currentHttpPort();
        if (!HttpProbe.get("http://127.0.0.1:" + port + "/health").healthUp()) {
            throw new LaunchException("Tracker is not up on port " + port + " (start it with ./run -d)");
        }
        io.tracker.launcher.support.Console.say("Importing " + file + " (" + kind + ") into http://localhost:" + port + "/");
        CsvImport.send(kind, file, layout, port, key);
    }

    /** A wrong command line. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
