package io.circlebridge.poller;

import io.circlebridge.poller.circleci.CircleCiClient;
import io.circlebridge.poller.command.CommandHandler;
import io.circlebridge.poller.config.PollerConfig;
import io.circlebridge.poller.detect.ChangeDetector;
import io.circlebridge.poller.detect.PipelineCheckpoint;
import io.circlebridge.poller.kafka.CheckpointReader;
import io.circlebridge.poller.kafka.EventPublisher;
import io.circlebridge.serde.SchemaRegistryClient;
import io.circlebridge.topic.Topic;
import io.circlebridge.topic.TopicProvisioner;
import io.circlebridge.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poller as a service: provisions its topics and subjects, restores its checkpoints, then polls CircleCI on a
 * fixed delay and handles trigger commands on a thread of their own until closed.
 */
public final class PollerService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PollerService.class);

    /** Topics the poller writes or reads. */
    public static final Set<Topic> TOPICS = EnumSet.of(Topic.PIPELINES, Topic.WORKFLOWS, Topic.JOBS, Topic.COMMANDS,
            Topic.COMMAND_RESULTS, Topic.COMMANDS_DLQ, Topic.POLLER_CHECKPOINTS);

    private final PollerConfig config;
    private final CircleCiClient circleCi;
    private final SchemaRegistryClient registry;
    private final Clock clock;
    private final Topics topics;
    private ScheduledExecutorService scheduler;
    private EventPublisher publisher;
    private PipelinePoller poller;
    private CommandHandler commandHandler;
    private Thread commandThread;

    public PollerService(PollerConfig config, CircleCiClient circleCi, SchemaRegistryClient registry, Clock clock) {
        this.config = config;
        this.circleCi = circleCi;
        this.registry = registry;
        this.clock = clock;
        this.topics = config.topics();
    }

    /** Provisions topics and subjects, restores checkpoints and starts polling and command handling. */
    public synchronized void start() {
        if (scheduler != null) {
            throw new IllegalStateException("PollerService is already started");
        }
        Map<String, Object> clientSettings = config.kafkaClientSettings();
        try (Admin admin = Admin.create(clientSettings)) {
            TopicProvisioner provisioner = new TopicProvisioner(admin, topics);
            provisioner.createMissing(TOPICS, config.getInt(PollerConfig.TOPIC_PARTITIONS_CONFIG),
                    config.getShort(PollerConfig.TOPIC_REPLICATION_FACTOR_CONFIG));
            provisioner.registerSchemas(TOPICS, registry);
        }

        Map<String, PipelineCheckpoint> checkpoints =
                CheckpointReader.readAll(clientSettings, topics.pollerCheckpoints(), Duration.ofMinutes(2));
        publisher = new EventPublisher(clientSettings, config.getString(PollerConfig.TRANSACTIONAL_ID_CONFIG),
                topics, registry);
        ChangeDetector detector = new ChangeDetector(circleCi, clock, config.workflowGrace(), config.settleTime(),
                config.getInt(PollerConfig.PIPELINE_PAGES_CONFIG));
        poller = new PipelinePoller(config.projects(), detector, publisher, clock, checkpoints);

        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "circlebridge-poller"));
        scheduler.scheduleWithFixedDelay(this::pollSafely, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);

        if (config.getBoolean(PollerConfig.COMMANDS_ENABLED_CONFIG)) {
            commandHandler = new CommandHandler(clientSettings, config.getString(PollerConfig.COMMANDS_GROUP_ID_CONFIG),
                    config.getString(PollerConfig.TRANSACTIONAL_ID_CONFIG) + "-commands", topics, registry, circleCi,
                    config.allowedProjects(), clock);
            commandThread = new Thread(commandHandler, "circlebridge-commands");
            commandThread.start();
        }
        log.info("Poller started: polling {} every {} ms", config.projects(), config.pollInterval().toMillis());
    }

    /** The running poller's counters; null before {@link #start()}. */
    public PollStatistics statistics() {
        return poller == null ? null : poller.statistics();
    }

    @Override
    public synchronized void close() {
        if (commandHandler != null) {
            commandHandler.close();
            joinQuietly(commandThread);
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (publisher != null) {
            publisher.close();
        }
        log.info("Poller stopped");
    }

    private void pollSafely() {
        try {
            poller.pollAll();
        } catch (EventPublisher.FatalPublishException e) {
            log.error("Stopping the poller: {}", e.getMessage(), e);
            scheduler.shutdown();
        } catch (RuntimeException e) {
            // One bad round must not end the schedule, which would silently stop all polling.
            log.warn("A poll round failed; the next round starts in {} ms. Cause: {}",
                    config.pollInterval().toMillis(), e.toString(), e);
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
