package io.circlebridge.poller.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a whole topic once, from the beginning to the end it has when the read starts, without a consumer group. */
public final class TopicReader {

    private TopicReader() {
    }

    /**
     * Hands every committed record of {@code topic} to {@code sink}, partition by partition in offset order.
     * Records of aborted transactions are skipped ({@code read_committed}).
     *
     * @throws TimeoutException when the end is not reached within {@code timeout}
     */
    public static void readAll(Map<String, Object> clientSettings, String topic, Duration timeout,
                               Consumer<ConsumerRecord<String, byte[]>> sink) {
        Properties properties = new Properties();
        properties.putAll(clientSettings);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);

        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> endOffsets = consumer.endOffsets(partitions, timeout);

            while (!caughtUp(consumer, endOffsets)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new TimeoutException("Timed out after " + timeout.toSeconds() + " s reading " + topic
                            + "; is the broker reachable?");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(sink);
            }
        }
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> endOffsets) {
        return endOffsets.entrySet().stream()
                .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }
}
