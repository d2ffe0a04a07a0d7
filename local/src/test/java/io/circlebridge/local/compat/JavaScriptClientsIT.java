package io.circlebridge.local.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.circlebridge.local.LocalBridge;
import io.circlebridge.local.compat.BridgeTopicReader.DecodedRecord;
import io.circlebridge.local.compat.NodeScripts.ScriptOutput;
import io.circlebridge.schema.CommandOutcome;
import io.circlebridge.schema.CommandResult;
import io.circlebridge.schema.TriggerPipelineCommand;
import io.circlebridge.serde.AvroSerializer;
import io.circlebridge.serde.RestSchemaRegistryClient;
import io.circlebridge.topic.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Independent JavaScript clients against the whole bridge. kafkajs reads every event topic, the status topic and the
 * command results, and decodes the values with Confluent's {@code @confluentinc/schemaregistry} and with
 * {@code @kafkajs/confluent-schema-registry} against Apicurio's Confluent-compatible API. Each record must equal,
 * field by field, what the bridge's own deserializer reads. Confluent's serializer writes a command, which the bridge
 * must accept.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class JavaScriptClientsIT {

    private static final Logger log = LoggerFactory.getLogger(JavaScriptClientsIT.class);

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(60);
    private static final String PROJECT = "gh/example-org/example-repo";
    private static final List<Topic> READ_TOPICS = List.of(Topic.PIPELINES, Topic.WORKFLOWS, Topic.JOBS,
            Topic.PIPELINE_STATUS, Topic.COMMAND_RESULTS);

    @TempDir
    static Path dataDir;

    private static NodeScripts node;
    private static LocalBridge bridge;
    private static Map<String, List<DecodedRecord>> readByBridge;

    @BeforeAll
    static void startBridgeAndReadTopics() {
        node = NodeScripts.fromSystemProperty();
        Map<String, String> settings = new HashMap<>();
        settings.put("local.data.dir", dataDir.toString());
        settings.put("local.kafka.port", "0");
        settings.put("local.registry.port", "0");
        settings.put("local.simulator.port", "0");
        settings.put("simulator.projects", PROJECT + ",gh/example-org/another-repo");
        settings.put("simulator.step.ms", "300");
        settings.put("simulator.new.pipeline.interval.ms", "0");
        settings.put("simulator.initial.pipelines", "2");
        settings.put("poll.interval.ms", "300");
        bridge = LocalBridge.start(settings, Map.of());

        String commandId = "java-" + UUID.randomUUID();
        produceCommand(commandId);
        try (BridgeTopicReader reader = new BridgeTopicReader(bridge.bootstrapServers(), bridge.registryUrl(),
                valueTypes(READ_TOPICS))) {
            // Waiting until the simulator stops changing its pipelines lets the topics collect more than each
            // pipeline's first records.
            reader.awaitRecords(records -> bridge.simulator().isQuiescent()
                            && records.values().stream().noneMatch(List::isEmpty)
                            && records.get(name(Topic.COMMAND_RESULTS)).stream()
                                    .anyMatch(record -> commandId.equals(record.key())),
                    WAIT, "records in every topic, the result of command " + commandId + " and a quiescent simulator");
            readByBridge = reader.readToEnd(WAIT);
        }
    }

    @AfterAll
    static void stopBridge() {
        if (bridge != null) {
            bridge.close();
        }
    }

    @Test
    void shouldDecodeEveryRecordWithConfluentDeserializer() {
        assertJavaScriptDecoderMatchesBridge("confluent");
    }

    @Test
    void shouldDecodeEveryRecordWithKafkajsSchemaRegistry() {
        assertJavaScriptDecoderMatchesBridge("kafkajs");
    }

    @Test
    void shouldAcceptCommandWrittenWithConfluentSerializer() {
        String commandId = "javascript-" + UUID.randomUUID();

        ScriptOutput written = node.run("produce-command.js", List.of(
                "--brokers", bridge.bootstrapServers(),
                "--registry", bridge.registryUrl(),
                "--topic", name(Topic.COMMANDS),
                "--command-id", commandId,
                "--project", PROJECT,
                "--branch", "main",
                "--requested-by", "JavaScriptClientsIT"), SCRIPT_TIMEOUT);

        CommandResult result = awaitResult(commandId, written);
        assertThat(result.getOutcome()).as(written.describe()).isEqualTo(CommandOutcome.ACCEPTED);
        assertThat(result.getCommandId()).isEqualTo(commandId);
        assertThat(result.getProjectSlug()).isEqualTo(PROJECT);
        assertThat(result.getPipelineId()).isNotBlank();
    }

    private static void assertJavaScriptDecoderMatchesBridge(String decoder) {
        List<String> arguments = new ArrayList<>(List.of(
                "--brokers", bridge.bootstrapServers(),
                "--registry", bridge.registryUrl(),
                "--decoder", decoder));
        lastOffsets(readByBridge).forEach(until -> arguments.addAll(List.of("--until", until)));

        ScriptOutput output = node.run("read-topics.js", arguments, SCRIPT_TIMEOUT);
        RecordComparison comparison = RecordComparison.compare(readByBridge, output.jsonLines());

        log.info("The {} decoder matched the bridge's deserializer on every field of {} records by topic", decoder,
                comparison.matchedByTopic());
        assertThat(comparison.decodeErrors()).as("records %s could not decode", decoder).isEmpty();
        assertThat(comparison.missing()).as("records %s did not print\n%s", decoder, output.describe()).isEmpty();
        assertThat(comparison.unexpected()).as("records %s printed beyond the bridge's", decoder).isEmpty();
        assertThat(comparison.differences()).as("fields where %s differs from the bridge", decoder).isEmpty();
        assertThat(comparison.matchedByTopic()).isEqualTo(countByTopic(readByBridge));
    }

    /** Lists the offset of the last record read in each partition, as {@code topic:partition:offset}. */
    private static List<String> lastOffsets(Map<String, List<DecodedRecord>> records) {
        Map<String, Long> last = new LinkedHashMap<>();
        records.values().stream()
                .flatMap(List::stream)
                .forEach(record -> last.merge(record.topic() + ":" + record.partition(), record.offset(), Math::max));
        return last.entrySet().stream()
                .map(entry -> entry.getKey() + ":" + entry.getValue())
                .toList();
    }

    private static Map<String, Integer> countByTopic(Map<String, List<DecodedRecord>> records) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        records.forEach((topic, read) -> counts.put(topic, read.size()));
        return counts;
    }

    private static CommandResult awaitResult(String commandId, ScriptOutput written) {
        try (BridgeTopicReader reader = new BridgeTopicReader(bridge.bootstrapServers(), bridge.registryUrl(),
                valueTypes(List.of(Topic.COMMAND_RESULTS)))) {
            reader.awaitRecords(records -> records.get(name(Topic.COMMAND_RESULTS)).stream()
                            .anyMatch(record -> commandId.equals(record.key())),
                    WAIT, "a result for command " + commandId + " written by " + written.describe());
            List<SpecificRecord> results = reader.readToEnd(WAIT).get(name(Topic.COMMAND_RESULTS)).stream()
                    .filter(record -> commandId.equals(record.key()))
                    .map(DecodedRecord::value)
                    .toList();
            assertThat(results).hasSize(1);
            return (CommandResult) results.get(0);
        }
    }

    private static void produceCommand(String commandId) {
        TriggerPipelineCommand command = TriggerPipelineCommand.newBuilder()
                .setCommandId(commandId)
                .setProjectSlug(PROJECT)
                .setBranch("main")
                .setRequestedBy("JavaScriptClientsIT")
                .build();
        try (RestSchemaRegistryClient registry = new RestSchemaRegistryClient(bridge.registryUrl(),
                Duration.ofSeconds(10), Duration.ofSeconds(10));
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                     Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bridge.bootstrapServers()),
                     new StringSerializer(), new ByteArraySerializer())) {
            AvroSerializer<TriggerPipelineCommand> serializer = new AvroSerializer<>(registry);
            byte[] value = serializer.serialize(name(Topic.COMMANDS), command);
            producer.send(new ProducerRecord<>(name(Topic.COMMANDS), commandId, value));
        }
    }

    private static Map<String, Class<? extends SpecificRecord>> valueTypes(List<Topic> topics) {
        Map<String, Class<? extends SpecificRecord>> types = new LinkedHashMap<>();
        topics.forEach(topic -> types.put(name(topic), topic.valueType()));
        return types;
    }

    private static String name(Topic topic) {
        return bridge.topics().name(topic);
    }
}
