package io.circlebridge.ksql;

import static org.assertj.core.api.Assertions.assertThat;

import io.circlebridge.ksql.KsqlScripts.Declaration;
import io.circlebridge.topic.Topic;
import io.circlebridge.topic.Topics;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The statements in the repository's ksql folder declare every Avro topic the way ksqlDB can read it. */
class KsqlDeclarationsTest {

    private static final Topics TOPICS = Topics.withDefaultPrefix();
    private static final List<Declaration> DECLARATIONS =
            KsqlScripts.declarations(KsqlScripts.statements(KsqlScripts.directory()));

    static Stream<Topic> avroTopics() {
        return Arrays.stream(Topic.values()).filter(topic -> topic.valueType() != null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("avroTopics")
    void shouldDeclareEveryAvroTopic(Topic topic) {
        String name = TOPICS.name(topic);

        List<Declaration> declarations = declarationsOf(name);

        assertThat(declarations).as("declarations with KAFKA_TOPIC='%s' in %s", name, KsqlScripts.directory())
                .isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("avroTopics")
    void shouldDeclareCompactedTopicAsTableAndOthersAsStream(Topic topic) {
        String expectedKind = topic.cleanupPolicy() == Topic.CleanupPolicy.COMPACT ? "TABLE" : "STREAM";

        List<Declaration> declarations = declarationsOf(TOPICS.name(topic));

        assertThat(declarations).extracting(Declaration::kind).contains(expectedKind);
    }

    @Test
    void shouldDeclareOnlyTopicsOfTopicEnum() {
        Set<String> topicNames = Arrays.stream(Topic.values()).map(TOPICS::name).collect(Collectors.toSet());

        List<String> declaredTopics = DECLARATIONS.stream().map(declaration -> declaration.topic().orElse("")).toList();

        assertThat(topicNames).containsAll(declaredTopics);
    }

    @Test
    void shouldDeclareStringKeysAndAvroValues() {
        for (Declaration declaration : DECLARATIONS) {
            assertThat(declaration.properties()).as(declaration.name())
                    .containsEntry("KEY_FORMAT", "KAFKA")
                    .containsEntry("VALUE_FORMAT", "AVRO");
        }
    }

    @Test
    void shouldDeclareOnlyTheKeyColumn() {
        // ksqlDB infers the value columns from the registry only when the statement declares none.
        for (Declaration declaration : DECLARATIONS) {
            String keyMarker = declaration.kind().equals("TABLE") ? "PRIMARY\\s+KEY" : "KEY";

            assertThat(declaration.columns()).as(declaration.name())
                    .matches("(?i)\\w+\\s+STRING\\s+" + keyMarker);
        }
    }

    private static List<Declaration> declarationsOf(String topicName) {
        return DECLARATIONS.stream().filter(declaration -> declaration.topic().orElse("").equals(topicName)).toList();
    }
}
