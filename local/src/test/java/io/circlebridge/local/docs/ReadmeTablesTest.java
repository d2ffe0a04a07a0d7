package io.circlebridge.local.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.circlebridge.config.ConfigLoader;
import io.circlebridge.local.config.LocalConfig;
import io.circlebridge.poller.config.PollerConfig;
import io.circlebridge.streams.config.StatusAppConfig;
import io.circlebridge.topic.Topic;
import io.circlebridge.topic.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's topic and configuration tables equal to the definitions they describe. Run with
 * {@code -Dreadme.update=true} to rewrite them.
 */
class ReadmeTablesTest {

    private static final Path README = Path.of("..", "README.md");
    private static final String UPDATE_COMMAND =
            "./mvnw -B -pl local test -Dtest=ReadmeTablesTest -Dreadme.update=true";

    @Test
    void shouldDescribeEveryTopic() throws IOException {
        checkSection("topics", topicTable());
    }

    @Test
    void shouldDescribeLocalSettings() throws IOException {
        checkSection("local-config", configTable(LocalConfig.CONFIG));
    }

    @Test
    void shouldDescribePollerSettings() throws IOException {
        checkSection("poller-config", configTable(PollerConfig.CONFIG));
    }

    @Test
    void shouldDescribeStreamsSettings() throws IOException {
        checkSection("streams-config", configTable(StatusAppConfig.CONFIG));
    }

    static String topicTable() {
        Topics topics = Topics.withDefaultPrefix();
        StringBuilder table = new StringBuilder("| topic | key | value | cleanup | written by |\n|---|---|---|---|---|\n");
        for (Topic topic : Topic.values()) {
            String value = topic.valueType() == null ? "bytes" : "Avro `" + topic.valueType().getSimpleName() + "`";
            table.append(row(code(topics.name(topic)), topic.key(), value, topic.cleanupPolicy().configValue(),
                    topic.producedBy()));
        }
        return table.toString();
    }

    static String configTable(ConfigDef definition) {
        StringBuilder table = new StringBuilder("| key | environment variable | type | default | description |\n"
                + "|---|---|---|---|---|\n");
        for (ConfigDef.ConfigKey key : definition.configKeys().values()) {
            table.append(row(code(key.name), code(ConfigLoader.environmentVariableOf(key.name)),
                    key.type.toString().toLowerCase(java.util.Locale.ROOT), defaultOf(key),
                    key.documentation.replace("|", "\\|")));
        }
        return table.toString();
    }

    private static String defaultOf(ConfigDef.ConfigKey key) {
        if (!key.hasDefault()) {
            return "required";
        }
        Object value = key.defaultValue;
        if (value == null) {
            return "";
        }
        if (value instanceof Password) {
            return "[hidden]";
        }
        if (value instanceof List<?> list) {
            return code(String.join(",", list.stream().map(Object::toString).toList()));
        }
        return code(value.toString());
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static String code(String text) {
        return text.isEmpty() ? "" : "`" + text + "`";
    }

    private static void checkSection(String name, String expected) throws IOException {
        String readme = Files.readString(README);
        Pattern section = Pattern.compile("(<!-- BEGIN " + name + " -->\n)(.*?)(<!-- END " + name + " -->)",
                Pattern.DOTALL);
        Matcher matcher = section.matcher(readme);
        assertThat(matcher.find()).as("README.md has a section marked <!-- BEGIN %s -->", name).isTrue();

        if (Boolean.getBoolean("readme.update")) {
            String updated = readme.substring(0, matcher.start(2)) + expected + readme.substring(matcher.end(2));
            Files.writeString(README, updated);
            return;
        }
        assertThat(matcher.group(2)).as("README.md section %s is out of date; run %s", name, UPDATE_COMMAND)
                .isEqualTo(expected);
    }
}
