package io.circlebridge.poller.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.circlebridge.poller.circleci.CircleCiClient;
import io.circlebridge.poller.circleci.CircleCiToken;
import io.circlebridge.poller.circleci.LogCapture;
import io.circlebridge.poller.circleci.TriggerRequest;
import io.circlebridge.poller.circleci.TriggeredPipeline;
import io.circlebridge.schema.JobEvent;
import io.circlebridge.schema.WorkflowEvent;
import io.circlebridge.simulator.CircleCiSimulator;
import io.circlebridge.simulator.model.JobSnapshot;
import io.circlebridge.simulator.model.PipelineSnapshot;
import io.circlebridge.simulator.model.WorkflowSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Change detection against the simulator, with one clock driving both, so no test sleeps. */
class ChangeDetectorTest {

    private static final String PROJECT = "gh/example-org/example-repo";
    private static final Duration STEP = Duration.ofSeconds(5);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
    private final Map<String, PipelineCheckpoint> checkpoints = new HashMap<>();
    private CircleCiSimulator simulator;
    private CircleCiClient client;
    private ChangeDetector detector;

    @BeforeEach
    void startSimulator() {
        simulator = CircleCiSimulator.builder()
                .token("sim-token")
                .clock(clock)
                .projects(List.of(PROJECT))
                .seed(7L)
                .initialPipelines(4)
                .newPipelineInterval(Duration.ZERO)
                .stepDuration(Duration.ofSeconds(2))
                .build();
        simulator.start();
        client = CircleCiClient.builder()
                .baseUrl(simulator.baseUrl())
                .token(CircleCiToken.of("sim-token"))
                .clock(clock)
                .requestsPerMinute(1_000_000)
                .build();
        detector = new ChangeDetector(client, clock, Duration.ofMinutes(10), Duration.ofSeconds(30), 3);
    }

    @AfterEach
    void stopSimulator() {
        client.close();
        simulator.close();
    }

    @Test
    void shouldReportEveryEntityOnFirstPoll() {
        simulator.advance();

        PollResult result = detector.poll(PROJECT, checkpoints);

        List<PipelineSnapshot> pipelines = simulator.pipelines();
        assertThat(result.pipelineEvents()).hasSize(pipelines.size());
        assertThat(result.workflowEvents()).hasSize(workflows(pipelines).size());
        assertThat(result.jobEvents()).hasSize(jobs(pipelines).size());
        assertThat(result.checkpoints()).hasSize(pipelines.size());
    }

    @Test
    void shouldReportNothingWhenNothingChanged() {
        apply(detector.poll(PROJECT, checkpoints));

        PollResult second = detector.poll(PROJECT, checkpoints);

        assertThat(second.eventCount()).isZero();
        assertThat(second.checkpoints()).isEmpty();
    }

    @Test
    void shouldEndWithSimulatorStatusesOnceQuiescent() {
        Map<String, String> lastWorkflowStatus = new HashMap<>();
        Map<String, String> lastJobStatus = new HashMap<>();

        for (int round = 0; round < 200 && !(simulator.isQuiescent() && round > 0); round++) {
            PollResult result = detector.poll(PROJECT, checkpoints);
            result.workflowEvents().forEach(e -> lastWorkflowStatus.put(e.getWorkflowId(), e.getStatusRaw()));
            result.jobEvents().forEach(e -> lastJobStatus.put(e.getJobId(), e.getStatusRaw()));
            apply(result);
            clock.advance(STEP);
        }
        PollResult last = detector.poll(PROJECT, checkpoints);
        last.workflowEvents().forEach(e -> lastWorkflowStatus.put(e.getWorkflowId(), e.getStatusRaw()));
        last.jobEvents().forEach(e -> lastJobStatus.put(e.getJobId(), e.getStatusRaw()));

        assertThat(simulator.isQuiescent()).isTrue();
        List<PipelineSnapshot> pipelines = simulator.pipelines();
        for (WorkflowSnapshot workflow : workflows(pipelines)) {
            assertThat(lastWorkflowStatus.get(workflow.id())).as("workflow %s", workflow.name())
                    .isEqualTo(workflow.status().wireValue());
        }
        for (JobSnapshot job : jobs(pipelines)) {
            assertThat(lastJobStatus.get(job.id())).as("job %s", job.name()).isEqualTo(job.status().wireValue());
        }
    }

    @Test
    void shouldWriteOneEventPerObservedChange() {
        List<WorkflowEvent> workflowEvents = new ArrayList<>();
        List<JobEvent> jobEvents = new ArrayList<>();

        for (int round = 0; round < 200 && !(simulator.isQuiescent() && round > 0); round++) {
            PollResult result = detector.poll(PROJECT, checkpoints);
            workflowEvents.addAll(result.workflowEvents());
            jobEvents.addAll(result.jobEvents());
            apply(result);
            clock.advance(STEP);
        }

        assertThat(consecutiveRepeats(workflowEvents.stream()
                .map(e -> e.getWorkflowId() + "=" + e.getStatusRaw()).toList())).isZero();
        assertThat(consecutiveRepeats(jobEvents.stream()
                .map(e -> e.getJobId() + "=" + e.getStatusRaw()).toList())).isZero();
    }

