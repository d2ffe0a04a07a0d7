package io.circlebridge.local.infra;

import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BrokerPropertiesTest {

    private static final Path LOG_DIR = Path.of("/tmp/circlebridge-kafka");

    @Test
    void shouldBindEveryListenerTo127001() {
        Map<String, String> properties = BrokerProperties.of(LOG_DIR, 9092, 9093, Map.of());

        assertThat(properties).containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093");
        assertThat(properties).containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:9092");
        assertThat(properties).containsEntry("controller.quorum.voters", "1@127.0.0.1:9093");
    }

    @Test
    void shouldSetReplicationFactorOneForInternalTopics() {
        Map<String, String> properties = BrokerProperties.of(LOG_DIR, 9092, 9093, Map.of());

        assertThat(properties).containsEntry("offsets.topic.replication.factor", "1");
        assertThat(properties).containsEntry("transaction.state.log.replication.factor", "1");
        assertThat(properties).containsEntry("transaction.state.log.min.isr", "1");
        assertThat(properties).containsEntry("share.coordinator.state.topic.replication.factor", "1");
        assertThat(properties).containsEntry("default.replication.factor", "1");
    }

    @Test
    void shouldLetOverridesReplaceDefaults() {
        Map<String, String> properties = BrokerProperties.of(LOG_DIR, 9092, 9093, Map.of("num.io.threads", "8", "log.retention.ms", "-1"));

        assertThat(properties).containsEntry("num.io.threads", "8");
        assertThat(properties).containsEntry("log.retention.ms", "-1");
    }

    @Test
    void shouldPassKafkaConfigValidation() {
        Map<String, String> properties = BrokerProperties.of(LOG_DIR, 9092, 9093, Map.of());

        KafkaConfig config = new KafkaConfig(properties, false);

        assertThat(config.logCleanerDedupeBufferSize()).isEqualTo(BrokerProperties.DEDUPE_BUFFER_BYTES);
        assertThat(config.getInt("group.initial.rebalance.delay.ms")).isZero();
    }
}
