package io.circlebridge.streams.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.circlebridge.config.ConfigLoader;
import io.circlebridge.streams.errors.DeadLetterDeserializationHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusAppConfigTest {

    private static final Map<String, String> REQUIRED = Map.of(
            "bootstrap.servers", "127.0.0.1:9092",
            "schema.registry.url", "http://127.0.0.1:8081");

    @TempDir
    Path directory;

    @Test
    void shouldApplyDefaults() {
        StatusAppConfig config = new StatusAppConfig(REQUIRED);

        Properties streams = config.streamsProperties();

        assertThat(config.topics().prefix()).isEqualTo("circleci.");
        assertThat(config.applicationId()).isEqualTo("circlebridge-status");
        assertThat(config.replicationFactor()).isEqualTo((short) -1);
        assertThat(config.deadLetterTopic()).isEqualTo("circleci.pipeline-status.dlq");
        assertThat(streams).containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "circlebridge-status")
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2")
                .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1)
                .containsEntry(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "circleci.pipeline-status.dlq")
                .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        DeadLetterDeserializationHandler.class.getName())
                .doesNotContainKey(StreamsConfig.STATE_DIR_CONFIG);
    }

    @Test
    void shouldNameTopicsAfterPrefix() {
        StatusAppConfig config = new StatusAppConfig(with("topic.prefix", "staging.circleci."));

        assertThat(config.topics().pipelineStatus()).isEqualTo("staging.circleci.pipeline-status");
        assertThat(config.deadLetterTopic()).isEqualTo("staging.circleci.pipeline-status.dlq");
    }

    @Test
    void shouldPassKafkaKeysThroughWithoutPrefix() {
        Map<String, String> settings = new HashMap<>(REQUIRED);
        settings.put("kafka.commit.interval.ms", "500");
        settings.put("kafka.security.protocol", "SSL");

        Properties streams = new StatusAppConfig(settings).streamsProperties();

        assertThat(streams).containsEntry("commit.interval.ms", "500")
                .containsEntry("security.protocol", "SSL")
                .doesNotContainKey("kafka.commit.interval.ms");
        assertThat(new StreamsConfig(streams).getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(500L);
    }

    @Test
    void shouldSetDeclaredStreamsKeys() {
        Map<String, String> settings = new HashMap<>(REQUIRED);
        settings.put("state.dir", "/var/lib/circlebridge/streams");
        settings.put("processing.guarantee", "at_least_once");
        settings.put("replication.factor", "1");

        Properties streams = new StatusAppConfig(settings).streamsProperties();

        assertThat(streams).containsEntry(StreamsConfig.STATE_DIR_CONFIG, "/var/lib/circlebridge/streams")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "at_least_once")
                .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
    }

    @Test
    void shouldRejectKafkaKeyThatDuplicatesDeclaredKey() {
        Map<String, String> settings = with("kafka.application.id", "other");

        assertThatThrownBy(() -> new StatusAppConfig(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value other for configuration kafka.application.id: it duplicates the setting "
                        + "application.id; set application.id instead.");
    }

    @Test
    void shouldRejectUnknownProcessingGuarantee() {
        Map<String, String> settings = with("processing.guarantee", "exactly_once");

        assertThatThrownBy(() -> new StatusAppConfig(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value exactly_once for configuration processing.guarantee: set one of "
                        + "exactly_once_v2, at_least_once.");
    }

    @Test
    void shouldRejectReplicationFactorZero() {
        Map<String, String> settings = with("replication.factor", "0");

        assertThatThrownBy(() -> new StatusAppConfig(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value 0 for configuration replication.factor: set -1 for the broker's default "
                        + "or a number of replicas from 1 to 32767.");
    }

    @Test
    void shouldRejectBrokerWithoutPort() {
        Map<String, String> settings = with("bootstrap.servers", "127.0.0.1");

        assertThatThrownBy(() -> new StatusAppConfig(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("configuration bootstrap.servers")
                .hasMessageContaining("'127.0.0.1' is not host:port")
                .hasMessageContaining("such as 127.0.0.1:9092");
    }

    @Test
    void shouldRejectRegistryUrlWithoutScheme() {
        Map<String, String> settings = with("schema.registry.url", "127.0.0.1:8081");

        assertThatThrownBy(() -> new StatusAppConfig(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid value 127.0.0.1:8081 for configuration schema.registry.url: ")
                .hasMessageEndingWith("; set the registry's base URL, such as http://127.0.0.1:8081.");
    }

    @Test
    void shouldRejectTopicPrefixWithIllegalCharacter() {
        Map<String, String> settings = with("topic.prefix", "circle/ci.");

        assertThatThrownBy(() -> new StatusAppConfig(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value circle/ci. for configuration topic.prefix: it may contain only ASCII "
                        + "letters, digits, '.', '_' and '-', because it becomes part of Kafka topic names.");
    }

    @Test
    void shouldRejectEmptyApplicationId() {
        Map<String, String> settings = with("application.id", "");

        assertThatThrownBy(() -> new StatusAppConfig(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("configuration application.id: it must not be empty");
    }

    @Test
    void shouldNameMissingKeyAndItsEnvironmentVariable() {
        Map<String, String> settings = Map.of("schema.registry.url", "http://127.0.0.1:8081");

        assertThatThrownBy(() -> new StatusAppConfig(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Missing required configuration bootstrap.servers: set it in the properties "
                        + "file or the environment variable CIRCLEBRIDGE_BOOTSTRAP_SERVERS.");
    }

    @Test
    void shouldAcceptSchemaRegistryTimeouts() {
        StatusAppConfig config = new StatusAppConfig(with("schema.registry.request.timeout.ms", "2500"));

        assertThat(config.getLong("schema.registry.request.timeout.ms")).isEqualTo(2500L);
    }

    @Test
    void shouldHideSecretsInDescription() {
        Map<String, String> settings = new HashMap<>(REQUIRED);
        settings.put("schema.registry.url", "https://registry-user:registry-pass@registry.example:8081");
        settings.put("kafka.sasl.jaas.config", "PlainLoginModule required username=\"u\" password=\"jaas-pass\";");
        settings.put("kafka.ssl.key.password", "key-pass");

        String description = new StatusAppConfig(settings).describe();

        assertThat(description).doesNotContain("registry-pass", "jaas-pass", "key-pass");
        assertThat(description).contains("kafka.sasl.jaas.config = [hidden]", "kafka.ssl.key.password = [hidden]",
                "schema.registry.url = https://[hidden]@registry.example:8081");
    }

    @Test
    void shouldDescribeEffectiveSettings() {
        Map<String, String> settings = with("kafka.commit.interval.ms", "500");

        String description = new StatusAppConfig(settings).describe();

        assertThat(description).contains("application.id = circlebridge-status", "topic.prefix = circleci.",
                "processing.guarantee = exactly_once_v2", "kafka.commit.interval.ms = 500",
                "bootstrap.servers = [127.0.0.1:9092]");
    }

    @Test
    void shouldLetEnvironmentOverrideFile() throws IOException {
        Path file = directory.resolve("status.properties");
        Files.writeString(file, "bootstrap.servers=127.0.0.1:9092\nschema.registry.url=http://127.0.0.1:8081\n"
                + "topic.prefix=file.\n");
        Map<String, String> environment = Map.of("CIRCLEBRIDGE_TOPIC_PREFIX", "env.");

        StatusAppConfig config = new StatusAppConfig(ConfigLoader.load(file, environment));

        assertThat(config.topics().prefix()).isEqualTo("env.");
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> settings = new HashMap<>(REQUIRED);
        settings.put(key, value);
        return settings;
    }
}
