package io.circlebridge.local.infra;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A registry that stored a schema, was closed and was started again on the same data directory. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ApicurioRegistryRestartIT {

    private static final String SUBJECT = "restart-value";

    @TempDir
    static Path dataDir;

    private static int idBeforeRestart;
    private static long pidBeforeRestart;
    private static ApicurioRegistry restarted;

    @BeforeAll
    static void registerThenRestart() throws Exception {
        Path distribution = ApicurioRegistry.locateDistribution();
        try (ApicurioRegistry first = ApicurioRegistry.start(distribution, dataDir, 0)) {
            idBeforeRestart = new SchemaRegistryTestClient(first.confluentApiUrl()).register(SUBJECT, SchemaRegistryTestClient.USER_SCHEMA);
            pidBeforeRestart = first.pid();
        }

        restarted = ApicurioRegistry.start(distribution, dataDir, 0);
    }

    @AfterAll
    static void stopRegistry() {
        if (restarted != null) {
            restarted.close();
        }
    }

    @Test
    void shouldStopChildProcessOnClose() {
        Optional<ProcessHandle> child = ProcessHandle.of(pidBeforeRestart).filter(ProcessHandle::isAlive);

        assertThat(child).isEmpty();
    }

    @Test
    void shouldReturnSameSchemaForIdAfterRestart() throws Exception {
        SchemaRegistryTestClient client = new SchemaRegistryTestClient(restarted.confluentApiUrl());

        String schema = client.schemaById(idBeforeRestart);

        assertThat(schema).isEqualTo(SchemaRegistryTestClient.USER_SCHEMA);
    }

    @Test
    void shouldKeepIdOnSecondRegistration() throws Exception {
        SchemaRegistryTestClient client = new SchemaRegistryTestClient(restarted.confluentApiUrl());

        int id = client.register(SUBJECT, SchemaRegistryTestClient.USER_SCHEMA);

        assertThat(id).isEqualTo(idBeforeRestart);
    }
}
