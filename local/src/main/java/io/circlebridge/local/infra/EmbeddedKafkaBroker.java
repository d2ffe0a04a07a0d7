package io.circlebridge.local.infra;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A single-node Kafka cluster inside this JVM: one {@link KafkaRaftServer} in combined mode, broker and KRaft
 * controller at once, with its listeners on 127.0.0.1.
 *
 * <p>The settings suit one broker: replication factor 1 for every internal topic, {@code
 * transaction.state.log.min.isr=1} so transactions and Kafka Streams {@code exactly_once_v2} work, and a small log
 * cleaner buffer. The data directory is formatted on first use only, so a later start on the same directory keeps the
 * cluster id and the records. Kafka's default retention of 7 days still applies: pass {@code log.retention.ms} in the
 * overrides to change it. The controller listener takes a new free port on each start.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    /** How long {@link #start} waits for the broker to list itself in a metadata response after start-up. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);

    private static final Duration READINESS_INTERVAL = Duration.ofMillis(100);
    private static final Duration ADMIN_CALL_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaRaftServer server;
    private final Path dataDir;
    private final String clusterId;
    private final int port;
    private final int controllerPort;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, Path dataDir, String clusterId, int port, int controllerPort) {
        this.server = server;
        this.dataDir = dataDir;
        this.clusterId = clusterId;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * Starts a broker that keeps its log in {@code dataDir} and listens for clients on 127.0.0.1:{@code port}.
     *
     * @param dataDir the log directory, created and formatted when missing or empty
     * @param port    the client port, or 0 for a free one
     * @throws InfrastructureException when the directory cannot be formatted or the broker does not start
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port) {
        return start(dataDir, port, Map.of());
    }

    /**
     * Starts a broker as {@link #start(Path, int)} does, with {@code overrides} replacing or adding broker
     * properties (for example {@code log.retention.ms}).
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port, Map<String, String> overrides) {
        Path logDir = dataDir.toAbsolutePath();
        int brokerPort = LoopbackPorts.resolve(port);
        int controllerPort = LoopbackPorts.freePort();
        long startNanos = System.nanoTime();

        String clusterId;
        try {
            clusterId = KraftStorage.formatIfNeeded(logDir);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new InfrastructureException("Failed to format Kafka log directory " + logDir + ": " + e.getMessage(), e);
        }

        Map<String, String> properties = BrokerProperties.of(logDir, brokerPort, controllerPort, overrides);
        KafkaRaftServer server = null;
        try {
            server = new KafkaRaftServer(new KafkaConfig(properties, false), Time.SYSTEM);
            server.startup();
        } catch (RuntimeException e) {
            if (server != null) {
                // Threads of the half-started broker and controller would otherwise keep running.
                server.shutdown();
                server.awaitShutdown();
            }
            throw new InfrastructureException("Kafka broker failed to start on 127.0.0.1:" + brokerPort + " with data in " + logDir
                    + ": " + e.getMessage(), e);
        }

        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, logDir, clusterId, brokerPort, controllerPort);
        broker.awaitReady(DEFAULT_START_TIMEOUT);
        LOG.info("Kafka broker started on {} for cluster {} with data in {} in {} ms",
                broker.bootstrapServers(), clusterId, logDir, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        return broker;
    }

    /** Returns the {@code bootstrap.servers} value for clients, {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return LoopbackPorts.LOOPBACK_HOST + ":" + port;
    }

    /** Returns the client port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** Returns the cluster id, which stays the same across restarts on one data directory. */
    public String clusterId() {
        return clusterId;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Returns the KRaft controller port on 127.0.0.1, which only this process uses. */
    int controllerPort() {
        return controllerPort;
    }

    /**
     * Shuts the broker down cleanly and waits until it has stopped, so the next start on the same directory needs
     * no log recovery. Calling it again does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;

        long startNanos = System.nanoTime();
        server.shutdown();
        server.awaitShutdown();
        LOG.info("Kafka broker on {} stopped in {} ms", bootstrapServers(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
    }

    private void awaitReady(Duration timeout) {
        ReadinessWait wait = ReadinessWait.systemClock(READINESS_INTERVAL);
        boolean ready;
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "circlebridge-broker-readiness"))) {
            ready = wait.await(() -> hasBroker(admin), timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new InfrastructureException("Interrupted while waiting for the Kafka broker on " + bootstrapServers(), e);
        }
        if (!ready) {
            close();
            throw new InfrastructureException("Kafka broker on " + bootstrapServers() + " did not list itself as a live broker within "
                    + timeout.toSeconds() + " s. See the broker's WARN and ERROR log lines above.");
        }
    }

    private static boolean hasBroker(Admin admin) {
        try {
            return !admin.describeCluster().nodes().get(ADMIN_CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("Kafka broker is not ready yet: {}", e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("Interrupted while waiting for the Kafka broker", e);
        }
    }
}
