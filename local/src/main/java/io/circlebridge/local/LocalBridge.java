package io.circlebridge.local;

import io.circlebridge.config.ConfigLoader;
import io.circlebridge.local.config.LocalConfig;
import io.circlebridge.local.infra.ApicurioRegistry;
import io.circlebridge.local.infra.EmbeddedKafkaBroker;
import io.circlebridge.local.view.StatusBoard;
import io.circlebridge.poller.PollerMain;
import io.circlebridge.poller.PollerService;
import io.circlebridge.poller.circleci.CircleCiClient;
import io.circlebridge.poller.circleci.CircleCiToken;
import io.circlebridge.poller.config.PollerConfig;
import io.circlebridge.serde.AvroSerdeConfig;
import io.circlebridge.serde.SchemaRegistryClient;
import io.circlebridge.simulator.CircleCiSimulator;
import io.circlebridge.streams.StatusApp;
import io.circlebridge.streams.config.StatusAppConfig;
import io.circlebridge.topic.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CircleBridge on one machine: an embedded Kafka broker, the Apicurio schema registry, the CircleCI simulator (unless
 * a CircleCI token is configured), the poller and the streams app, started in that order and stopped in reverse.
 *
 * <p>Settings come from an optional properties file (the first argument) overlaid with {@code CIRCLEBRIDGE_*}
 * environment variables; keys other than {@link LocalConfig}'s go to the poller and the streams app.
 */
public final class LocalBridge implements AutoCloseable {

    /** System property that names the log file; set before the first logger is created. */
    public static final String LOG_FILE_PROPERTY = "circlebridge.log.file";

    private static final Duration STREAMS_START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(2);

    private final Logger log = LoggerFactory.getLogger(LocalBridge.class);
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final LocalConfig config;
    private EmbeddedKafkaBroker broker;
    private ApicurioRegistry registry;
    private CircleCiSimulator simulator;
    private StatusApp statusApp;
    private Topics topics;

    private LocalBridge(LocalConfig config) {
        this.config = config;
    }

    /**
     * Starts every part; when one fails, the parts already started are stopped again before the error is thrown.
     *
     * @param settings local, poller and streams settings by key
     * @param environment the process environment, read for {@code CIRCLECI_TOKEN}
     */
    public static LocalBridge start(Map<String, String> settings, Map<String, String> environment) {
        LocalBridge bridge = new LocalBridge(new LocalConfig(settings));
        try {
            bridge.startAll(settings, environment);
            return bridge;
        } catch (RuntimeException e) {
            bridge.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The registry's Confluent-compatible API. */
    public String registryUrl() {
        return registry.confluentApiUrl();
    }

    /** The simulator, or null when the bridge polls the real CircleCI. */
    public CircleCiSimulator simulator() {
        return simulator;
    }

    public Topics topics() {
        return topics;
    }

    /** The state of the streams app that builds the status table. */
    public KafkaStreams.State streamsState() {
        return statusApp.state();
    }

    /** Process id of the registry's child process, for tests that make the registry unavailable. */
    long registryPid() {
        return registry.pid();
    }

    /** Stops every part in reverse order of start; safe to call twice. */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                log.warn("Stopping {} failed: {}", part.getClass().getSimpleName(), e.toString());
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> settings = ConfigLoader.load(args.length > 0 ? Path.of(args[0]) : null, System.getenv());
        // Kafka's config classes create loggers, so the log file must be known before any config is parsed.
        Path dataDir = Path.of(settings.getOrDefault(LocalConfig.DATA_DIR_CONFIG, LocalConfig.DEFAULT_DATA_DIR))
                .toAbsolutePath();
        System.setProperty(LOG_FILE_PROPERTY, dataDir.resolve("circlebridge.log").toString());
        LocalConfig localConfig;
        try {
            Files.createDirectories(dataDir);
            localConfig = new LocalConfig(settings);
        } catch (ConfigException | IOException e) {
            System.err.println("Invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("Starting CircleBridge; data in " + dataDir + ", log in "
                + System.getProperty(LOG_FILE_PROPERTY));

        LocalBridge bridge;
        try {
            bridge = start(settings, System.getenv());
        } catch (ConfigException e) {
            System.err.println("Invalid configuration: " + e.getMessage());
            System.err.println("Each key is set by an environment variable such as "
                    + ConfigLoader.environmentVariableOf(PollerConfig.POLL_INTERVAL_MS_CONFIG) + " for "
                    + PollerConfig.POLL_INTERVAL_MS_CONFIG + ", or in the properties file given as the first argument.");
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            System.err.println("CircleBridge could not start: " + e.getMessage());
            System.err.println("Details are in " + System.getProperty(LOG_FILE_PROPERTY));
            LoggerFactory.getLogger(LocalBridge.class).error("CircleBridge could not start", e);
            System.exit(1);
            return;
        }

        StatusBoard board = new StatusBoard(bridge.bootstrapServers(), bridge.registryUrl(), bridge.topics(),
                localConfig.view(), System.out, Clock.systemUTC());
        Thread main = Thread.currentThread();
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            System.out.println("\nStopping CircleBridge...");
            board.close();
            try {
                main.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            bridge.close();
            System.out.println("CircleBridge stopped.");
        }, "circlebridge-shutdown"));
        watchStreams(bridge, stopping);
        board.run();
    }

