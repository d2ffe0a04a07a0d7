package io.circlebridge.poller.command;

import io.circlebridge.poller.circleci.CircleCiClient;
import io.circlebridge.poller.circleci.CircleCiException;
import io.circlebridge.poller.circleci.ProjectSlug;
import io.circlebridge.poller.circleci.TriggerRequest;
import io.circlebridge.poller.circleci.TriggeredPipeline;
import io.circlebridge.poller.kafka.TopicReader;
import io.circlebridge.schema.CommandOutcome;
import io.circlebridge.schema.CommandResult;
import io.circlebridge.schema.TriggerPipelineCommand;
import io.circlebridge.serde.AvroDeserializer;
import io.circlebridge.serde.AvroSerializer;
import io.circlebridge.serde.SchemaRegistryClient;
import io.circlebridge.serde.SchemaRegistryException;
import io.circlebridge.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes TriggerPipelineCommand records, triggers CircleCI, and writes one CommandResult per command id.
 *
 * <p>Results, dead letters and the consumer offsets of a batch are written in one transaction. A record that cannot be
 * read goes to the dead-letter topic with the reason in its headers, and the handler moves on. A command id that
 * already has a result is not triggered again.
 */
public final class CommandHandler implements Runnable, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CommandHandler.class);

    /** Headers of a dead-letter record. */
    public static final String ERROR_HEADER = "circlebridge.error";
    public static final String SOURCE_TOPIC_HEADER = "circlebridge.source.topic";
    public static final String SOURCE_PARTITION_HEADER = "circlebridge.source.partition";
    public static final String SOURCE_OFFSET_HEADER = "circlebridge.source.offset";

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration REGISTRY_RETRY_PAUSE = Duration.ofSeconds(5);

    private final Map<String, Object> clientSettings;
    private final String groupId;
    private final String transactionalId;
    private final Topics topics;
    private final CircleCiClient circleCi;
    private final Set<String> allowedProjects;
    private final Clock clock;
    private final AvroDeserializer<TriggerPipelineCommand> commandDeserializer;
    private final AvroSerializer<CommandResult> resultSerializer;
    private final Set<String> answeredCommandIds = new HashSet<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private boolean waitingForRegistry;

    public CommandHandler(Map<String, Object> clientSettings, String groupId, String transactionalId, Topics topics,
                          SchemaRegistryClient registry, CircleCiClient circleCi, Collection<String> allowedProjects,
                          Clock clock) {
        this.clientSettings = Map.copyOf(clientSettings);
        this.groupId = groupId;
        this.transactionalId = transactionalId;
        this.topics = topics;
        this.circleCi = circleCi;
        this.allowedProjects = allowedProjects.stream().map(slug -> ProjectSlug.parse(slug).toString()).collect(Collectors.toSet());
        this.clock = clock;
        this.commandDeserializer = new AvroDeserializer<>(TriggerPipelineCommand.class, registry);
        this.resultSerializer = new AvroSerializer<>(registry);
    }

    /** Handles commands until {@link #close()} is called. */
    @Override
    public void run() {
        loadAnsweredCommandIds();
        try (KafkaConsumer<String, byte[]> commands = newConsumer();
             KafkaProducer<String, byte[]> producer = newProducer()) {
            consumer = commands;
            producer.initTransactions();
            commands.subscribe(List.of(topics.commands()));
            log.info("Command handler started: consuming {} as group {}", topics.commands(), groupId);
            while (!closed.get()) {
                ConsumerRecords<String, byte[]> records = commands.poll(POLL_TIMEOUT);
                if (records.isEmpty()) {
                    continue;
                }
                if (registryUnavailable(records)) {
                    rewind(records, commands);
                    pauseForRegistry();
                    continue;
                }
                handleBatch(records, commands, producer);
            }
        } catch (WakeupException e) {
            if (!closed.get()) {
                throw e;
            }
        } catch (RuntimeException e) {
            log.error("The command handler stopped on an unexpected error, so commands get no result until "
                    + "the bridge restarts: {}", e.toString(), e);
            throw e;
        } finally {
            log.info("Command handler stopped");
        }
    }

    @Override
    public void close() {
        closed.set(true);
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private void handleBatch(ConsumerRecords<String, byte[]> records, KafkaConsumer<String, byte[]> commands,
                             KafkaProducer<String, byte[]> producer) {
        Set<String> answeredBefore = Set.copyOf(answeredCommandIds);
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        try {
            producer.beginTransaction();
            for (ConsumerRecord<String, byte[]> record : records) {
                handle(record, producer);
                offsets.put(new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1));
            }
            producer.sendOffsetsToTransaction(offsets, commands.groupMetadata());
            producer.commitTransaction();
        } catch (ProducerFencedException | AuthorizationException e) {
            throw e;
        } catch (KafkaException e) {
            // NOTE: the commands of the aborted batch are handled again, so CircleCI may be triggered twice for them.
            log.warn("Writing the results of {} commands failed and was rolled back; handling them again. Cause: {}",
                    records.count(), e.toString());
            producer.abortTransaction();
            answeredCommandIds.retainAll(answeredBefore);
            rewind(records, commands);
        }
    }

    /**
     * Tells whether a record of the batch cannot be read only because the schema registry is unreachable. Such a
     * record is valid and must be handled once the registry is back, not dead-lettered.
     */
    private boolean registryUnavailable(ConsumerRecords<String, byte[]> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                commandDeserializer.deserialize(record.topic(), record.value());
            } catch (RuntimeException e) {
                if (SchemaRegistryException.isOutageCause(e)) {
                    if (!waitingForRegistry) {
                        log.warn("Cannot read the command at {}-{} offset {} while the schema registry is "
                                + "unavailable; waiting for it. Cause: {}", record.topic(), record.partition(),
                                record.offset(), e.getMessage());
                    }
                    waitingForRegistry = true;
                    return true;
                }
            }
        }
        if (waitingForRegistry) {
            log.info("The schema registry is available again; handling commands.");
            waitingForRegistry = false;
        }
        return false;
    }

    private void pauseForRegistry() {
        try {
            Thread.sleep(REGISTRY_RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed.set(true);
        }
    }

    private static void rewind(ConsumerRecords<String, byte[]> records, KafkaConsumer<String, byte[]> commands) {
        for (TopicPartition partition : records.partitions()) {
            if (!commands.assignment().contains(partition)) {
                // A rebalance moved the partition away; its new owner reads on from the last committed offset.
                continue;
            }
            long firstOffset = records.records(partition).get(0).offset();
            commands.seek(partition, firstOffset);
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record, KafkaProducer<String, byte[]> producer) {
        TriggerPipelineCommand command;
        try {
            command = commandDeserializer.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            deadLetter(record, e.getMessage(), producer);
            return;
        }
        if (command == null || command.getCommandId() == null || command.getCommandId().isBlank()) {
            deadLetter(record, "The command has no command_id, so no result could be keyed to it.", producer);
            return;
        }
        if (answeredCommandIds.contains(command.getCommandId())) {
            log.info("Ignoring command {} at {}-{} offset {}: it already has a result", command.getCommandId(),
                    record.topic(), record.partition(), record.offset());
            return;
        }

        CommandResult result;
        try {
            result = execute(command);
        } catch (RuntimeException e) {
            // A command that breaks the handler must not stop it, or every later command would go unanswered.
            deadLetter(record, "Handling command " + command.getCommandId() + " failed: " + e, producer);
            return;
        }
        byte[] value = resultSerializer.serialize(topics.commandResults(), result);
        producer.send(new ProducerRecord<>(topics.commandResults(), command.getCommandId(), value));
        answeredCommandIds.add(command.getCommandId());
    }

    private CommandResult execute(TriggerPipelineCommand command) {
        CommandResult.Builder result = CommandResult.newBuilder()
                .setCommandId(command.getCommandId())
                .setProjectSlug(command.getProjectSlug());

        String rejection = TriggerDecision.rejectionReason(command, allowedProjects);
        if (rejection != null) {
            log.info("Rejected command {}: {}", command.getCommandId(), rejection);
            return result.setOutcome(CommandOutcome.REJECTED).setReason(rejection)
                    .setCompletedAt(clock.instant()).build();
        }

        TriggerRequest request = new TriggerRequest(command.getBranch(), command.getTag(),
                TriggerDecision.typedParameters(command.getParameters()));
        try {
            TriggeredPipeline pipeline = circleCi.triggerPipeline(command.getProjectSlug(), request);
            if (!pipeline.created()) {
                String reason = "CircleCI created no pipeline: " + pipeline.message();
                log.info("Command {} for {}: {}", command.getCommandId(), command.getProjectSlug(), reason);
                return result.setOutcome(CommandOutcome.REJECTED).setReason(reason).setHttpStatus(200)
                        .setCompletedAt(clock.instant()).build();
            }
            log.info("Command {} triggered pipeline {} (#{}) of {}", command.getCommandId(), pipeline.id(),
                    pipeline.number(), command.getProjectSlug());
            return result.setOutcome(CommandOutcome.ACCEPTED).setPipelineId(pipeline.id())
                    .setPipelineNumber(pipeline.number()).setHttpStatus(201)
                    .setCompletedAt(clock.instant()).build();
        } catch (CircleCiException e) {
            String reason = e.isOutcomeUnknown()
                    ? "The trigger call failed after it may have reached CircleCI, so a pipeline may exist; check "
                            + "the project's pipelines before sending a new command. Cause: " + e.getMessage()
                    : "CircleCI did not trigger the pipeline: " + e.getMessage();
            log.warn("Command {} for {} failed: {}", command.getCommandId(), command.getProjectSlug(), reason);
            return result.setOutcome(CommandOutcome.REJECTED)
                    .setReason(reason)
                    .setHttpStatus(e.status() > 0 ? e.status() : null)
                    .setCompletedAt(clock.instant()).build();
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason,
                            KafkaProducer<String, byte[]> producer) {
        String where = record.topic() + "-" + record.partition() + " offset " + record.offset();
        log.warn("Sending the unreadable command at {} to {}: {}", where, topics.commandsDeadLetter(), reason);
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(ERROR_HEADER, utf8(reason));
        headers.add(SOURCE_TOPIC_HEADER, utf8(record.topic()));
        headers.add(SOURCE_PARTITION_HEADER, utf8(Integer.toString(record.partition())));
        headers.add(SOURCE_OFFSET_HEADER, utf8(Long.toString(record.offset())));
        producer.send(new ProducerRecord<>(topics.commandsDeadLetter(), null, record.key(), record.value(), headers));
    }

    private void loadAnsweredCommandIds() {
        TopicReader.readAll(clientSettings, topics.commandResults(), Duration.ofMinutes(1), record -> {
            if (record.key() != null) {
                answeredCommandIds.add(record.key());
            }
        });
        log.info("{} command ids already have a result in {}", answeredCommandIds.size(), topics.commandResults());
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        Properties properties = new Properties();
        properties.putAll(clientSettings);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Reading a command can wait out a registry outage of up to the serde's 5 minutes by default, and the group
        // must not drop the handler meanwhile.
        properties.putIfAbsent(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofMinutes(10).toMillis());
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<String, byte[]> newProducer() {
        Properties properties = new Properties();
        properties.putAll(clientSettings);
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
