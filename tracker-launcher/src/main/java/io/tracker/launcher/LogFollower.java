package io.tracker.launcher;

import io.tracker.launcher.keycloak.LocalKeycloak;
import io.tracker.launcher.support.LaunchException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code ./run logs}: the server log's last 50 lines, then what is appended (also across a log rotation). */
final class LogFollower {

    private LogFollower() {
    }

    static void follow(Path log) {
        if (!Files.exists(log)) {
            throw new LaunchException("no server log yet (" + log + ")");
        }
        System.out.println(LocalKeycloak.tail(log, 50));
        long position;
        try {
            position = Files.size(log);
            while (true) {
                long size = Files.exists(log) ? Files.size(log) : 0;
                if (size < position) {
                    position = 0; // rotated: the new file is read from its start
                }
                if (size > position) {
                    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
                        file.seek(position);
                        byte[] bytes = new byte[(int) Math.min(size - position, 1 << 20)];
                        file.readFully(bytes);
                        position += bytes.length;
                        System.out.print(new String(bytes, StandardCharsets.UTF_8));
                        System.out.flush();
                    }
                } else {
                    Thread.sleep(500); // polling the file: there is no portable change notification for appends
                }
            }
        } catch (IOException e) {
            throw new LaunchException("cannot read " + log + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
