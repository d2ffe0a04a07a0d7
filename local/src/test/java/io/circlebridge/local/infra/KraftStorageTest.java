package io.circlebridge.local.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KraftStorageTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldFormatEmptyDirectory() throws IOException {
        String clusterId = KraftStorage.formatIfNeeded(dataDir);

        assertThat(dataDir.resolve(KraftStorage.META_PROPERTIES)).isRegularFile();
        assertThat(KraftStorage.clusterId(dataDir)).contains(clusterId);
    }

    @Test
    void shouldCreateMissingDirectory() throws IOException {
        Path missing = dataDir.resolve("kafka");

        KraftStorage.formatIfNeeded(missing);

        assertThat(missing.resolve(KraftStorage.META_PROPERTIES)).isRegularFile();
    }

    @Test
    void shouldKeepClusterIdOfFormattedDirectory() throws IOException {
        String first = KraftStorage.formatIfNeeded(dataDir);

        String second = KraftStorage.formatIfNeeded(dataDir);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldReportNoClusterIdForEmptyDirectory() throws IOException {
        assertThat(KraftStorage.clusterId(dataDir)).isEmpty();
    }

    @Test
    void shouldRejectMetaPropertiesWithoutClusterId() throws IOException {
        Files.writeString(dataDir.resolve(KraftStorage.META_PROPERTIES), "node.id=1\nversion=1\n");

        assertThatThrownBy(() -> KraftStorage.formatIfNeeded(dataDir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("has no cluster.id");
    }
}
