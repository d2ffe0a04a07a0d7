package io.circlebridge.local.infra;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A broker that wrote a transaction, was closed and was started again on the same data directory. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class EmbeddedKafkaBrokerRestartIT {

    private static final String TOPIC = "before-restart";
    private static final String APPENDED_TOPIC = "appended-after-restart";

    @TempDir
    static Path dataDir;

    private static String clusterIdBeforeRestart;
    private static EmbeddedKafkaBroker restarted;

    @BeforeAll
    static void writeThenRestart() throws Exception {
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(dataDir, 0)) {
            KafkaTestClients.createTopic(first.bootstrapServers(), TOPIC);
            KafkaTestClients.writeTransaction(first.bootstrapServers(), TOPIC, List.of("one", "two", "three"), true);
            KafkaTestClients.createTopic(first.bootstrapServers(), APPENDED_TOPIC);
            KafkaTestClients.writeTransaction(first.bootstrapServers(), APPENDED_TOPIC, List.of("old"), true);
            clusterIdBeforeRestart = first.clusterId();
        }

        restarted = EmbeddedKafkaBroker.start(dataDir, 0);
    }

    @AfterAll
    static void stopBroker() {
        if (restarted != null) {
            restarted.close();
        }
    }

    @Test
    void shouldKeepCommittedRecords() {
        List<String> values = KafkaTestClients.readCommitted(restarted.bootstrapServers(), TOPIC, 3);

        assertThat(values).containsExactly("one", "two", "three");
    }

    @Test
    void shouldKeepClusterId() {
        String clusterId = restarted.clusterId();

        assertThat(clusterId).isEqualTo(clusterIdBeforeRestart);
    }

    @Test
    void shouldAppendNewTransactionAfterOldRecords() {
        KafkaTestClients.writeTransaction(restarted.bootstrapServers(), APPENDED_TOPIC, List.of("new"), true);

        assertThat(KafkaTestClients.readCommitted(restarted.bootstrapServers(), APPENDED_TOPIC, 2)).containsExactly("old", "new");
    }
}
