package io.circlebridge.local.infra;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server properties of a single-node KRaft cluster whose one process is both broker and controller. Every
 * listener binds 127.0.0.1, and every internal topic has replication factor 1 because there is no second broker.
 */
final class BrokerProperties {

    static final int NODE_ID = 1;
    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    /** The log cleaner allocates this buffer on the heap, and Kafka's default of 128 MiB is sized for production. */
    static final long DEDUPE_BUFFER_BYTES = 4L * 1024 * 1024;

    private BrokerProperties() {
    }

    /**
     * Builds the properties for a node that stores its log and its metadata log in {@code logDir}. Entries of
     * {@code overrides} replace the defaults.
     */
    static Map<String, String> of(Path logDir, int brokerPort, int controllerPort, Map<String, String> overrides) {
        String host = LoopbackPorts.LOOPBACK_HOST;
        Map<String, String> properties = new LinkedHashMap<>();

        properties.put("process.roles", "broker,controller");
        properties.put("node.id", Integer.toString(NODE_ID));
        // A static voter set (kraft.version 0) keeps no controller address on disk, so a restart may use a new port.
        properties.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        properties.put("controller.listener.names", CONTROLLER_LISTENER);
        properties.put("listeners",
                BROKER_LISTENER + "://" + host + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
        properties.put("advertised.listeners", BROKER_LISTENER + "://" + host + ":" + brokerPort);
        properties.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        properties.put("inter.broker.listener.name", BROKER_LISTENER);
        properties.put("log.dirs", logDir.toString());

        properties.put("default.replication.factor", "1");
        properties.put("min.insync.replicas", "1");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        // One partition each is enough for the handful of groups and transactional producers of one machine, and
        // the first group join or transaction does not wait for 50 partitions to be created and loaded.
        properties.put("offsets.topic.num.partitions", "1");
        properties.put("transaction.state.log.num.partitions", "1");
        properties.put("share.coordinator.state.topic.num.partitions", "1");

        // Consumers and Streams instances here start one at a time, so waiting for more members only delays rebalances.
        properties.put("group.initial.rebalance.delay.ms", "0");
        // CircleBridge creates its topics with their cleanup policy and partition count. A topic that a producer or
        // consumer creates by accident would have neither, and event topics of different partition counts would no
        // longer line up by pipeline id, so a missing topic is an error instead.
        properties.put("auto.create.topics.enable", "false");
        properties.put("log.cleaner.dedupe.buffer.size", Long.toString(DEDUPE_BUFFER_BYTES));
        // Kafka's defaults size these thread pools for a dedicated server, but here two cores serve the whole bridge.
        properties.put("num.network.threads", "2");
        properties.put("num.io.threads", "2");
        properties.put("background.threads", "2");
        properties.put("num.recovery.threads.per.data.dir", "1");

        properties.putAll(overrides);
        return properties;
    }
}
