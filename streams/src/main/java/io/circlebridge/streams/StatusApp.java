package io.circlebridge.streams;

import io.circlebridge.config.ConfigLoader;
import io.circlebridge.schema.PipelineStatus;
import io.circlebridge.serde.SchemaRegistryClient;
import io.circlebridge.serde.SchemaRegistryException;
import io.circlebridge.streams.config.StatusAppConfig;
import io.circlebridge.streams.topology.StatusSerdes;
import io.circlebridge.streams.topology.StatusTopology;
import io.circlebridge.topic.Topic;
import io.circlebridge.topic.TopicProvisioner;
import io.circlebridge.topic.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status streams app as a service: builds the {@link StatusTopology} from a {@link StatusAppConfig}, creates its
 * output topics when they are missing, and runs it in a {@link KafkaStreams} instance until closed.
 *
 * <p>Local mode embeds it and passes its own schema registry client; {@link #main} runs it alone.
 */
public final class StatusApp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StatusApp.class);

    /** How long {@link #close()} and the shutdown hook of {@link #main} wait for Kafka Streams to stop. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final StatusAppConfig config;
    private final SchemaRegistryClient registry;
    private final boolean ownsRegistry;
    private final KafkaStreams streams;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean closed;

    /** Creates an app with its own schema registry client, built from the configuration. */
    public StatusApp(StatusAppConfig config) {
        this(config, config.createSchemaRegistryClient(), true, Clock.systemUTC());
    }

    /** Creates an app over a shared schema registry client, which {@link #close} leaves open. */
    public StatusApp(StatusAppConfig config, SchemaRegistryClient registry) {
        this(config, registry, false, Clock.systemUTC());
    }

    private StatusApp(StatusAppConfig config, SchemaRegistryClient registry, boolean ownsRegistry, Clock clock) {
        this.config = config;
        this.registry = registry;
        this.ownsRegistry = ownsRegistry;
        this.streams = new KafkaStreams(
                StatusTopology.build(config.topics(), StatusSerdes.avro(registry), clock),
                config.streamsProperties());
        streams.setStateListener(this::onStateChange);
        streams.setUncaughtExceptionHandler(exception -> {
            if (SchemaRegistryException.isOutageCause(exception)) {
                log.warn("A stream thread of {} stopped because the schema registry is unavailable; a new thread "
                        + "takes over and reads on from the last commit.", config.applicationId());
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            }
            log.error("The status app {} stops after an error it cannot recover from", config.applicationId(),
                    exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    }

    /**
     * Creates missing output topics, puts the status subject under the registry's compatibility rule and starts
     * processing. Returns once Kafka Streams has started its threads, not when it has caught up.
     *
     * @throws IllegalStateException when the app was started or closed before
     */
    public synchronized void start() {
        if (closed || streams.state() != KafkaStreams.State.CREATED) {
            throw new IllegalStateException("StatusApp " + config.applicationId() + " cannot start in state "
                    + (closed ? "closed" : streams.state()));
        }
        log.info("Starting the status app {} with configuration:{}", config.applicationId(), config.describe());

        Topics topics = config.topics();
        try (Admin admin = Admin.create(adminConfig())) {
            // The status topic gets the partition count of the event topics, so a pipeline keeps one partition
            // throughout; the broker's default applies while the event topics do not exist yet.
            TopicProvisioner provisioner = new TopicProvisioner(admin, topics);
            provisioner.createMissing(List.of(Topic.PIPELINE_STATUS, Topic.PIPELINE_STATUS_DLQ),
                    provisioner.partitionCount(Topic.PIPELINES), config.replicationFactor());
            provisioner.registerSchemas(List.of(Topic.PIPELINE_STATUS), registry);
        }
        streams.start();

        log.info("Started the status app {}: folding {}, {} and {} into {}", config.applicationId(),
                topics.pipelines(), topics.workflows(), topics.jobs(), topics.pipelineStatus());
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /**
     * Returns the local store of pipeline statuses, holding the partitions this instance owns.
     *
     * @throws org.apache.kafka.streams.errors.InvalidStateStoreException while the app is not running, such as
     *     during a rebalance
     */
    public ReadOnlyKeyValueStore<String, PipelineStatus> statusStore() {
        return streams.store(StoreQueryParameters.fromNameAndType(StatusTopology.STATUS_STORE,
                QueryableStoreTypes.keyValueStore()));
    }

    /** Waits until Kafka Streams stops, after {@link #close} or an error it cannot recover from. */
    public boolean awaitStop(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Stops processing, waiting up to {@code timeout} for Kafka Streams to commit and leave, and closes the registry
     * client when the app created it. Calling it again does nothing.
     *
     * @return true when Kafka Streams stopped within the timeout
     */
    public synchronized boolean close(Duration timeout) {
        if (closed) {
            return true;
        }
        closed = true;
        log.info("Stopping the status app {}", config.applicationId());

        // Leaving the group lets a restarted instance take the tasks at once instead of after the session timeout.
        boolean clean = streams.close(CloseOptions.groupMembershipOperation(
                CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(timeout));
        if (ownsRegistry) {
            registry.close();
        }

        if (clean) {
            log.info("Stopped the status app {}", config.applicationId());
        } else {
            log.warn("The status app {} did not stop within {} ms; its threads may still be running",
                    config.applicationId(), timeout.toMillis());
        }
        return clean;
    }

    @Override
    public void close() {
        close(DEFAULT_CLOSE_TIMEOUT);
    }

    /**
     * Runs the app until the JVM is asked to stop, such as by SIGTERM. The only argument is the path of a properties
     * file; environment variables {@code CIRCLEBRIDGE_<KEY>} (the key upper-cased, dots as underscores) override it.
     * Exits with status 1 when the app fails to start or stops after an unrecoverable error, and with status 2 on a
     * usage or configuration error.
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1) {
            log.error("Usage: StatusApp <properties file>. Environment variables such as {} override the file.",
                    ConfigLoader.environmentVariableOf(StatusAppConfig.BOOTSTRAP_SERVERS_CONFIG));
            System.exit(2);
        }
        StatusAppConfig config;
        try {
            config = new StatusAppConfig(ConfigLoader.load(Path.of(args[0]), System.getenv()));
        } catch (ConfigException e) {
            log.error("Invalid configuration: {}", e.getMessage());
            System.exit(2);
            return;
        }

        StatusApp app = new StatusApp(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> app.close(DEFAULT_CLOSE_TIMEOUT), "status-app-stop"));
        try {
            app.start();
        } catch (KafkaException | SchemaRegistryException e) {
            log.error("Failed to start the status app {}: {}", config.applicationId(), e.getMessage(), e);
            System.exit(1);
        }
        app.stopped.await();

        if (app.state() == KafkaStreams.State.ERROR) {
            System.exit(1);
        }
    }

    private void onStateChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
        log.info("The status app {} moved from {} to {}", config.applicationId(), oldState, newState);
        if (newState == KafkaStreams.State.NOT_RUNNING || newState == KafkaStreams.State.ERROR) {
            stopped.countDown();
        }
    }

    private Map<String, Object> adminConfig() {
        return new StreamsConfig(config.streamsProperties()).getAdminConfigs(config.applicationId() + "-setup");
    }
}
