package io.tracker.launcher.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** TCP port checks on the loopback address (127.0.0.1). */
public final class Ports {

    private Ports() {
    }

    /** True when something accepts TCP connections on 127.0.0.1:{@code port} (tried for at most 1 s). */
    public static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until nothing accepts connections on {@code port}; false when it still does after {@code timeout}. */
    public static boolean awaitFree(int port, Duration timeout) {
        return Wait.until(() -> !inUse(port), timeout);
    }

    /**
     * Parses a TCP port number from configuration.
     *
     * @throws LaunchException naming {@code variable} when {@code value} is not a number in 1..65535
     */
    public static int parse(String variable, String value) {
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LaunchException(variable + " must be a port number (1-65535), not '" + value + "'");
    }

    /** A short pause between two checks of a condition. */
    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted");
        }
    }
}