    /**
     * Stops local mode when the streams app fails while running: the table would silently stop changing otherwise.
     */
    private static void watchStreams(LocalBridge bridge, AtomicBoolean stopping) {
        Thread watchdog = new Thread(() -> {
            while (!stopping.get()) {
                if (bridge.streamsState() == KafkaStreams.State.ERROR && !stopping.get()) {
                    System.err.println("The streams app failed, so the status table no longer changes. Details are "
                            + "in " + System.getProperty(LOG_FILE_PROPERTY) + ". Stopping CircleBridge.");
                    System.exit(1);
                }
                try {
                    Thread.sleep(WATCH_INTERVAL.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "circlebridge-streams-watch");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private void startAll(Map<String, String> settings, Map<String, String> environment) {
        Path dataDir = config.dataDir();
        started.push(Preflight.lockDataDirectory(dataDir));
        Map<String, String> bridgeSettings = new HashMap<>(settings);
        bridgeSettings.keySet().removeIf(key -> key.startsWith("local.") || key.startsWith("simulator."));
        boolean realCircleCi = usesRealCircleCi(bridgeSettings, environment);
        Preflight.checkPortsFree(config, !realCircleCi);
        Preflight.validateBridgeSettings(bridgeSettings);

        broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), config.getInt(LocalConfig.KAFKA_PORT_CONFIG));
        started.push(broker);
        log.info("Kafka broker listening on {}", broker.bootstrapServers());

        registry = ApicurioRegistry.start(ApicurioRegistry.locateDistribution(), dataDir.resolve("registry"),
                config.getInt(LocalConfig.REGISTRY_PORT_CONFIG));
        started.push(registry);
        log.info("Schema registry listening on {}", registry.confluentApiUrl());

        bridgeSettings.put(PollerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        bridgeSettings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registry.confluentApiUrl());
        bridgeSettings.putIfAbsent(PollerConfig.TOPIC_REPLICATION_FACTOR_CONFIG, "1");
        bridgeSettings.putIfAbsent(PollerConfig.POLL_INTERVAL_MS_CONFIG, "2000");
        CircleCiToken token = realCircleCi ? PollerMain.resolveToken(new PollerConfig(bridgeSettings), environment)
                : startSimulator(bridgeSettings);

        AvroSerdeConfig serdeConfig = new AvroSerdeConfig(bridgeSettings);
        SchemaRegistryClient schemaRegistry = serdeConfig.createClient();
        started.push(schemaRegistry);

        PollerConfig pollerConfig = new PollerConfig(bridgeSettings);
        log.info("Starting the poller with configuration:{}",
                ConfigLoader.describe(PollerConfig.CONFIG, pollerConfig.values()));
        topics = pollerConfig.topics();
        CircleCiClient circleCi = CircleCiClient.builder()
                .baseUrl(pollerConfig.getString(PollerConfig.CIRCLECI_URL_CONFIG))
                .token(token)
                .requestsPerMinute(pollerConfig.getInt(PollerConfig.RATE_LIMIT_CONFIG))
                .build();
        started.push(circleCi);
        PollerService poller = new PollerService(pollerConfig, circleCi, schemaRegistry, Clock.systemUTC());
        started.push(poller);
        poller.start();

        Map<String, String> streamsSettings = new HashMap<>(bridgeSettings);
        streamsSettings.keySet().removeIf(key -> !StatusAppConfig.CONFIG.names().contains(key)
                && !key.startsWith(StatusAppConfig.KAFKA_PREFIX));
        streamsSettings.putIfAbsent(StatusAppConfig.STATE_DIR_CONFIG, dataDir.resolve("streams").toString());
        streamsSettings.putIfAbsent(StatusAppConfig.REPLICATION_FACTOR_CONFIG, "1");
        statusApp = new StatusApp(new StatusAppConfig(streamsSettings), schemaRegistry);
        started.push(statusApp);
        statusApp.start();
        awaitRunning(statusApp);
        log.info("CircleBridge is running: polling {} at {}", pollerConfig.projects(),
                pollerConfig.getString(PollerConfig.CIRCLECI_URL_CONFIG));
    }

    /**
     * Tells whether a CircleCI token is configured, so the bridge polls the real CircleCI and not a simulator.
     *
     * @throws ConfigException when a token is set but no projects to poll
     */
    private static boolean usesRealCircleCi(Map<String, String> bridgeSettings, Map<String, String> environment) {
        boolean realCircleCi = bridgeSettings.containsKey(PollerConfig.CIRCLECI_TOKEN_CONFIG)
                || bridgeSettings.containsKey(PollerConfig.CIRCLECI_TOKEN_FILE_CONFIG)
                || environment.get(CircleCiToken.ENVIRONMENT_VARIABLE) != null;
        if (realCircleCi && !bridgeSettings.containsKey(PollerConfig.PROJECTS_CONFIG)) {
            throw new ConfigException("A CircleCI token is set, so the bridge polls the real CircleCI and needs the "
                    + "projects to poll: set " + ConfigLoader.environmentVariableOf(PollerConfig.PROJECTS_CONFIG)
                    + " to project slugs such as gh/your-org/your-repo, separated by commas.");
        }
        return realCircleCi;
    }

    /** Starts the simulator on this machine, points the poller at it and returns the token it accepts. */
    private CircleCiToken startSimulator(Map<String, String> bridgeSettings) {
        String simulatorToken = newSimulatorToken();
        simulator = CircleCiSimulator.builder()
                .token(simulatorToken)
                .port(config.getInt(LocalConfig.SIMULATOR_PORT_CONFIG))
                .projects(config.simulatorProjects())
                .seed(config.simulatorSeed())
                .initialPipelines(config.getInt(LocalConfig.SIMULATOR_INITIAL_PIPELINES_CONFIG))
                .newPipelineInterval(config.simulatorNewPipelineInterval())
                .stepDuration(config.simulatorStep())
                .build();
        simulator.start();
        started.push(simulator);
        log.info("No CircleCI token is set, so the bridge polls the CircleCI simulator at {}", simulator.baseUrl());
        bridgeSettings.put(PollerConfig.CIRCLECI_URL_CONFIG, simulator.baseUrl());
        bridgeSettings.put(PollerConfig.PROJECTS_CONFIG, String.join(",", config.simulatorProjects()));
        // The simulator runs on this machine, so CircleCI's request budget need not slow the demo down.
        bridgeSettings.putIfAbsent(PollerConfig.RATE_LIMIT_CONFIG, "6000");
        return CircleCiToken.of(simulatorToken);
    }

    /**
     * Waits until the streams app has joined its group and got its tasks, so the bridge is serving when start
     * returns and a stop right after start does not interrupt a rebalance.
     */
    private void awaitRunning(StatusApp statusApp) {
        long deadline = System.nanoTime() + STREAMS_START_TIMEOUT.toNanos();
        while (statusApp.state() != KafkaStreams.State.RUNNING) {
            if (statusApp.state() == KafkaStreams.State.ERROR || System.nanoTime() > deadline) {
                throw new IllegalStateException("The streams app did not reach RUNNING within "
                        + STREAMS_START_TIMEOUT.toSeconds() + " s; it is " + statusApp.state()
                        + ". Details are in the log.");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the streams app to start", e);
            }
        }
    }

    private static String newSimulatorToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
