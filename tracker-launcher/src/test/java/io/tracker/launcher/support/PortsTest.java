package io.tracker.launcher.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aListeningPortIsInUseAndFreeOnceClosed() throws Exception {
        int port;
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort();
            assertThat(Ports.inUse(port)).isTrue();
            assertThat(Ports.awaitFree(port, Duration.ofMillis(300))).isFalse();
        }
        assertThat(Ports.inUse(port)).isFalse();
        assertThat(Ports.awaitFree(port, Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void portNumbersAreCheckedAndNamedInTheMessage() {
        assertThat(Ports.parse("TRACKER_HTTP_PORT", " 8080 ")).isEqualTo(8080);
        assertThatThrownBy(() -> Ports.parse("TRACKER_HTTP_PORT", "80a"))
                .isInstanceOf(LaunchException.class).hasMessageContaining("TRACKER_HTTP_PORT").hasMessageContaining("80a");
        assertThatThrownBy(() -> Ports.parse("TRACKER_KEYCLOAK_PORT", "0")).isInstanceOf(LaunchException.class);
        assertThatThrownBy(() -> Ports.parse("TRACKER_KEYCLOAK_PORT", "65536")).isInstanceOf(LaunchException.class);
    }
}
