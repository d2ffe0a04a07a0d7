package io.circlebridge.poller.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class PollerConfigTest {

    @Test
    void shouldRejectProjectWithUnknownProvider() {
        Map<String, String> settings = settings("gh/example-org/example-repo,xx/org/repo");

        assertThatThrownBy(() -> new PollerConfig(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("xx/org/repo")
                .hasMessageContaining("circleci.projects")
                .hasMessageContaining("unknown provider 'xx'");
    }

    @Test
    void shouldRejectAllowedProjectThatIsNoSlug() {
        Map<String, String> settings = settings("gh/example-org/example-repo");
        settings.put(PollerConfig.COMMANDS_ALLOWED_PROJECTS_CONFIG, "not-a-slug");

        assertThatThrownBy(() -> new PollerConfig(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("commands.allowed.projects")
                .hasMessageContaining("not-a-slug");
    }

    @Test
    void shouldDefaultAllowListToPolledProjects() {
        PollerConfig config = new PollerConfig(settings("gh/example-org/example-repo,github/example-org/other"));

        assertThat(config.allowedProjects()).containsExactly("gh/example-org/example-repo", "github/example-org/other");
    }

    @Test
    void shouldPassKafkaPrefixedKeysToClients() {
        Map<String, String> settings = settings("gh/example-org/example-repo");
        settings.put("kafka.security.protocol", "SSL");

        Map<String, Object> clientSettings = new PollerConfig(settings).kafkaClientSettings();

        assertThat(clientSettings).containsEntry("security.protocol", "SSL");
        assertThat(clientSettings).containsEntry("bootstrap.servers", "127.0.0.1:9092");
    }

    @Test
    void shouldHideTokenInToString() {
        Map<String, String> settings = settings("gh/example-org/example-repo");
        settings.put(PollerConfig.CIRCLECI_TOKEN_CONFIG, "CCIPAT_very_secret");

        PollerConfig config = new PollerConfig(settings);

        assertThat(config.values().get(PollerConfig.CIRCLECI_TOKEN_CONFIG).toString()).isEqualTo("[hidden]");
        assertThat(List.of(config.toString(), config.values().toString())).noneMatch(t -> t.contains("very_secret"));
    }

    private static Map<String, String> settings(String projects) {
        Map<String, String> settings = new HashMap<>();
        settings.put(PollerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        settings.put(PollerConfig.SCHEMA_REGISTRY_URL_CONFIG, "http://127.0.0.1:8081");
        settings.put(PollerConfig.PROJECTS_CONFIG, projects);
        return settings;
    }
}
