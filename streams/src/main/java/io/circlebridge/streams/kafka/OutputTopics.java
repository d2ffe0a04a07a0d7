package io.circlebridge.streams.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics the status app writes when they are missing. Kafka Streams creates only its internal topics,
 * and a broker that auto-creates the others would give the status topic the delete cleanup policy instead of compact.
 */
public final class OutputTopics {

    private static final Logger log = LoggerFactory.getLogger(OutputTopics.class);

    private final Admin admin;
    private final Duration timeout;

    public OutputTopics(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /**
     * Creates the compacted status topic and the dead-letter topic unless they exist. New topics get as many
     * partitions as {@code partitionsLike} when that topic exists, else the broker's default.
     *
     * @param replicationFactor -1 takes the broker's default
     * @throws KafkaException when the broker cannot be reached or rejects a topic
     */
    public void createMissing(String statusTopic, String deadLetterTopic, String partitionsLike,
                              short replicationFactor) {
        Set<String> existing = await(admin.listTopics().names(), "list topics");
        Optional<Integer> partitions = existing.contains(partitionsLike)
                ? Optional.of(partitionCount(partitionsLike))
                : Optional.empty();
        Optional<Short> replicas = replicationFactor == -1 ? Optional.empty() : Optional.of(replicationFactor);

        List<NewTopic> missing = new ArrayList<>();
        if (!existing.contains(statusTopic)) {
            missing.add(new NewTopic(statusTopic, partitions, replicas)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        }
        if (!existing.contains(deadLetterTopic)) {
            missing.add(new NewTopic(deadLetterTopic, partitions, replicas)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)));
        }
        if (missing.isEmpty()) {
            return;
        }

        admin.createTopics(missing).values().forEach((name, future) -> {
            try {
                await(future, "create topic " + name);
                log.info("Created topic {}", name);
            } catch (KafkaException e) {
                // Another instance or the local mode may have created it in the meantime, which is fine.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        });
    }

    private int partitionCount(String topic) {
        Map<String, TopicDescription> descriptions =
                await(admin.describeTopics(List.of(topic)).allTopicNames(), "describe topic " + topic);
        return descriptions.get(topic).partitions().size();
    }

    private <T> T await(KafkaFuture<T> future, String action) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new KafkaException("Failed to " + action + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("Timed out after " + timeout.toMillis() + " ms trying to " + action
                    + "; check that bootstrap.servers points at a running broker.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while trying to " + action, e);
        }
    }
}
