package io.circlebridge.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.circlebridge.serde.InMemorySchemaRegistryClient;
import io.circlebridge.streams.config.StatusAppConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lifecycle checks that need no broker: nothing here calls {@link StatusApp#start()} successfully. */
class StatusAppTest {

    @TempDir
    Path stateDir;

    private StatusApp app;

    @BeforeEach
    void createApp() {
        // Port 9 on the loopback address has no broker; the app never gets to connect in these tests.
        StatusAppConfig config = new StatusAppConfig(Map.of(
                StatusAppConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9",
                StatusAppConfig.SCHEMA_REGISTRY_URL_CONFIG, "http://127.0.0.1:9",
                StatusAppConfig.STATE_DIR_CONFIG, stateDir.toString()));
        app = new StatusApp(config, new InMemorySchemaRegistryClient());
    }

    @AfterEach
    void closeApp() {
        app.close(Duration.ofSeconds(10));
    }

    @Test
    void shouldStayCreatedUntilStarted() {
        KafkaStreams.State state = app.state();

        assertThat(state).isEqualTo(KafkaStreams.State.CREATED);
    }

    @Test
    void shouldStopCleanlyWithoutStart() throws InterruptedException {
        boolean clean = app.close(Duration.ofSeconds(10));

        assertThat(clean).isTrue();
        assertThat(app.state()).isEqualTo(KafkaStreams.State.NOT_RUNNING);
        assertThat(app.awaitStop(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void shouldRejectStartAfterClose() {
        app.close(Duration.ofSeconds(10));

        assertThatThrownBy(app::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("StatusApp circlebridge-status cannot start in state closed");
    }
}
