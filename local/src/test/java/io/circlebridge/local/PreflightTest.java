package io.circlebridge.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.circlebridge.local.config.LocalConfig;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreflightTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldRejectSecondLockOnDataDirectory() throws Exception {
        try (AutoCloseable first = Preflight.lockDataDirectory(dataDir)) {
            assertThat(first).isNotNull();

            assertThatThrownBy(() -> Preflight.lockDataDirectory(dataDir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Another CircleBridge (pid " + ProcessHandle.current().pid() + ")")
                    .hasMessageContaining(dataDir.toString())
                    .hasMessageContaining("CIRCLEBRIDGE_LOCAL_DATA_DIR");
        }
    }

    @Test
    void shouldLockAgainAfterRelease() throws Exception {
        Preflight.lockDataDirectory(dataDir).close();

        try (AutoCloseable again = Preflight.lockDataDirectory(dataDir)) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void shouldNamePortInUseAndSettingToChange() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LocalConfig config = new LocalConfig(Map.of(LocalConfig.REGISTRY_PORT_CONFIG,
                    Integer.toString(taken.getLocalPort()), LocalConfig.KAFKA_PORT_CONFIG, "0"));

            assertThatThrownBy(() -> Preflight.checkPortsFree(config, false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Port " + taken.getLocalPort() + " on 127.0.0.1, configured for the schema registry "
                            + "by local.registry.port, is in use. Stop what uses it, or set "
                            + "CIRCLEBRIDGE_LOCAL_REGISTRY_PORT to another port (0 picks a free one).");
        }
    }

    @Test
    void shouldRejectInvalidPollerSettingBeforeStart() {
        Map<String, String> settings = Map.of("poll.interval.ms", "abc");

        assertThatThrownBy(() -> Preflight.validateBridgeSettings(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("poll.interval.ms");
    }

    @Test
    void shouldAcceptDefaults() {
        Preflight.validateBridgeSettings(Map.of());
    }
}
