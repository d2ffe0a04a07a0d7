package io.circlebridge.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.circlebridge.schema.JobEvent;
import io.circlebridge.schema.PipelineEvent;
import io.circlebridge.schema.PipelineStatus;
import io.circlebridge.schema.WorkflowEvent;
import io.circlebridge.serde.AvroDeserializer;
import io.circlebridge.serde.RestSchemaRegistryClient;
import io.circlebridge.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Local mode keeps its broker data and registered schemas in one directory across a stop and a start. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LocalBridgeRestartIT {

    @TempDir
    Path dataDir;

    @Test
    void shouldKeepEveryRecordReadableAfterRestart() {
        Map<String, List<String>> before;
        try (LocalBridge bridge = LocalBridge.start(settings("1"), Map.of())) {
            try (TopicProbe<PipelineStatus> statuses = new TopicProbe<>(bridge.bootstrapServers(),
                    bridge.registryUrl(), bridge.topics().pipelineStatus(), PipelineStatus.class)) {
                statuses.awaitRecords(records -> records.size() >= 10, Duration.ofSeconds(90),
                        "ten status records");
            }
            before = dump(bridge);
        }

        try (LocalBridge restarted = LocalBridge.start(settings("2"), Map.of())) {
            Map<String, List<String>> after = dump(restarted);

            for (Map.Entry<String, List<String>> topic : before.entrySet()) {
                assertThat(after.get(topic.getKey())).as(topic.getKey()).containsAll(topic.getValue());
            }
            assertThat(before.get(restarted.topics().pipelineStatus())).isNotEmpty();
            assertDecodable(restarted, restarted.topics().pipelines(), PipelineEvent.class);
            assertDecodable(restarted, restarted.topics().workflows(), WorkflowEvent.class);
            assertDecodable(restarted, restarted.topics().jobs(), JobEvent.class);
            assertDecodable(restarted, restarted.topics().pipelineStatus(), PipelineStatus.class);
        }
    }

    private Map<String, String> settings(String seed) {
        Map<String, String> settings = new HashMap<>();
        settings.put("local.data.dir", dataDir.toString());
        settings.put("local.kafka.port", "0");
        settings.put("local.registry.port", "0");
        settings.put("local.simulator.port", "0");
        settings.put("simulator.seed", seed);
        settings.put("simulator.step.ms", "300");
        settings.put("simulator.initial.pipelines", "2");
        settings.put("poll.interval.ms", "300");
        return settings;
    }

    /** Every committed record of the event and status topics, as partition/offset/key/value-bytes lines. */
    private static Map<String, List<String>> dump(LocalBridge bridge) {
        Topics topics = bridge.topics();
        Map<String, List<String>> records = new LinkedHashMap<>();
        for (String topic : List.of(topics.pipelines(), topics.workflows(), topics.jobs(), topics.pipelineStatus())) {
            List<String> lines = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : readAll(bridge.bootstrapServers(), topic)) {
                lines.add(record.partition() + "/" + record.offset() + "/" + record.key() + "/"
                        + Arrays.toString(record.value()));
            }
            records.put(topic, lines);
        }
        return records;
    }

    private static <T extends SpecificRecord> void assertDecodable(LocalBridge bridge, String topic, Class<T> type) {
        AvroDeserializer<T> deserializer = new AvroDeserializer<>(type,
                new RestSchemaRegistryClient(bridge.registryUrl(), Duration.ofSeconds(10), Duration.ofSeconds(10)));
        for (ConsumerRecord<String, byte[]> record : readAll(bridge.bootstrapServers(), topic)) {
            assertThat(deserializer.deserialize(topic, record.value())).as("%s offset %d", topic, record.offset())
                    .isNotNull();
        }
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String bootstrapServers, String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        records.sort((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                : Long.compare(a.offset(), b.offset()));
        return records;
    }
}
