package io.circlebridge.local.compat;

import io.circlebridge.serde.AvroDeserializer;
import io.circlebridge.serde.RestSchemaRegistryClient;
import io.circlebridge.serde.SchemaRegistryClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics from the beginning as a downstream consumer would ({@code read_committed}), decoding each value with
 * the bridge's own {@link AvroDeserializer} into the topic's generated class, and keeps every record read so far.
 * Partitions are assigned, not subscribed, so reading starts at once and no consumer group is involved.
 */
final class BridgeTopicReader implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final SchemaRegistryClient registry;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, AvroDeserializer<? extends SpecificRecord>> deserializers = new LinkedHashMap<>();
    private final Map<String, List<DecodedRecord>> records = new LinkedHashMap<>();

    /** A record of one topic with its value as the bridge's deserializer read it. */
    record DecodedRecord(String topic, int partition, long offset, String key, SpecificRecord value) {

        /** Formats where the record is, as {@code topic/partition/offset}. */
        String position() {
            return topic + "/" + partition + "/" + offset;
        }
    }

    /**
     * @param valueTypes the generated Avro class of the values of each topic to read, by topic name
     */
    BridgeTopicReader(String bootstrapServers, String registryUrl,
                      Map<String, Class<? extends SpecificRecord>> valueTypes) {
        registry = new RestSchemaRegistryClient(registryUrl, Duration.ofSeconds(10), Duration.ofSeconds(10));
        valueTypes.forEach((topic, type) -> {
            deserializers.put(topic, new AvroDeserializer<>(type, registry));
            records.put(topic, new ArrayList<>());
        });
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = valueTypes.keySet().stream()
                .flatMap(topic -> consumer.partitionsFor(topic).stream()
                        .map(info -> new TopicPartition(topic, info.partition())))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /**
     * Reads until {@code condition} holds for the records read so far, by topic, or fails after {@code timeout}.
     */
    void awaitRecords(Predicate<Map<String, List<DecodedRecord>>> condition, Duration timeout, String description) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.test(records)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + description
                        + "; read " + counts());
            }
            pollOnce();
        }
    }

    /**
     * Reads at least up to the last stable offset that each partition has now and returns every record read so far,
     * by topic. Every record returned is committed, and no committed record before the last one returned in its
     * partition is left out.
     */
    Map<String, List<DecodedRecord>> readToEnd(Duration timeout) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        Instant deadline = Instant.now().plus(timeout);
        while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s reading up to the end offsets "
                        + ends + "; read " + counts());
            }
            pollOnce();
        }
        Map<String, List<DecodedRecord>> copy = new LinkedHashMap<>();
        records.forEach((topic, read) -> copy.put(topic, List.copyOf(read)));
        return copy;
    }

    @Override
    public void close() {
        consumer.close();
        registry.close();
    }

    private void pollOnce() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
            SpecificRecord value = deserializers.get(record.topic()).deserialize(record.topic(), record.value());
            records.get(record.topic()).add(new DecodedRecord(record.topic(), record.partition(), record.offset(),
                    record.key(), value));
        }
    }

    private Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        records.forEach((topic, read) -> counts.put(topic, read.size()));
        return counts;
    }
}
