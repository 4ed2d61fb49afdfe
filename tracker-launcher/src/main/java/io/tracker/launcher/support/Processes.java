package io.tracker.launcher.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Running other programs: to completion with their output in a file, or in the background. */
public final class Processes {

    /** Exit status and the combined standard output and error of a finished command. */
    public record Result(int exitCode, String output) {

        public boolean ok() {
            return exitCode == 0;
        }
    }

    private Processes() {
    }

    /**
     * Runs {@code command} to completion ({@code timeout} at most), standard output and error into
     * {@code log} (a file, not a pipe: a server that the command starts in the background inherits
     * it and would otherwise hold a pipe open).
     */
    public static Result run(List<String> command, Map<String, String> environment, Path directory, Path log,
            Duration timeout) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(devNull()));
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            if (environment != null) {
                builder.environment().clear();
                builder.environment().putAll(environment);
            }
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return new Result(-1, read(log) + "\n(timed out after " + timeout.toSeconds() + " s)");
            }
            return new Result(process.exitValue(), read(log));
        } catch (IOException e) {
            throw new LaunchException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted");
        }
    }

    /** Starts {@code command} in the background, output appended to {@code log}; it outlives this JVM. */
    public static Process start(List<String> command, Map<String, String> environment, Path directory, Path log) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(devNull()));
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            builder.environment().clear();
            builder.environment().putAll(environment);
            return builder.start();
        } catch (IOException e) {
            throw new LaunchException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code setsid} when the system has it (Linux): a server started through it gets a session of its
     * own, so a Ctrl-C in the terminal reaches only the launcher, which then stops the servers in order.
     */
    public static List<String> ownSession() {
        return Files.isExecutable(Path.of("/usr/bin/setsid")) ? List.of("/usr/bin/setsid") : List.of();
    }

    /** The live process with the id kept in {@code pidFile}, if any. */
    public static Optional<ProcessHandle> fromPidFile(Path pidFile) {
        String pid = Secrets.read(pidFile);
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(pid.lines().findFirst().orElse("").strip()))
                    .filter(ProcessHandle::isAlive);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Ends a process and its descendants (TERM, then KILL after {@code grace}); true when it is gone. */
    public static boolean stop(ProcessHandle process, Duration grace) {
        List<ProcessHandle> family = new java.util.ArrayList<>(process.descendants().toList());
        family.add(process);
        family.forEach(ProcessHandle::destroy);
        boolean gone = Wait.until(() -> family.stream().noneMatch(ProcessHandle::isAlive), grace);
        if (!gone) {
            family.forEach(ProcessHandle::destroyForcibly);
            gone = Wait.until(() -> family.stream().noneMatch(ProcessHandle::isAlive), Duration.ofSeconds(10));
        }
        return gone;
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static File devNull() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
