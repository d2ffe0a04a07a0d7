package io.circlebridge.poller.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.circlebridge.poller.circleci.CircleCiClient;
import io.circlebridge.poller.circleci.CircleCiToken;
import io.circlebridge.simulator.CircleCiSimulator;
import io.circlebridge.simulator.fault.FaultModes;
import io.circlebridge.simulator.fault.MalformedBody;
import io.circlebridge.simulator.fault.MissingFields;
import io.circlebridge.simulator.fault.PagingFault;
import io.circlebridge.simulator.fault.RateLimitStyle;
import io.circlebridge.simulator.model.EntityKind;
import io.circlebridge.simulator.model.JobSnapshot;
import io.circlebridge.simulator.model.PipelineSnapshot;
import io.circlebridge.simulator.model.WorkflowSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each simulator fault mode switched on while pipelines progress, then off: polling goes on without an exception, and
 * the last status written for every workflow and job is the one the simulator ends with, so nothing is lost.
 */
class ChangeDetectorFaultTest {

    private static final String PROJECT = "gh/example-org/example-repo";
    private static final Duration STEP = Duration.ofSeconds(3);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
    private CircleCiSimulator simulator;
    private CircleCiClient client;

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("429 with Retry-After", fault(f -> f.rateLimit(20, RateLimitStyle.RETRY_AFTER))),
                Arguments.of("429 with rate-limit headers",
                        fault(f -> f.rateLimit(20, RateLimitStyle.RATE_LIMIT_HEADERS))),
                Arguments.of("429 without headers", fault(f -> f.rateLimit(20, RateLimitStyle.values()[2]))),
                Arguments.of("5xx burst", fault(f -> f.serverErrors(30, 500, 502, 503))),
                Arguments.of("malformed bodies", fault(f -> f.malformedBodies(30, MalformedBody.NOT_JSON))),
                Arguments.of("unknown job status", fault(f -> f.unknownStatus(EntityKind.JOB, "quantum_superposition"))),
                Arguments.of("unknown workflow status",
                        fault(f -> f.unknownStatus(EntityKind.WORKFLOW, "quantum_superposition"))),
                Arguments.of("missing required fields", fault(f -> f.missingFields(MissingFields.REQUIRED))),
                Arguments.of("repeating cursor", fault(f -> f.paging(PagingFault.REPEATING_CURSOR))),
                Arguments.of("cursor not found", fault(f -> f.paging(PagingFault.NOT_FOUND_CURSOR))),
                Arguments.of("per-token budget", fault(f -> f.tokenBudget(30))));
    }

    @AfterEach
    void stop() {
        client.close();
        simulator.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void shouldEndWithSimulatorStatusesAfterFault(String name, Consumer<FaultModes> fault) {
        start();
        ChangeDetector detector = new ChangeDetector(client, clock, Duration.ofMinutes(10), Duration.ofSeconds(30), 3);
        Map<String, PipelineCheckpoint> checkpoints = new HashMap<>();
        Map<String, String> lastStatus = new HashMap<>();

        pollRounds(detector, checkpoints, lastStatus, 2);
        fault.accept(simulator.faults());
        pollRounds(detector, checkpoints, lastStatus, 6);
        simulator.faults().clear();
        for (int round = 0; round < 200 && !simulator.isQuiescent(); round++) {
            pollRounds(detector, checkpoints, lastStatus, 1);
        }
        pollRounds(detector, checkpoints, lastStatus, 2);

        assertThat(simulator.isQuiescent()).isTrue();
        for (PipelineSnapshot pipeline : simulator.pipelines()) {
            for (WorkflowSnapshot workflow : pipeline.workflows()) {
                assertThat(lastStatus.get(workflow.id())).as("workflow %s of #%d", workflow.name(), pipeline.number())
                        .isEqualTo(workflow.status().wireValue());
                for (JobSnapshot job : workflow.jobs()) {
                    assertThat(lastStatus.get(job.id())).as("job %s of #%d", job.name(), pipeline.number())
                            .isEqualTo(job.status().wireValue());
                }
            }
        }
    }

    @Test
    void shouldResettleWorkflowAfterUnknownStatus() {
        start();
        ChangeDetector detector = new ChangeDetector(client, clock, Duration.ofMinutes(10), Duration.ofSeconds(30), 3);
        Map<String, PipelineCheckpoint> checkpoints = new HashMap<>();
        Map<String, String> lastStatus = new HashMap<>();
        for (int round = 0; round < 200 && checkpoints.values().stream().noneMatch(c -> c.settledSince() != null);
                round++) {
            pollRounds(detector, checkpoints, lastStatus, 1);
        }

        simulator.faults().unknownStatus(EntityKind.WORKFLOW, "quantum_superposition");
        pollRounds(detector, checkpoints, lastStatus, 15);
        simulator.faults().clear();
        for (int round = 0; round < 200 && !simulator.isQuiescent(); round++) {
            pollRounds(detector, checkpoints, lastStatus, 1);
        }
        pollRounds(detector, checkpoints, lastStatus, 2);

        for (PipelineSnapshot pipeline : simulator.pipelines()) {
            for (WorkflowSnapshot workflow : pipeline.workflows()) {
                assertThat(lastStatus.get(workflow.id())).as("workflow %s of #%d", workflow.name(), pipeline.number())
                        .isEqualTo(workflow.status().wireValue());
            }
        }
    }

    @Test
    void shouldEndWithSimulatorStatusesAfterResponsesSlowerThanReadTimeout() {
        start(Duration.ofMillis(150));
        ChangeDetector detector = new ChangeDetector(client, clock, Duration.ofMinutes(10), Duration.ofSeconds(30), 3);
        Map<String, PipelineCheckpoint> checkpoints = new HashMap<>();
        Map<String, String> lastStatus = new HashMap<>();

        pollRounds(detector, checkpoints, lastStatus, 2);
        simulator.faults().slowResponses(Duration.ofMillis(400));
        pollRounds(detector, checkpoints, lastStatus, 1);
        simulator.faults().clear();
        for (int round = 0; round < 200 && !simulator.isQuiescent(); round++) {
            pollRounds(detector, checkpoints, lastStatus, 1);
        }
        pollRounds(detector, checkpoints, lastStatus, 2);

        assertThat(client.metrics().retries()).isPositive();
        for (PipelineSnapshot pipeline : simulator.pipelines()) {
            for (WorkflowSnapshot workflow : pipeline.workflows()) {
                assertThat(lastStatus.get(workflow.id())).as("workflow %s of #%d", workflow.name(), pipeline.number())
                        .isEqualTo(workflow.status().wireValue());
            }
        }
    }

    @Test
    void shouldNotRewriteHistoryAfterListingCutShort() {
        start(CircleCiClient.DEFAULT_READ_TIMEOUT, 25);
        ChangeDetector detector = new ChangeDetector(client, clock, Duration.ofMinutes(10), Duration.ofSeconds(30), 3);
        Map<String, PipelineCheckpoint> checkpoints = new HashMap<>();
        Map<String, String> lastStatus = new HashMap<>();
        for (int round = 0; round < 300 && !simulator.isQuiescent(); round++) {
            pollRounds(detector, checkpoints, lastStatus, 1);
        }
        pollRounds(detector, checkpoints, lastStatus, 20);

        simulator.faults().paging(PagingFault.NOT_FOUND_CURSOR);
        pollRounds(detector, checkpoints, lastStatus, 1);
        simulator.faults().clear();
        PollResult after = detector.poll(PROJECT, checkpoints);

        assertThat(after.pipelineEvents()).isEmpty();
        assertThat(after.workflowEvents()).isEmpty();
        assertThat(after.jobEvents()).isEmpty();
    }

    private void start() {
        start(CircleCiClient.DEFAULT_READ_TIMEOUT);
    }

    private void start(Duration readTimeout) {
        start(readTimeout, 3);
    }

    private void start(Duration readTimeout, int initialPipelines) {
        simulator = CircleCiSimulator.builder()
                .token("sim-token")
                .clock(clock)
                .projects(List.of(PROJECT))
                .seed(11L)
                .initialPipelines(initialPipelines)
                .newPipelineInterval(Duration.ZERO)
                .stepDuration(Duration.ofSeconds(2))
                .build();
        simulator.start();
        client = CircleCiClient.builder()
                .baseUrl(simulator.baseUrl())
                .token(CircleCiToken.of("sim-token"))
                .clock(clock)
                .sleeper(clock::advance)
                .requestsPerMinute(1_000_000)
                .maxPages(3)
                .readTimeout(readTimeout)
                .build();
    }

    private void pollRounds(ChangeDetector detector, Map<String, PipelineCheckpoint> checkpoints,
                            Map<String, String> lastStatus, int rounds) {
        for (int i = 0; i < rounds; i++) {
            PollResult result = detector.poll(PROJECT, checkpoints);
            result.workflowEvents().forEach(e -> lastStatus.put(e.getWorkflowId(), e.getStatusRaw()));
            result.jobEvents().forEach(e -> lastStatus.put(e.getJobId(), e.getStatusRaw()));
            checkpoints.putAll(result.checkpoints());
            result.forgottenPipelines().forEach(checkpoints::remove);
            clock.advance(STEP);
        }
    }

    private static Consumer<FaultModes> fault(Consumer<FaultModes> fault) {
        return fault;
    }
}
