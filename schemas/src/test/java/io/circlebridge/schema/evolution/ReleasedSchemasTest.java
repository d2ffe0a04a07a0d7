package io.circlebridge.schema.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleasedSchemasTest {

    private static final String STATUS_ENUM = """
            {"type": "enum", "name": "Status", "namespace": "test", "symbols": ["UP", "UNKNOWN"], "default": "UNKNOWN"}
            """;
    private static final String EVENT_RECORD = """
            {"type": "record", "name": "Event", "namespace": "test",
             "fields": [{"name": "status", "type": "Status", "default": "UNKNOWN"}]}
            """;

    @TempDir
    Path root;

    @Test
    void shouldOrderReleasesByVersionNumber() throws IOException {
        writeRelease("0.10.0");
        writeRelease("0.9.0");
        writeRelease("0.9.1");

        List<Release> releases = ReleasedSchemas.load(root);

        assertThat(releases).extracting(Release::version).containsExactly("0.9.0", "0.9.1", "0.10.0");
    }

    @Test
    void shouldResolveRecordsAgainstCommonTypes() throws IOException {
        writeRelease("1.0.0");

        List<Release> releases = ReleasedSchemas.load(root);

        assertThat(releases.get(0).recordsByFullName()).containsOnlyKeys("test.Event");
        assertThat(releases.get(0).record("test.Event").orElseThrow().getField("status").schema().getFullName())
                .isEqualTo("test.Status");
    }

    @Test
    void shouldRejectFolderThatIsNotAVersion() throws IOException {
        writeRelease("latest");

        assertThatThrownBy(() -> ReleasedSchemas.load(root))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Invalid release folder")
                .hasMessageEndingWith("latest: its name must be a version such as 0.2.0.");
    }

    @Test
    void shouldRejectReleaseWithoutRecords() throws IOException {
        Files.createDirectories(root.resolve("0.1.0"));

        assertThatThrownBy(() -> ReleasedSchemas.load(root))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("0.1.0 has no .avsc file.");
    }

    @Test
    void shouldRejectMissingReleasesFolder() {
        Path missing = root.resolve("absent");

        assertThatThrownBy(() -> ReleasedSchemas.load(missing))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Missing released schemas folder");
    }

    private void writeRelease(String version) throws IOException {
        Path common = Files.createDirectories(root.resolve(version).resolve("common"));
        Files.writeString(common.resolve("Status.avsc"), STATUS_ENUM);
        Files.writeString(root.resolve(version).resolve("Event.avsc"), EVENT_RECORD);
    }
}
