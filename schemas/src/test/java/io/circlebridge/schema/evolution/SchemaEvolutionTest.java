package io.circlebridge.schema.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.circlebridge.schema.JobEvent;
import io.circlebridge.schema.JobStatus;
import io.circlebridge.schema.PipelineStatus;
import io.circlebridge.schema.WorkflowStatus;
import io.circlebridge.serde.AvroDeserializer;
import io.circlebridge.serde.AvroSerializer;
import io.circlebridge.serde.InMemorySchemaRegistryClient;
import io.circlebridge.serde.SampleRecords;
import io.circlebridge.serde.WireFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real bytes across schema versions, written through the serde to an in-memory registry. Readers built from the
 * released .avsc files read what the current classes write, and the current classes read what released schemas
 * wrote. A status or field that a reader has never seen does not break it.
 */
class SchemaEvolutionTest {

    private static final String TOPIC = "circleci.evolution";
    private static final Release FIRST_RELEASE = ReleasedSchemas.load().get(0);
    private static final String RUNNER_REGION_FIELD =
            "{\"name\": \"runner_region\", \"type\": [\"null\", \"string\"], \"default\": null,"
                    + " \"doc\": \"A field that a later release might add.\"}";
    private static final String NEW_STATUS = "QUANTUM";

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final AvroSerializer<GenericRecord> genericSerializer = new AvroSerializer<>(registry);

    static Stream<Arguments> samples() {
        return SampleRecords.all().stream().map(sample -> Arguments.of(sample.getSchema().getName(), sample));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void shouldReadCurrentRecordWithReleasedSchema(String type, SpecificRecord sample) throws IOException {
        Schema released = released(sample.getSchema());
        byte[] bytes = new AvroSerializer<SpecificRecordBase>(registry).serialize(TOPIC, (SpecificRecordBase) sample);

        GenericRecord read = readGeneric(bytes, released);

        assertThat(read).isEqualTo(GenericCopies.copy(sample, released));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void shouldReadReleasedRecordWithCurrentClass(String type, SpecificRecord sample) {
        Schema released = released(sample.getSchema());
        byte[] bytes = genericSerializer.serialize(TOPIC, GenericCopies.copy(sample, released));

        SpecificRecord read = new AvroDeserializer<>(sample.getClass(), registry).deserialize(TOPIC, bytes);

        for (Schema.Field field : sample.getSchema().getFields()) {
            Object expected = released.getField(field.name()) == null
                    ? SpecificData.getForSchema(sample.getSchema()).getDefaultValue(field)
                    : sample.get(field.pos());
            assertThat(read.get(field.pos())).as(field.name()).isEqualTo(expected);
        }
    }

    @Test
    void shouldReadNewJobStatusWithReleasedReader() throws IOException {
        byte[] bytes = genericSerializer.serialize(TOPIC, futureJobEvent());

        GenericRecord read = readGeneric(bytes, released(JobEvent.getClassSchema()));

        assertThat(read.get("status")).hasToString("UNKNOWN");
        assertThat(read.get("status_raw")).hasToString("quantum");
        assertThat(read.get("job_id")).hasToString(SampleRecords.JOB_ID);
        assertThat(read.hasField("runner_region")).isFalse();
    }

    @Test
    void shouldReadNewJobStatusWithCurrentClass() {
        byte[] bytes = genericSerializer.serialize(TOPIC, futureJobEvent());

        JobEvent read = new AvroDeserializer<>(JobEvent.class, registry).deserialize(TOPIC, bytes);

        assertThat(read.getStatus()).isEqualTo(JobStatus.UNKNOWN);
        assertThat(read.getStatusRaw()).isEqualTo("quantum");
        assertThat(read.getJobId()).isEqualTo(SampleRecords.JOB_ID);
    }

    @Test
    void shouldReadNewWorkflowStatusWithReleasedReader() throws IOException {
        byte[] bytes = genericSerializer.serialize(TOPIC, futurePipelineStatus());

        GenericRecord read = readGeneric(bytes, released(PipelineStatus.getClassSchema()));

        GenericRecord workflow = (GenericRecord) ((List<?>) read.get("workflows")).get(0);
        assertThat(workflow.get("status")).hasToString("UNKNOWN");
        assertThat(workflow.get("status_raw")).hasToString("quantum");
    }

    @Test
    void shouldReadNewWorkflowStatusWithCurrentClass() {
        byte[] bytes = genericSerializer.serialize(TOPIC, futurePipelineStatus());

        PipelineStatus read = new AvroDeserializer<>(PipelineStatus.class, registry).deserialize(TOPIC, bytes);

        assertThat(read.getWorkflows().get(0).getStatus()).isEqualTo(WorkflowStatus.UNKNOWN);
        assertThat(read.getWorkflows().get(0).getStatusRaw()).isEqualTo("quantum");
    }

    @Test
    void shouldReadMissingOptionalFieldAsNull() throws IOException {
        Schema released = released(JobEvent.getClassSchema());
        Schema future = SchemaVariants.withField(released, RUNNER_REGION_FIELD);
        byte[] bytes = genericSerializer.serialize(TOPIC, GenericCopies.copy(SampleRecords.jobEvent(), released));

        GenericRecord read = readGeneric(bytes, future);

        assertThat(read.get("runner_region")).isNull();
        assertThat(read.get("job_id")).hasToString(SampleRecords.JOB_ID);
        assertThat(read.get("status")).hasToString(JobStatus.TERMINATED_UNKNOWN.name());
    }

    /** Builds a JobEvent of a later release that adds an optional field and a job status, with the job in that status. */
    private static GenericRecord futureJobEvent() {
        Schema withField = SchemaVariants.withField(JobEvent.getClassSchema(), RUNNER_REGION_FIELD);
        Schema future = SchemaVariants.withEnumSymbol(withField, "JobStatus", NEW_STATUS);
        GenericRecord event = GenericCopies.copy(SampleRecords.jobEvent(), future);
        event.put("status", new GenericData.EnumSymbol(future.getField("status").schema(), NEW_STATUS));
        event.put("status_raw", "quantum");
        event.put("runner_region", "eu-west-1");
        return event;
    }

    /** Builds a PipelineStatus of a later release whose first workflow is in a workflow status that release adds. */
    private static GenericRecord futurePipelineStatus() {
        Schema future = SchemaVariants.withEnumSymbol(PipelineStatus.getClassSchema(), "WorkflowStatus", NEW_STATUS);
        GenericRecord status = GenericCopies.copy(SampleRecords.pipelineStatus(), future);
        GenericRecord workflow = (GenericRecord) ((List<?>) status.get("workflows")).get(0);
        workflow.put("status", new GenericData.EnumSymbol(workflow.getSchema().getField("status").schema(), NEW_STATUS));
        workflow.put("status_raw", "quantum");
        return status;
    }

    private static Schema released(Schema current) {
        return FIRST_RELEASE.record(current.getFullName()).orElseThrow();
    }

    /** Reads Confluent-wire-format bytes with a generic reader, resolving the writer's registered schema to {@code reader}. */
    private GenericRecord readGeneric(byte[] bytes, Schema reader) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        Schema writer = registry.schemaById(WireFormat.readSchemaId(TOPIC, buffer));
        GenericDatumReader<GenericRecord> datumReader = new GenericDatumReader<>(writer, reader);
        return datumReader.read(null,
                DecoderFactory.get().binaryDecoder(bytes, buffer.position(), buffer.remaining(), null));
    }
}
