package io.circlebridge.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.circlebridge.schema.CommandOutcome;
import io.circlebridge.schema.CommandResult;
import io.circlebridge.schema.TriggerPipelineCommand;
import io.circlebridge.serde.AvroSerializer;
import io.circlebridge.serde.RestSchemaRegistryClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A valid command whose schema the handler has not fetched yet arrives while the registry does not answer, for longer
 * than the serde waits: the handler must wait for the registry instead of dead-lettering the command.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class CommandRegistryOutageIT {

    private static final String PROJECT = "gh/example-org/example-repo";

    @TempDir
    Path dataDir;

    @Test
    void shouldAnswerCommandReadDuringRegistryOutage() throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("local.data.dir", dataDir.toString());
        settings.put("local.kafka.port", "0");
        settings.put("local.registry.port", "0");
        settings.put("local.simulator.port", "0");
        settings.put("simulator.projects", PROJECT);
        settings.put("simulator.initial.pipelines", "1");
        settings.put("schema.registry.outage.max.wait.ms", "1000");
        settings.put("schema.registry.request.timeout.ms", "1000");

        try (LocalBridge bridge = LocalBridge.start(settings, Map.of())) {
            String commandId = "during-outage-" + System.nanoTime();
            byte[] value = commandWithNewSchemaVersion(bridge, commandId);

            signal("STOP", bridge.registryPid());
            try {
                produce(bridge, commandId, value);
                List<String> deadLetters = readKeys(bridge, bridge.topics().commandsDeadLetter(), Duration.ofSeconds(8));
                assertThat(deadLetters).doesNotContain(commandId);
            } finally {
                signal("CONT", bridge.registryPid());
            }

            try (TopicProbe<CommandResult> results = new TopicProbe<>(bridge.bootstrapServers(), bridge.registryUrl(),
                    bridge.topics().commandResults(), CommandResult.class)) {
                List<ConsumerRecord<String, CommandResult>> records = results.awaitRecords(
                        read -> read.stream().anyMatch(record -> commandId.equals(record.key())),
                        Duration.ofSeconds(90), "a result for " + commandId);
                CommandResult result = records.stream().filter(record -> commandId.equals(record.key()))
                        .findFirst().orElseThrow().value();
                assertThat(result.getOutcome()).isEqualTo(CommandOutcome.ACCEPTED);
            }
        }
    }

    /** Serializes a command with a newer schema version (one more optional field) that the handler has not seen. */
    private static byte[] commandWithNewSchemaVersion(LocalBridge bridge, String commandId) {
        Schema current = TriggerPipelineCommand.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>();
        current.getFields().forEach(field -> fields.add(new Schema.Field(field, field.schema())));
        fields.add(new Schema.Field("ticket", Schema.createUnion(Schema.create(Schema.Type.NULL),
                Schema.create(Schema.Type.STRING)), "A change ticket.", Schema.Field.NULL_DEFAULT_VALUE));
        Schema newer = Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, fields);

        GenericRecord command = new GenericData.Record(newer);
        command.put("command_id", commandId);
        command.put("project_slug", PROJECT);
        command.put("branch", "main");
        command.put("parameters", Map.of());
        command.put("ticket", "CHG-1");
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>(new RestSchemaRegistryClient(
                bridge.registryUrl(), Duration.ofSeconds(10), Duration.ofSeconds(10)));
        return serializer.serialize(bridge.topics().commands(), command);
    }

    private static void produce(LocalBridge bridge, String key, byte[] value) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bridge.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(bridge.topics().commands(), key, value));
        }
    }

    private static List<String> readKeys(LocalBridge bridge, String topic, Duration duration) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bridge.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-probe-" + System.nanoTime());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> keys.add(record.key()));
            }
        }
        return keys;
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).as("kill -%s %d", signal, pid).isZero();
    }
}
