package io.circlebridge.topic;

import io.circlebridge.serde.SchemaRegistryClient;
import io.circlebridge.serde.WireFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates missing CircleBridge topics with their cleanup policy, and puts every Avro subject under
 * {@value #COMPATIBILITY} compatibility with the current schema registered, so that an incompatible producer is
 * rejected by the registry instead of breaking readers.
 */
public final class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    /** The compatibility level CircleBridge subjects run under. */
    public static final String COMPATIBILITY = "BACKWARD_TRANSITIVE";

    private final Admin admin;
    private final Topics topics;

    public TopicProvisioner(Admin admin, Topics topics) {
        this.admin = admin;
        this.topics = topics;
    }

    /**
     * Creates those of {@code wanted} that do not exist yet; existing topics are left as they are.
     *
     * @param replicationFactor -1 takes the broker's default
     */
    public void createMissing(Collection<Topic> wanted, int partitions, short replicationFactor) {
        createMissing(wanted, Optional.of(partitions), replicationFactor);
    }

    /**
     * Creates those of {@code wanted} that do not exist yet, with {@code partitions} or, when empty, the broker's
     * default partition count.
     */
    public void createMissing(Collection<Topic> wanted, Optional<Integer> partitions, short replicationFactor) {
        List<NewTopic> newTopics = new ArrayList<>();
        for (Topic topic : wanted) {
            newTopics.add(new NewTopic(topics.name(topic), partitions, Optional.of(replicationFactor))
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, topic.cleanupPolicy().configValue())));
        }

        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            newTopics.removeIf(topic -> existing.contains(topic.name()));
            if (newTopics.isEmpty()) {
                return;
            }
            admin.createTopics(newTopics).values().forEach((name, future) -> {
                try {
                    future.get(30, TimeUnit.SECONDS);
                    log.info("Created topic {}", name);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new KafkaException("Cannot create topic " + name + ": " + e.getCause().getMessage(), e);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new KafkaException("Interrupted while creating topic " + name, e);
                } catch (TimeoutException e) {
                    throw new KafkaException("Timed out creating topic " + name + "; is the broker reachable?", e);
                }
            });
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("Cannot list topics to create missing ones; is the broker reachable? " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while listing topics", e);
        }
    }

    /** Returns the partition count of {@code topic}, or empty when it does not exist. */
    public Optional<Integer> partitionCount(Topic topic) {
        String name = topics.name(topic);
        try {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(name)) {
                return Optional.empty();
            }
            return Optional.of(admin.describeTopics(List.of(name)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(name).partitions().size());
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("Cannot describe topic " + name + "; is the broker reachable? " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while describing topic " + name, e);
        }
    }

    /**
     * Sets {@value #COMPATIBILITY} on the value subject of each of {@code wanted} that has an Avro value type and
     * registers the type's current schema there.
     */
    public void registerSchemas(Collection<Topic> wanted, SchemaRegistryClient registry) {
        for (Topic topic : wanted) {
            if (topic.valueType() == null) {
                continue;
            }
            String subject = WireFormat.subject(topics.name(topic), false);
            Schema schema = SpecificData.get().getSchema(topic.valueType());
            registry.setCompatibility(subject, COMPATIBILITY);
            int id = registry.register(subject, schema);
            log.debug("Subject {} runs under {} with schema id {}", subject, COMPATIBILITY, id);
        }
    }
}
