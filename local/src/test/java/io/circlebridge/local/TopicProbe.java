package io.circlebridge.local;

import io.circlebridge.serde.AvroDeserializer;
import io.circlebridge.serde.AvroSerdeConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning as a downstream consumer would ({@code read_committed}) and keeps every record,
 * so tests can wait for a condition over everything read so far.
 */
final class TopicProbe<T extends SpecificRecord> implements AutoCloseable {

    private final KafkaConsumer<String, T> consumer;
    private final List<ConsumerRecord<String, T>> records = new ArrayList<>();

    TopicProbe(String bootstrapServers, String registryUrl, String topic, Class<T> type) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        AvroDeserializer<T> values = new AvroDeserializer<>(type);
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl), false);
        consumer = new KafkaConsumer<>(properties, new StringDeserializer(), values);
        consumer.subscribe(List.of(topic));
    }

    /** Reads until {@code condition} holds for the records read so far, or fails after {@code timeout}. */
    List<ConsumerRecord<String, T>> awaitRecords(Predicate<List<ConsumerRecord<String, T>>> condition,
                                                Duration timeout, String description) {
        return awaitNoProblem(records -> condition.test(records) ? null : "the condition does not hold", timeout,
                description);
    }

    /**
     * Reads until {@code problem} returns null for the records read so far, or fails after {@code timeout} with the
     * last problem it returned.
     */
    List<ConsumerRecord<String, T>> awaitNoProblem(Function<List<ConsumerRecord<String, T>>, String> problem,
                                                  Duration timeout, String description) {
        Instant deadline = Instant.now().plus(timeout);
        String lastProblem = problem.apply(records);
        while (lastProblem != null) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + description
                        + "; read " + records.size() + " records; " + lastProblem);
            }
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            lastProblem = problem.apply(records);
        }
        return List.copyOf(records);
    }

    /** Reads whatever arrives within {@code duration} and returns every record read so far. */
    List<ConsumerRecord<String, T>> readFor(Duration duration) {
        Instant end = Instant.now().plus(duration);
        while (Instant.now().isBefore(end)) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return List.copyOf(records);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
