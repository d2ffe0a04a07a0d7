package io.circlebridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path directory;

    @Test
    void shouldOverlayEnvironmentOnFile() throws IOException {
        Path file = Files.writeString(directory.resolve("bridge.properties"),
                "poll.interval.ms=5000\ntopic.prefix=ci.\n");
        Map<String, String> environment = Map.of("CIRCLEBRIDGE_POLL_INTERVAL_MS", "2000", "HOME", "/root");

        Map<String, String> settings = ConfigLoader.load(file, environment);

        assertThat(settings).containsEntry("poll.interval.ms", "2000");
        assertThat(settings).containsEntry("topic.prefix", "ci.");
        assertThat(settings).doesNotContainKey("home");
    }

    @Test
    void shouldNameMissingFileAndFix() {
        Path missing = directory.resolve("missing.properties");

        assertThatThrownBy(() -> ConfigLoader.load(missing, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("Check the path");
    }

    @Test
    void shouldMapKeysToEnvironmentVariables() {
        assertThat(ConfigLoader.environmentVariableOf("circleci.rate.limit.per.minute"))
                .isEqualTo("CIRCLEBRIDGE_CIRCLECI_RATE_LIMIT_PER_MINUTE");
    }

    @Test
    void shouldHidePasswordsAndSecretLookingKeys() {
        ConfigDef definition = new ConfigDef()
                .define("circleci.token", ConfigDef.Type.PASSWORD, null, ConfigDef.Importance.HIGH, "token")
                .define("api.key", ConfigDef.Type.PASSWORD, null, ConfigDef.Importance.HIGH, "key");
        Map<String, Object> values = Map.of(
                "circleci.token", "CCIPAT_secret_value",
                "api.key", "k3y",
                "kafka.sasl.jaas.config", "org.apache.kafka... password=\"p\"",
                "poll.interval.ms", 1000);

        String description = ConfigLoader.describe(definition, values);

        assertThat(description).doesNotContain("CCIPAT_secret_value");
        assertThat(description).doesNotContain("k3y");
        assertThat(description).doesNotContain("password=");
        assertThat(description).contains("circleci.token = [hidden]");
        assertThat(description).contains("poll.interval.ms = 1000");
    }
}
