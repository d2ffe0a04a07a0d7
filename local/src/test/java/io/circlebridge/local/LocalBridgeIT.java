package io.circlebridge.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.circlebridge.schema.CommandOutcome;
import io.circlebridge.schema.CommandResult;
import io.circlebridge.schema.JobSummary;
import io.circlebridge.schema.PipelineStatus;
import io.circlebridge.schema.TriggerPipelineCommand;
import io.circlebridge.schema.WorkflowSummary;
import io.circlebridge.serde.AvroSerializer;
import io.circlebridge.serde.RestSchemaRegistryClient;
import io.circlebridge.simulator.CircleCiSimulator;
import io.circlebridge.simulator.model.JobSnapshot;
import io.circlebridge.simulator.model.PipelineSnapshot;
import io.circlebridge.simulator.model.WorkflowSnapshot;
import io.circlebridge.status.Statuses;
import io.circlebridge.streams.topology.OverallStatusRule;
import io.circlebridge.topic.Topic;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole bridge in one process: embedded broker, Apicurio, simulator, poller and streams app. The simulator's
 * own snapshot is the oracle the status table is compared with.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LocalBridgeIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String PROJECT = "gh/example-org/example-repo";
    /** Allowed for commands but unknown to the simulator, as a project deleted from CircleCI would be. */
    private static final String UNKNOWN_TO_CIRCLECI = "gh/example-org/deleted-repo";

    @TempDir
    static Path dataDir;

    private static LocalBridge bridge;

    @BeforeAll
    static void startBridge() {
        Map<String, String> settings = new HashMap<>();
        settings.put("local.data.dir", dataDir.toString());
        settings.put("local.kafka.port", "0");
        settings.put("local.registry.port", "0");
        settings.put("local.simulator.port", "0");
        settings.put("simulator.projects", PROJECT + ",gh/example-org/another-repo");
        settings.put("simulator.step.ms", "300");
        settings.put("simulator.new.pipeline.interval.ms", "0");
        settings.put("simulator.initial.pipelines", "3");
        settings.put("poll.interval.ms", "300");
        settings.put("commands.allowed.projects", PROJECT + "," + UNKNOWN_TO_CIRCLECI);
        bridge = LocalBridge.start(settings, Map.of());
    }

    @AfterAll
    static void stopBridge() {
        if (bridge != null) {
            bridge.close();
        }
    }

    @Test
    void shouldFoldEverySimulatedPipelineIntoStatusTable() {
        CircleCiSimulator simulator = bridge.simulator();

        try (TopicProbe<PipelineStatus> statuses = statusProbe()) {
            statuses.awaitNoProblem(records -> {
                if (!simulator.isQuiescent()) {
                    return "the simulator is still running pipelines";
                }
                List<String> mismatches = mismatches(simulator.pipelines(), latest(records));
                return mismatches.isEmpty() ? null : String.join("; ", mismatches);
            }, WAIT, "every simulated pipeline in the status table with the simulator's statuses");
        }
    }

    @Test
    void shouldTriggerPipelineAndFoldIt() {
        String commandId = "deploy-" + System.nanoTime();

        produceCommand(TriggerPipelineCommand.newBuilder()
                .setCommandId(commandId)
                .setProjectSlug(PROJECT)
                .setBranch("main")
                .setParameters(Map.of("deploy", "true"))
                .setRequestedBy("LocalBridgeIT")
                .build());

        CommandResult result = awaitResult(commandId);
        assertThat(result.getOutcome()).isEqualTo(CommandOutcome.ACCEPTED);
        assertThat(result.getPipelineId()).isNotBlank();
        assertThat(result.getPipelineNumber()).isNotNull();
        assertThat(result.getHttpStatus()).isEqualTo(201);
        CircleCiSimulator simulator = bridge.simulator();
        try (TopicProbe<PipelineStatus> statuses = statusProbe()) {
            statuses.awaitRecords(records -> {
                Map<String, PipelineStatus> table = latest(records);
                List<PipelineSnapshot> triggered = simulator.pipelines().stream()
                        .filter(pipeline -> pipeline.id().equals(result.getPipelineId()))
                        .toList();
                return simulator.isQuiescent() && triggered.size() == 1
                        && table.containsKey(result.getPipelineId())
                        && mismatches(triggered, table).isEmpty();
            }, WAIT, "the triggered pipeline " + result.getPipelineId() + " in its final status");
        }
    }

    @Test
    void shouldRejectCommandNamingBothBranchAndTag() {
        String commandId = "both-" + System.nanoTime();

        produceCommand(TriggerPipelineCommand.newBuilder()
                .setCommandId(commandId)
                .setProjectSlug(PROJECT)
                .setBranch("main")
                .setTag("v1.0.0")
                .build());

        CommandResult result = awaitResult(commandId);
        assertThat(result.getOutcome()).isEqualTo(CommandOutcome.REJECTED);
        assertThat(result.getReason()).contains("sets both branch 'main' and tag 'v1.0.0'");
        assertThat(result.getHttpStatus()).isNull();
    }

    @Test
    void shouldRejectCommandForProjectOffAllowList() {
        String commandId = "elsewhere-" + System.nanoTime();

        produceCommand(TriggerPipelineCommand.newBuilder()
                .setCommandId(commandId)
                .setProjectSlug("gh/example-org/missing-repo")
                .setBranch("main")
                .build());

        CommandResult result = awaitResult(commandId);
        assertThat(result.getOutcome()).isEqualTo(CommandOutcome.REJECTED);
        assertThat(result.getReason()).contains("is not on the allow-list");
    }

    @Test
    void shouldRejectCommandForProjectCircleCiDoesNotKnow() {
        String commandId = "deleted-" + System.nanoTime();

        produceCommand(TriggerPipelineCommand.newBuilder()
                .setCommandId(commandId)
                .setProjectSlug(UNKNOWN_TO_CIRCLECI)
                .setBranch("main")
                .build());

        CommandResult result = awaitResult(commandId);
        assertThat(result.getOutcome()).isEqualTo(CommandOutcome.REJECTED);
        assertThat(result.getHttpStatus()).isEqualTo(404);
        assertThat(result.getReason()).contains("Project not found");
        assertThat(result.getPipelineId()).isNull();
    }

    @Test
    void shouldDeadLetterPoisonPillAndCarryOn() {
        String commandId = "after-poison-" + System.nanoTime();

        try (KafkaProducer<String, byte[]> producer = rawProducer()) {
            producer.send(new ProducerRecord<>(bridge.topics().commands(), "poison",
                    "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8)));
        }
        produceCommand(TriggerPipelineCommand.newBuilder()
                .setCommandId(commandId)
                .setProjectSlug(PROJECT)
                .setTag("v9.9.9")
                .build());

        assertThat(awaitResult(commandId).getOutcome()).isEqualTo(CommandOutcome.ACCEPTED);
    }

    @Test
    void shouldRunEverySubjectUnderBackwardTransitive() throws Exception {
        HttpClient http = HttpClient.newHttpClient();

        for (Topic topic : Topic.values()) {
            if (topic.valueType() == null) {
                continue;
            }
            String subject = bridge.topics().name(topic) + "-value";
            HttpResponse<String> config = http.send(HttpRequest.newBuilder(
                    URI.create(bridge.registryUrl() + "/config/" + subject)).build(), BodyHandlers.ofString());

            assertThat(config.statusCode()).as(subject).isEqualTo(200);
            assertThat(config.body()).as(subject).contains("BACKWARD_TRANSITIVE");
        }
    }

    @Test
    void shouldHaveRegistryRejectIncompatibleSchema() throws Exception {
        String incompatible = "{\"type\":\"record\",\"name\":\"JobEvent\",\"namespace\":\"io.circlebridge.schema\","
                + "\"fields\":[{\"name\":\"job_id\",\"type\":\"long\"},{\"name\":\"runner\",\"type\":\"string\"}]}";
        String body = "{\"schema\":" + new ObjectMapper().writeValueAsString(incompatible)
                + "}";

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(bridge.registryUrl() + "/subjects/" + bridge.topics().jobs() + "-value/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
    }

    private static TopicProbe<PipelineStatus> statusProbe() {
        return new TopicProbe<>(bridge.bootstrapServers(), bridge.registryUrl(), bridge.topics().pipelineStatus(),
                PipelineStatus.class);
    }

    private static CommandResult awaitResult(String commandId) {
        try (TopicProbe<CommandResult> results = new TopicProbe<>(bridge.bootstrapServers(), bridge.registryUrl(),
                bridge.topics().commandResults(), CommandResult.class)) {
            List<ConsumerRecord<String, CommandResult>> records = results.awaitRecords(
                    read -> read.stream().anyMatch(record -> commandId.equals(record.key())),
                    WAIT, "a result for command " + commandId);
            List<CommandResult> forCommand = records.stream()
                    .filter(record -> commandId.equals(record.key()))
                    .map(ConsumerRecord::value)
                    .toList();
            assertThat(forCommand).hasSize(1);
            return forCommand.get(0);
        }
    }

    private static void produceCommand(TriggerPipelineCommand command) {
        AvroSerializer<TriggerPipelineCommand> serializer =
                new AvroSerializer<>(new RestSchemaRegistryClient(bridge.registryUrl(), Duration.ofSeconds(10),
                        Duration.ofSeconds(10)));
        try (KafkaProducer<String, byte[]> producer = rawProducer()) {
            byte[] value = serializer.serialize(bridge.topics().commands(), command);
            producer.send(new ProducerRecord<>(bridge.topics().commands(), command.getCommandId(), value));
        }
    }

    private static KafkaProducer<String, byte[]> rawProducer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bridge.bootstrapServers());
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    private static Map<String, PipelineStatus> latest(List<ConsumerRecord<String, PipelineStatus>> records) {
        Map<String, PipelineStatus> table = new HashMap<>();
        records.forEach(record -> table.put(record.key(), record.value()));
        return table;
    }

    /** Describes each difference between the simulator's pipelines and the status table; empty when they agree. */
    static List<String> mismatches(List<PipelineSnapshot> pipelines, Map<String, PipelineStatus> table) {
        return pipelines.stream()
                .map(pipeline -> mismatch(pipeline, table.get(pipeline.id())))
                .filter(problem -> problem != null)
                .toList();
    }

    private static String mismatch(PipelineSnapshot pipeline, PipelineStatus status) {
        if (status == null) {
            return pipeline.id() + " is missing";
        }
        Map<String, String> expectedWorkflows = pipeline.workflows().stream()
                .collect(Collectors.toMap(WorkflowSnapshot::id, workflow -> workflow.status().wireValue()));
        Map<String, String> actualWorkflows = status.getWorkflows().stream()
                .collect(Collectors.toMap(WorkflowSummary::getWorkflowId, WorkflowSummary::getStatusRaw));
        Map<String, String> expectedJobs = pipeline.workflows().stream()
                .flatMap(workflow -> workflow.jobs().stream())
                .collect(Collectors.toMap(JobSnapshot::id, job -> job.status().wireValue()));
        Map<String, String> actualJobs = status.getJobs().stream()
                .collect(Collectors.toMap(JobSummary::getJobId, JobSummary::getStatusRaw));
        List<WorkflowSummary> expectedSummaries = pipeline.workflows().stream()
                .map(workflow -> new WorkflowSummary(workflow.id(), workflow.name(),
                        Statuses.workflowStatus(workflow.status().wireValue()), workflow.status().wireValue(),
                        workflow.createdAt(), workflow.stoppedAt(), workflow.createdAt()))
                .toList();
        var expectedOverall = OverallStatusRule.derive(Statuses.pipelineState(pipeline.state().wireValue()),
                expectedSummaries);

        if (!expectedWorkflows.equals(actualWorkflows)) {
            return pipeline.id() + " workflows " + actualWorkflows + " != " + expectedWorkflows;
        }
        if (!expectedJobs.equals(actualJobs)) {
            return pipeline.id() + " jobs " + actualJobs + " != " + expectedJobs;
        }
        if (!pipeline.state().wireValue().equals(status.getStateRaw())) {
            return pipeline.id() + " state " + status.getStateRaw() + " != " + pipeline.state().wireValue();
        }
        if (expectedOverall != status.getOverallStatus()) {
            return pipeline.id() + " overall " + status.getOverallStatus() + " != " + expectedOverall;
        }
        return null;
    }
}
