package io.circlebridge.local.infra;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ApicurioRegistryIT {

    @TempDir
    static Path dataDir;

    private static ApicurioRegistry registry;
    private static SchemaRegistryTestClient client;

    @BeforeAll
    static void startRegistry() {
        registry = ApicurioRegistry.start(ApicurioRegistry.locateDistribution(), dataDir, 0);
        client = new SchemaRegistryTestClient(registry.confluentApiUrl());
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void shouldServeConfluentApiOnLoopbackUrl() {
        String url = registry.confluentApiUrl();

        assertThat(url).isEqualTo("http://127.0.0.1:" + registry.port() + "/apis/ccompat/v7");
    }

    @Test
    void shouldAssignIdToRegisteredSchema() throws Exception {
        int id = client.register("assign-id-value", SchemaRegistryTestClient.USER_SCHEMA);

        assertThat(id).isPositive();
    }

    @Test
    void shouldReturnRegisteredSchemaById() throws Exception {
        int id = client.register("by-id-value", SchemaRegistryTestClient.USER_SCHEMA);

        String schema = client.schemaById(id);

        assertThat(schema).isEqualTo(SchemaRegistryTestClient.USER_SCHEMA);
    }

    @Test
    void shouldAcceptConnectionsOnlyOn127001() {
        boolean onLoopback = Loopback.acceptsConnections("127.0.0.1", registry.port());
        boolean onOtherLoopback = Loopback.acceptsConnections(Loopback.OTHER_LOOPBACK_HOST, registry.port());

        assertThat(onLoopback).isTrue();
        assertThat(onOtherLoopback).isFalse();
    }

    @Test
    void shouldWriteChildOutputToLogFile() throws Exception {
        Path logFile = registry.logFile();

        assertThat(logFile).isEqualTo(dataDir.resolve(ApicurioRegistry.LOG_FILE).toAbsolutePath());
        assertThat(Files.readString(logFile)).contains("Listening on: http://127.0.0.1:" + registry.port());
    }

    @Test
    void shouldRejectDataDirWithSemicolon(@TempDir Path parent) {
        Path dataDirWithSemicolon = parent.resolve("a;b");

        assertThatThrownBy(() -> ApicurioRegistry.start(ApicurioRegistry.locateDistribution(), dataDirWithSemicolon, 0))
                .isInstanceOf(InfrastructureException.class)
                .hasMessage("Invalid registry data directory " + dataDirWithSemicolon + ": it must not contain ';'");
    }

    @Test
    void shouldReportLogTailWhenChildExits(@TempDir Path brokenDistribution, @TempDir Path otherDataDir) throws Exception {
        Files.writeString(brokenDistribution.resolve("broken-runner.jar"), "not a jar");

        assertThatThrownBy(() -> ApicurioRegistry.start(brokenDistribution, otherDataDir, 0))
                .isInstanceOf(InfrastructureException.class)
                .hasMessageContaining("exited with code 1 during start-up")
                .hasMessageContaining("Invalid or corrupt jarfile");
    }
}
