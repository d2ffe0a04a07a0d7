package io.circlebridge.local.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

@Timeout(value = 180, unit = TimeUnit.SECONDS)
class EmbeddedKafkaBrokerIT {

    @TempDir
    static Path dataDir;

    @TempDir
    static Path streamsStateDir;

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(dataDir, 0);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldDeliverCommittedTransactionToReadCommittedConsumer() throws Exception {
        String topic = "committed";
        KafkaTestClients.createTopic(broker.bootstrapServers(), topic);

        KafkaTestClients.writeTransaction(broker.bootstrapServers(), topic, List.of("a", "b", "c"), true);

        assertThat(KafkaTestClients.readCommitted(broker.bootstrapServers(), topic, 3)).containsExactly("a", "b", "c");
    }

    @Test
    void shouldHideAbortedTransactionFromReadCommittedConsumer() throws Exception {
        String topic = "aborted";
        KafkaTestClients.createTopic(broker.bootstrapServers(), topic);

        KafkaTestClients.writeTransaction(broker.bootstrapServers(), topic, List.of("aborted-1", "aborted-2"), false);
        KafkaTestClients.writeTransaction(broker.bootstrapServers(), topic, List.of("committed"), true);

        assertThat(KafkaTestClients.readCommitted(broker.bootstrapServers(), topic, 1)).containsExactly("committed");
    }

    @Test
    void shouldRunStreamsAppWithExactlyOnceV2() throws Exception {
        String input = "streams-input";
        String output = "streams-output";
        KafkaTestClients.createTopic(broker.bootstrapServers(), input);
        KafkaTestClients.createTopic(broker.bootstrapServers(), output);
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>stream(input).mapValues(value -> value.toUpperCase()).to(output);

        try (KafkaStreams streams = new KafkaStreams(builder.build(), streamsProperties())) {
            streams.start();
            KafkaTestClients.writeTransaction(broker.bootstrapServers(), input, List.of("x", "y"), true);

            assertThat(KafkaTestClients.readCommitted(broker.bootstrapServers(), output, 2)).containsExactly("X", "Y");
        }
    }

    @Test
    void shouldAdvertiseLoopbackAddress() throws Exception {
        Collection<Node> nodes;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            nodes = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
        }

        assertThat(nodes).extracting(Node::host, Node::port).containsExactly(tuple("127.0.0.1", broker.port()));
    }

    @Test
    void shouldAcceptClientConnectionsOnlyOn127001() {
        boolean onLoopback = Loopback.acceptsConnections("127.0.0.1", broker.port());
        boolean onOtherLoopback = Loopback.acceptsConnections(Loopback.OTHER_LOOPBACK_HOST, broker.port());

        assertThat(onLoopback).isTrue();
        assertThat(onOtherLoopback).isFalse();
    }

    @Test
    void shouldAcceptControllerConnectionsOnlyOn127001() {
        boolean onLoopback = Loopback.acceptsConnections("127.0.0.1", broker.controllerPort());
        boolean onOtherLoopback = Loopback.acceptsConnections(Loopback.OTHER_LOOPBACK_HOST, broker.controllerPort());

        assertThat(onLoopback).isTrue();
        assertThat(onOtherLoopback).isFalse();
    }

    @Test
    void shouldRejectPortInUse(@TempDir Path otherDataDir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {

            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(otherDataDir, taken.getLocalPort()))
                    .isInstanceOf(InfrastructureException.class)
                    .hasMessageContaining("Kafka broker failed to start on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    private static Properties streamsProperties() {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "embedded-broker-it");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, streamsStateDir.toString());
        properties.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        properties.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return properties;
    }
}
