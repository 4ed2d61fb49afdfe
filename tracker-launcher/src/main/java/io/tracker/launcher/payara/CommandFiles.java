package io.tracker.launcher.payara;

import io.tracker.launcher.support.LaunchException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one domain configuration of Tracker: Payara's pre-boot and post-boot command files in
 * {@code docker/payara/}, which the container image and the launcher both hand to the server
 * ({@code asadmin start-domain --prebootcommandfile ... --postbootcommandfile ...}). One asadmin
 * command per line; {@code #} starts a comment line. Values that differ per installation are
 * references to environment variables ({@code ${ENV=NAME}}), resolved by Payara.
 *
 * @param preBoot run before the server's services start (listeners, thread pools, JMX, banners)
 * @param postBoot run after the server started, before deployments (JDBC pools and resources)
 */
public record CommandFiles(Path preBoot, Path postBoot) {

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{ENV=([A-Za-z_][A-Za-z0-9_]*)}");

    /** The files in {@code <repository>/docker/payara}; a {@link LaunchException} when one is missing. */
    public static CommandFiles of(Path repository) {
        Path folder = repository.resolve("docker/payara");
        CommandFiles files = new CommandFiles(folder.resolve("pre-boot-commands.asadmin"),
                folder.resolve("post-boot-commands.asadmin"));
        for (Path file : List.of(files.preBoot, files.postBoot)) {
            if (!Files.isRegularFile(file)) {
                throw new LaunchException("the Payara command file " + file + " is missing");
            }
        }
        return files;
    }

    /** The commands of a file: its lines without comments and blank lines, stripped. */
    public static List<String> commands(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The environment variables that the commands of both files refer to ({@code ${ENV=NAME}}). */
    public Set<String> environmentVariables() {
        Set<String> names = new TreeSet<>();
        for (Path file : List.of(preBoot, postBoot)) {
            for (String command : commands(file)) {
                Matcher m = ENV_REFERENCE.matcher(command);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }
}
