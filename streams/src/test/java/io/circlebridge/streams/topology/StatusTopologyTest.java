package io.circlebridge.streams.topology;

import static io.circlebridge.streams.topology.Events.PIPELINE_ID;
import static io.circlebridge.streams.topology.Events.at;
import static io.circlebridge.streams.topology.Events.job;
import static io.circlebridge.streams.topology.Events.pipeline;
import static io.circlebridge.streams.topology.Events.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.circlebridge.schema.JobEvent;
import io.circlebridge.schema.OverallStatus;
import io.circlebridge.schema.PipelineEvent;
import io.circlebridge.schema.PipelineState;
import io.circlebridge.schema.PipelineStatus;
import io.circlebridge.schema.WorkflowEvent;
import io.circlebridge.schema.WorkflowSummary;
import io.circlebridge.serde.InMemorySchemaRegistryClient;
import io.circlebridge.streams.config.StatusAppConfig;
import io.circlebridge.streams.errors.DeadLetterDeserializationHandler;
import io.circlebridge.topic.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusTopologyTest {

    private static final String OTHER_PIPELINE_ID = "9b1b3a4c-2f2e-4c1a-a0d4-6f1f3f0c2b11";

    private final Topics topics = Topics.withDefaultPrefix();
    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final StatusSerdes serdes = StatusSerdes.avro(registry);

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, PipelineEvent> pipelines;
    private TestInputTopic<String, WorkflowEvent> workflows;
    private TestInputTopic<String, JobEvent> jobs;
    private TestInputTopic<String, byte[]> rawWorkflows;
    private TestOutputTopic<String, PipelineStatus> statuses;
    private TestOutputTopic<String, byte[]> deadLetters;

    @BeforeEach
    void startDriver() {
        // at_least_once because TopologyTestDriver clears its producer's uncommitted records before each commit, so
        // under exactly_once_v2 it drops dead-letter records written while an unreadable record is deserialized.
        StatusAppConfig config = new StatusAppConfig(Map.of(
                StatusAppConfig.BOOTSTRAP_SERVERS_CONFIG, "unused.invalid:9092",
                StatusAppConfig.SCHEMA_REGISTRY_URL_CONFIG, "http://unused.invalid:8081",
                StatusAppConfig.STATE_DIR_CONFIG, stateDir.toString(),
                StatusAppConfig.PROCESSING_GUARANTEE_CONFIG, "at_least_once"));
        driver = new TopologyTestDriver(StatusTopology.build(topics, serdes), config.streamsProperties());

        StringSerializer keys = new StringSerializer();
        pipelines = driver.createInputTopic(topics.pipelines(), keys, serdes.pipelineEvents().serializer());
        workflows = driver.createInputTopic(topics.workflows(), keys, serdes.workflowEvents().serializer());
        jobs = driver.createInputTopic(topics.jobs(), keys, serdes.jobEvents().serializer());
        rawWorkflows = driver.createInputTopic(topics.workflows(), keys, new ByteArraySerializer());
        statuses = driver.createOutputTopic(topics.pipelineStatus(), new StringDeserializer(),
                serdes.pipelineStatus().deserializer());
        deadLetters = driver.createOutputTopic(StatusTopology.deadLetterTopic(topics), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldFoldThreeTopicsIntoOneStatus() {
        pipelines.pipeInput(PIPELINE_ID, pipeline(PipelineState.CREATED, 1));
        workflows.pipeInput(PIPELINE_ID, workflow("wf-1", "build", "running", 2, 3));
        jobs.pipeInput(PIPELINE_ID, job("job-1", "wf-1", "unit", "running", 4));
        jobs.pipeInput(PIPELINE_ID, job("job-1", "wf-1", "unit", "success", 9));
        workflows.pipeInput(PIPELINE_ID, workflow("wf-1", "build", "success", 2, 10));

        Map<String, PipelineStatus> table = statuses.readKeyValuesToMap();

        PipelineStatus status = table.get(PIPELINE_ID);
        assertThat(table).containsOnlyKeys(PIPELINE_ID);
        assertThat(status.getState()).isEqualTo(PipelineState.CREATED);
        assertThat(status.getBranch()).isEqualTo("main");
        assertThat(status.getWorkflows()).extracting(WorkflowSummary::getStatusRaw).containsExactly("success");
        assertThat(status.getJobCounts()).containsExactlyEntriesOf(Map.of("SUCCESS", 1));
        assertThat(status.getOverallStatus()).isEqualTo(OverallStatus.SUCCESS);
        assertThat(status.getUpdatedAt()).isEqualTo(at(10));
    }

    @Test
    void shouldWriteStatusEqualToFoldOfEvents() {
        PipelineEvent pipelineEvent = pipeline(PipelineState.CREATED, 1);
        WorkflowEvent workflowEvent = workflow("wf-1", "build", "failing", 2, 5);
        JobEvent jobEvent = job("job-1", "wf-1", "unit", "failed", 4);

        jobs.pipeInput(PIPELINE_ID, jobEvent);
        workflows.pipeInput(PIPELINE_ID, workflowEvent);
        pipelines.pipeInput(PIPELINE_ID, pipelineEvent);

        PipelineStatus expected = PipelineStatusFolder.apply(pipelineEvent,
                PipelineStatusFolder.apply(workflowEvent, PipelineStatusFolder.apply(jobEvent, null)));
        assertThat(statuses.readKeyValuesToMap()).containsExactlyEntriesOf(Map.of(PIPELINE_ID, expected));
        assertThat(statusStore().get(PIPELINE_ID)).isEqualTo(expected);
    }

    @Test
    void shouldWriteOneStatusPerEventKeyedByPipelineId() {
        pipelines.pipeInput(PIPELINE_ID, pipeline(PipelineState.CREATED, 1));
        workflows.pipeInput(PIPELINE_ID, workflow("wf-1", "build", "running", 2, 3));

        List<TestRecord<String, PipelineStatus>> records = statuses.readRecordsToList();

        assertThat(records).extracting(TestRecord::key).containsExactly(PIPELINE_ID, PIPELINE_ID);
        assertThat(records).extracting(record -> record.value().getOverallStatus())
                .containsExactly(OverallStatus.PENDING, OverallStatus.RUNNING);
    }

    @Test
    void shouldLeaveStatusUnchangedByDuplicates() {
        WorkflowEvent workflowEvent = workflow("wf-1", "build", "running", 2, 3);
        JobEvent jobEvent = job("job-1", "wf-1", "unit", "running", 4);
        pipelines.pipeInput(PIPELINE_ID, pipeline(PipelineState.CREATED, 1));
        workflows.pipeInput(PIPELINE_ID, workflowEvent);
        jobs.pipeInput(PIPELINE_ID, jobEvent);
        PipelineStatus before = statusStore().get(PIPELINE_ID);
        statuses.readRecordsToList();

        workflows.pipeInput(PIPELINE_ID, workflowEvent);
        jobs.pipeInput(PIPELINE_ID, jobEvent);
        pipelines.pipeInput(PIPELINE_ID, pipeline(PipelineState.CREATED, 1));

        assertThat(statusStore().get(PIPELINE_ID)).isEqualTo(before);
        assertThat(statuses.readValuesToList()).allSatisfy(status -> assertThat(status).isEqualTo(before));
    }

    @Test
    void shouldLeaveStatusUnchangedByStaleEvents() {
        pipelines.pipeInput(PIPELINE_ID, pipeline(PipelineState.CREATED, 10));
        workflows.pipeInput(PIPELINE_ID, workflow("wf-1", "build", "success", 2, 20));
        PipelineStatus before = statusStore().get(PIPELINE_ID);

        workflows.pipeInput(PIPELINE_ID, workflow("wf-1", "build", "running", 2, 15));
        pipelines.pipeInput(PIPELINE_ID, pipeline(PipelineState.SETUP_PENDING, 5));

        assertThat(statusStore().get(PIPELINE_ID)).isEqualTo(before);
    }

    @Test
    void shouldKeepPipelinesApart() {
        pipelines.pipeInput(PIPELINE_ID, pipeline(PipelineState.CREATED, 1));
        pipelines.pipeInput(OTHER_PIPELINE_ID, PipelineEvent.newBuilder(pipeline(PipelineState.ERRORED, 2))
                .setPipelineId(OTHER_PIPELINE_ID).build());

        Map<String, PipelineStatus> table = statuses.readKeyValuesToMap();

        assertThat(table.get(PIPELINE_ID).getOverallStatus()).isEqualTo(OverallStatus.PENDING);
        assertThat(table.get(OTHER_PIPELINE_ID).getOverallStatus()).isEqualTo(OverallStatus.ERRORED);
    }

    @Test
    void shouldSendWrongMagicByteToDeadLetterTopic() {
        byte[] notAvro = "{\"status\":\"running\"}".getBytes(StandardCharsets.UTF_8);

        rawWorkflows.pipeInput(PIPELINE_ID, notAvro);
        workflows.pipeInput(PIPELINE_ID, workflow("wf-1", "build", "running", 2, 3));

        TestRecord<String, byte[]> deadLetter = deadLetters.readRecord();
        assertThat(deadLetter.key()).isEqualTo(PIPELINE_ID);
        assertThat(deadLetter.value()).isEqualTo(notAvro);
        Headers headers = deadLetter.headers();
        assertThat(header(headers, DeadLetterDeserializationHandler.TOPIC_HEADER)).isEqualTo(topics.workflows());
        assertThat(header(headers, DeadLetterDeserializationHandler.PARTITION_HEADER)).isEqualTo("0");
        assertThat(header(headers, DeadLetterDeserializationHandler.OFFSET_HEADER)).isEqualTo("0");
        assertThat(header(headers, DeadLetterDeserializationHandler.EXCEPTION_HEADER))
                .isEqualTo("org.apache.kafka.common.errors.SerializationException");
        assertThat(header(headers, DeadLetterDeserializationHandler.MESSAGE_HEADER)).contains("magic byte");
        assertThat(headers.lastHeader(DeadLetterDeserializationHandler.SCHEMA_ID_HEADER)).isNull();
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(statusStore().get(PIPELINE_ID).getWorkflows()).hasSize(1);
    }

    @Test
    void shouldSendUnknownSchemaIdToDeadLetterTopic() {
        byte[] unknownSchema = ByteBuffer.allocate(8).put((byte) 0).putInt(999).put(new byte[] {2, 4, 6}).array();
        pipelines.pipeInput(PIPELINE_ID, pipeline(PipelineState.CREATED, 1));

        rawWorkflows.pipeInput(PIPELINE_ID, unknownSchema);
        workflows.pipeInput(PIPELINE_ID, workflow("wf-1", "build", "running", 2, 3));

        TestRecord<String, byte[]> deadLetter = deadLetters.readRecord();
        assertThat(deadLetter.key()).isEqualTo(PIPELINE_ID);
        assertThat(deadLetter.value()).isEqualTo(unknownSchema);
        Headers headers = deadLetter.headers();
        assertThat(header(headers, DeadLetterDeserializationHandler.SCHEMA_ID_HEADER)).isEqualTo("999");
        assertThat(header(headers, DeadLetterDeserializationHandler.MESSAGE_HEADER)).contains("schema id 999");
        assertThat(header(headers, DeadLetterDeserializationHandler.OFFSET_HEADER)).isEqualTo("0");
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(statusStore().get(PIPELINE_ID).getOverallStatus()).isEqualTo(OverallStatus.RUNNING);
    }

    @Test
    void shouldSkipRecordsWithNullKeyOrValue() {
        pipelines.pipeInput(PIPELINE_ID, pipeline(PipelineState.CREATED, 1));
        statuses.readRecordsToList();

        workflows.pipeInput(PIPELINE_ID, (WorkflowEvent) null);
        workflows.pipeInput((String) null, workflow("wf-1", "build", "running", 2, 3));
        jobs.pipeInput(PIPELINE_ID, (JobEvent) null);

        assertThat(statuses.isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(statusStore().get(PIPELINE_ID).getWorkflows()).isEmpty();
    }

    @Test
    void shouldAggregateWithoutRepartitionTopic() {
        Topology topology = StatusTopology.build(topics, serdes);

        String description = topology.describe().toString();

        assertThat(topology.describe().subtopologies()).hasSize(1);
        assertThat(description).doesNotContain("repartition");
        assertThat(description).contains(StatusTopology.STATUS_STORE);
    }

    private KeyValueStore<String, PipelineStatus> statusStore() {
        return driver.getKeyValueStore(StatusTopology.STATUS_STORE);
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
