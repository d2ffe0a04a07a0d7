package io.circlebridge.poller.kafka;

import io.circlebridge.poller.detect.PollResult;
import io.circlebridge.serde.AvroSerializer;
import io.circlebridge.serde.SchemaRegistryClient;
import io.circlebridge.topic.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one poll's events and checkpoints in one Kafka transaction, so a crash or an outage either writes both or
 * neither: the poller then neither repeats nor loses a transition.
 */
public final class EventPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

    private final Properties producerProperties;
    private final Topics topics;
    private final AvroSerializer<SpecificRecordBase> serializer;
    private Producer<String, byte[]> producer;

    public EventPublisher(Map<String, Object> clientSettings, String transactionalId, Topics topics,
                          SchemaRegistryClient registry) {
        this.topics = topics;
        this.serializer = new AvroSerializer<>(registry);
        this.producerProperties = new Properties();
        producerProperties.putAll(clientSettings);
        producerProperties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        producerProperties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = newProducer();
    }

    /**
     * Writes {@code result} in one transaction.
     *
     * @throws KafkaException when the transaction was aborted; nothing of {@code result} is visible to
     *     {@code read_committed} readers then, and the caller polls the same changes again
     * @throws FatalPublishException when this publisher can write no more, for example because another poller with
     *     the same transactional id fenced it
     */
    public void publish(PollResult result) {
        try {
            if (producer == null) {
                producer = newProducer();
            }
            producer.beginTransaction();
            result.pipelineEvents().forEach(event -> send(topics.pipelines(), event.getPipelineId(), event));
            result.workflowEvents().forEach(event -> send(topics.workflows(), event.getPipelineId(), event));
            result.jobEvents().forEach(event -> send(topics.jobs(), event.getPipelineId(), event));
            result.checkpoints().forEach((id, checkpoint) -> producer.send(
                    new ProducerRecord<>(topics.pollerCheckpoints(), id, CheckpointCodec.encode(checkpoint))));
            result.forgottenPipelines().forEach(id -> producer.send(
                    new ProducerRecord<>(topics.pollerCheckpoints(), id, null)));
            producer.commitTransaction();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException
                 | UnsupportedVersionException e) {
            throw new FatalPublishException("The event producer cannot continue: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            abortOrReset(e);
            throw e instanceof KafkaException kafka ? kafka
                    : new KafkaException("Writing the events of " + result.projectSlug() + " failed: " + e, e);
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
        }
    }

    private void send(String topic, String key, SpecificRecord event) {
        byte[] value = serializer.serialize(topic, (SpecificRecordBase) event);
        producer.send(new ProducerRecord<>(topic, key, value));
    }

    private void abortOrReset(RuntimeException cause) {
        try {
            producer.abortTransaction();
            log.debug("Aborted the transaction after: {}", cause.toString());
        } catch (RuntimeException abortFailure) {
            // A producer whose abort fails is in an unknown state; a new one aborts the open transaction on start.
            log.warn("Cannot abort the transaction ({}); the next publish starts a new producer.",
                    abortFailure.toString());
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    private Producer<String, byte[]> newProducer() {
        KafkaProducer<String, byte[]> created =
                new KafkaProducer<>(producerProperties, new StringSerializer(), new ByteArraySerializer());
        created.initTransactions();
        return created;
    }

    /** The publisher was fenced or lost its rights; the poller must stop. */
    public static final class FatalPublishException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FatalPublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
