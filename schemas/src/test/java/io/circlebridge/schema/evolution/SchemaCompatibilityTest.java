package io.circlebridge.schema.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.circlebridge.schema.evolution.CompatibilityGate.Violation;
import io.circlebridge.topic.Topic;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The build's compatibility gate: every topic's current value schema reads data of every released version, and the
 * gate reports the changes that would break that.
 */
class SchemaCompatibilityTest {

    private static final List<Release> RELEASES = ReleasedSchemas.load();
    private static final String FIRST_RELEASE = "0.1.0";
    private static final String JOB_EVENT = "io.circlebridge.schema.JobEvent";

    static Stream<Topic> avroTopics() {
        return Arrays.stream(Topic.values()).filter(topic -> topic.valueType() != null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("avroTopics")
    void shouldReadEveryReleaseWithCurrentSchema(Topic topic) {
        Schema current = SpecificData.get().getSchema(topic.valueType());

        List<Violation> violations = CompatibilityGate.check(current, RELEASES);

        assertThat(violations)
                .withFailMessage(() -> "Incompatible schema change; add a default or revert it:\n"
                        + violations.stream().map(Violation::message).collect(Collectors.joining("\n")))
                .isEmpty();
    }

    @Test
    void shouldHoldEveryValueTypeInFirstRelease() {
        Release first = release(FIRST_RELEASE);

        Set<String> valueTypes = avroTopics().map(SchemaCompatibilityTest::fullName).collect(Collectors.toSet());

        assertThat(first.recordsByFullName().keySet()).containsAll(valueTypes);
    }

    @Test
    void shouldKeepReleasedTypesAsValueTypes() {
        Set<String> valueTypes = avroTopics().map(SchemaCompatibilityTest::fullName).collect(Collectors.toSet());

        for (Release release : RELEASES) {
            assertThat(valueTypes)
                    .as("value types of release %s that no topic carries any more, so the gate would skip them;"
                            + " a renamed record needs an alias", release.version())
                    .containsAll(release.recordsByFullName().keySet());
        }
    }

    @Test
    void shouldReportNewRequiredFieldWithoutDefault() {
        Schema current = SchemaVariants.withField(releasedJobEvent(),
                "{\"name\": \"runner_region\", \"type\": \"string\", \"doc\": \"Where the job ran.\"}");

        List<Violation> violations = CompatibilityGate.check(current, RELEASES);

        assertThat(violations).extracting(Violation::message).containsExactly(JOB_EVENT
                + " cannot read data written with release 0.1.0: JobEvent.runner_region:"
                + " READER_FIELD_MISSING_DEFAULT_VALUE at /fields/12: runner_region");
    }

    @Test
    void shouldReportRemovedSymbolWithoutEnumDefault() {
        Schema withoutDefault = SchemaVariants.withoutEnumDefault(releasedJobEvent(), "JobStatus");
        Schema current = SchemaVariants.withoutEnumSymbol(withoutDefault, "JobStatus", "QUEUED");

        List<Violation> violations = CompatibilityGate.check(current, RELEASES);

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.release()).isEqualTo(FIRST_RELEASE);
            assertThat(violation.fieldPath()).isEqualTo("JobEvent.status");
            assertThat(violation.description()).startsWith("MISSING_ENUM_SYMBOLS").contains("QUEUED");
        });
    }

    @Test
    void shouldAcceptRemovedSymbolWithEnumDefault() {
        Schema current = SchemaVariants.withoutEnumSymbol(releasedJobEvent(), "JobStatus", "QUEUED");

        List<Violation> violations = CompatibilityGate.check(current, RELEASES);

        assertThat(violations).isEmpty();
    }

    @Test
    void shouldReportChangedFieldType() {
        Schema current = SchemaVariants.withFieldType(releasedJobEvent(), "observed_at", "\"string\"");

        List<Violation> violations = CompatibilityGate.check(current, RELEASES);

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.fieldPath()).isEqualTo("JobEvent.observed_at");
            assertThat(violation.description()).startsWith("TYPE_MISMATCH").contains("STRING").contains("LONG");
        });
    }

    @Test
    void shouldReportOptionalFieldMadeRequired() {
        Schema current = SchemaVariants.withFieldType(releasedJobEvent(), "name", "\"string\"");

        List<Violation> violations = CompatibilityGate.check(current, RELEASES);

        assertThat(violations).extracting(Violation::fieldPath).containsOnly("JobEvent.name");
        assertThat(violations).extracting(Violation::description).anySatisfy(description ->
                assertThat(description).contains("NULL"));
    }

    @Test
    void shouldCheckEveryReleaseNotOnlyTheLatest() {
        Schema withRawStatus = releasedJobEvent();
        Schema withoutRawStatus = SchemaVariants.withoutField(withRawStatus, "status_raw");
        List<Release> releases = List.of(
                new Release("0.1.0", Map.of(JOB_EVENT, withRawStatus)),
                new Release("0.2.0", Map.of(JOB_EVENT, withoutRawStatus)));
        Schema current = SchemaVariants.withField(withoutRawStatus,
                "{\"name\": \"status_raw\", \"type\": [\"null\", \"int\"], \"default\": null}");

        List<Violation> violations = CompatibilityGate.check(current, releases);

        assertThat(violations).isNotEmpty().extracting(Violation::release).containsOnly("0.1.0");
    }

    @Test
    void shouldAcceptNewOptionalFieldAndSymbol() {
        Schema withField = SchemaVariants.withField(releasedJobEvent(),
                "{\"name\": \"runner_region\", \"type\": [\"null\", \"string\"], \"default\": null}");
        Schema current = SchemaVariants.withEnumSymbol(withField, "JobStatus", "QUANTUM");

        List<Violation> violations = CompatibilityGate.check(current, RELEASES);

        assertThat(violations).isEmpty();
    }

    private static Schema releasedJobEvent() {
        return release(FIRST_RELEASE).record(JOB_EVENT).orElseThrow();
    }

    private static Release release(String version) {
        return RELEASES.stream()
                .filter(release -> release.version().equals(version))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No release " + version + " in " + ReleasedSchemas.RELEASES_DIRECTORY));
    }

    private static String fullName(Topic topic) {
        return SpecificData.get().getSchema(topic.valueType()).getFullName();
    }
}