    @Test
    void shouldStopReadingFinishedPipelines() {
        for (int round = 0; round < 200 && !(simulator.isQuiescent() && round > 0); round++) {
            apply(detector.poll(PROJECT, checkpoints));
            clock.advance(STEP);
        }
        clock.advance(Duration.ofSeconds(30));
        apply(detector.poll(PROJECT, checkpoints));
        List<PipelineCheckpoint> unfinished = checkpoints.values().stream().filter(c -> !c.finished()).toList();
        long expectedRequests = 1 + unfinished.stream()
                .mapToLong(c -> 1 + c.workflows().size() - c.settledWorkflows().size())
                .sum();
        long requestsBefore = client.metrics().requests();

        detector.poll(PROJECT, checkpoints);

        long pipelinesOnHold = simulator.pipelines().stream()
                .filter(p -> p.workflows().stream().anyMatch(w -> w.status().wireValue().equals("on_hold")))
                .count();
        assertThat(unfinished).hasSize((int) pipelinesOnHold);
        assertThat(client.metrics().requests() - requestsBefore).isEqualTo(expectedRequests);
    }

    @Test
    void shouldSeeWorkflowsCreatedAfterSetupWorkflowFinished() {
        TriggeredPipeline triggered = client.triggerPipeline(PROJECT,
                new TriggerRequest("main", null, Map.of("simulator_scenario", "setup")));
        Set<String> workflowsSeen = new HashSet<>();

        for (int round = 0; round < 200 && !(simulator.isQuiescent() && round > 10); round++) {
            PollResult result = detector.poll(PROJECT, checkpoints);
            result.workflowEvents().stream()
                    .filter(event -> event.getPipelineId().equals(triggered.id()))
                    .forEach(event -> workflowsSeen.add(event.getWorkflowId()));
            apply(result);
            clock.advance(STEP);
        }

        PipelineSnapshot pipeline = simulator.pipelines().stream()
                .filter(snapshot -> snapshot.id().equals(triggered.id()))
                .findFirst().orElseThrow();
        assertThat(pipeline.workflows()).hasSizeGreaterThan(1);
        assertThat(workflowsSeen).containsExactlyInAnyOrderElementsOf(
                pipeline.workflows().stream().map(WorkflowSnapshot::id).toList());
    }

    @Test
    void shouldReportRejectedTokenOnceAcrossPolls() {
        CircleCiClient wrongToken = CircleCiClient.builder()
                .baseUrl(simulator.baseUrl())
                .token(CircleCiToken.of("not-the-simulator-token"))
                .clock(clock)
                .requestsPerMinute(1_000_000)
                .build();
        ChangeDetector rejected = new ChangeDetector(wrongToken, clock, Duration.ofMinutes(10), Duration.ZERO, 1);

        try (wrongToken; LogCapture logs = LogCapture.start("io.circlebridge.poller.detect")) {
            for (int round = 0; round < 5; round++) {
                rejected.poll(PROJECT, checkpoints);
                clock.advance(STEP);
            }

            assertThat(logs.lines("ERROR")).hasSize(1);
            assertThat(logs.lines("ERROR").get(0)).contains("Cannot poll " + PROJECT)
                    .contains("Fix the CircleCI token or the project list");
            assertThat(logs.lines("WARN")).isEmpty();
            assertThat(wrongToken.metrics().requests()).isEqualTo(5);
        }
    }

    @Test
    void shouldForgetPipelineCircleCiNoLongerKnows() {
        PipelineCheckpoint vanished = PipelineCheckpoint.firstSeen("00000000-0000-0000-0000-000000000000", PROJECT,
                0L, "created", clock.instant());
        checkpoints.put(vanished.pipelineId(), vanished);

        PollResult result = detector.poll(PROJECT, checkpoints);

        assertThat(result.forgottenPipelines()).contains(vanished.pipelineId());
        assertThat(result.failedCalls()).isZero();
    }

    private void apply(PollResult result) {
        checkpoints.putAll(result.checkpoints());
        result.forgottenPipelines().forEach(checkpoints::remove);
    }

    private static List<WorkflowSnapshot> workflows(List<PipelineSnapshot> pipelines) {
        return pipelines.stream().flatMap(p -> p.workflows().stream()).toList();
    }

    private static List<JobSnapshot> jobs(List<PipelineSnapshot> pipelines) {
        return workflows(pipelines).stream().flatMap(w -> w.jobs().stream()).toList();
    }

    /** Counts entries equal to an earlier entry of the same entity with nothing in between for that entity. */
    private static int consecutiveRepeats(List<String> entityStatuses) {
        Map<String, String> last = new HashMap<>();
        int repeats = 0;
        for (String entry : entityStatuses) {
            String entity = entry.substring(0, entry.indexOf('='));
            if (entry.equals(last.get(entity))) {
                repeats++;
            }
            last.put(entity, entry);
        }
        return repeats;
    }
}
