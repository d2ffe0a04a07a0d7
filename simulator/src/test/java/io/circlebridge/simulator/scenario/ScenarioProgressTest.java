package io.circlebridge.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.circlebridge.simulator.model.EntityKind;
import io.circlebridge.simulator.model.JobStatus;
import io.circlebridge.simulator.model.PipelineSnapshot;
import io.circlebridge.simulator.model.PipelineState;
import io.circlebridge.simulator.model.StateChange;
import io.circlebridge.simulator.model.WorkflowSnapshot;
import io.circlebridge.simulator.model.WorkflowStatus;
import io.circlebridge.simulator.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScenarioProgressTest {

    private static final Duration STEP = Duration.ofSeconds(2);

    private final MutableClock clock = new MutableClock();
    private Simulation simulation;
    private Project project;

    @BeforeEach
    void startSimulation() {
        simulation = new Simulation(clock, new SimulationSettings(7L, STEP, Duration.ZERO, 0),
                List.of("gh/example-org/example-repo"));
        simulation.start();
        project = simulation.query(state -> state.projects().get(0));
    }

    @Test
    void shouldMoveSuccessfulPipelineThroughEveryStatus() {
        String pipelineId = trigger(Scenario.SUCCESS);

        runUntilQuiescent();

        assertThat(statuses(pipelineId, EntityKind.PIPELINE, null)).containsExactly("pending", "created");
        assertThat(statuses(pipelineId, EntityKind.WORKFLOW, "build-and-test")).containsExactly("running", "success");
        assertThat(statuses(pipelineId, EntityKind.JOB, "build"))
                .containsExactly("not_running", "queued", "running", "success");
        assertThat(statuses(pipelineId, EntityKind.JOB, "package"))
                .containsExactly("blocked", "queued", "running", "success");
    }

    @Test
    void shouldDelayWorkflowCreation() {
        String pipelineId = trigger(Scenario.SUCCESS);

        clock.advance(STEP);
        List<WorkflowSnapshot> early = pipeline(pipelineId).workflows();
        clock.advance(STEP);
        List<WorkflowSnapshot> later = pipeline(pipelineId).workflows();

        assertThat(early).isEmpty();
        assertThat(later).extracting(WorkflowSnapshot::name).containsExactly("build-and-test");
    }

    @Test
    void shouldFailAfterFailingPhase() {
        String pipelineId = trigger(Scenario.FAILURE);

        runUntilQuiescent();

        assertThat(statuses(pipelineId, EntityKind.WORKFLOW, "build-and-test"))
                .containsExactly("running", "failing", "failed");
        assertThat(statuses(pipelineId, EntityKind.JOB, "unit-tests")).endsWith("failed");
        assertThat(statuses(pipelineId, EntityKind.JOB, "integration-tests")).endsWith("success");
        assertThat(statuses(pipelineId, EntityKind.JOB, "package")).containsExactly("blocked", "not_run");
    }

    @Test
    void shouldHoldApprovalWorkflowUntilApproved() {
        String pipelineId = trigger(Scenario.APPROVAL);
        runUntilQuiescent();
        WorkflowSnapshot onHold = pipeline(pipelineId).workflows().get(0);

        simulation.approve(onHold.id());
        runUntilQuiescent();

        assertThat(onHold.status()).isEqualTo(WorkflowStatus.ON_HOLD);
        assertThat(statuses(pipelineId, EntityKind.JOB, "hold")).containsExactly("blocked", "on_hold", "success");
        assertThat(statuses(pipelineId, EntityKind.WORKFLOW, "deploy"))
                .containsExactly("running", "on_hold", "running", "success");
    }

    @Test
    void shouldRejectApprovalOfWorkflowNotOnHold() {
        String pipelineId = trigger(Scenario.SUCCESS);
        runUntilQuiescent();
        String workflowId = pipeline(pipelineId).workflows().get(0).id();

        assertThatThrownBy(() -> simulation.approve(workflowId))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not on hold: its status is success");
    }

    @Test
    void shouldErrorPipelineWithoutCreatingWorkflows() {
        String pipelineId = trigger(Scenario.ERRORED);

        runUntilQuiescent();
        clock.advance(STEP.multipliedBy(10));

        assertThat(statuses(pipelineId, EntityKind.PIPELINE, null)).containsExactly("pending", "errored");
        assertThat(pipeline(pipelineId).workflows()).isEmpty();
        Pipeline live = simulation.query(state -> state.pipeline(pipelineId).orElseThrow());
        assertThat(live.errors()).isNotEmpty();
    }

    @Test
    void shouldRunSetupWorkflowBeforeTheOtherWorkflows() {
        String pipelineId = trigger(Scenario.SETUP);

        runUntilQuiescent();

        assertThat(statuses(pipelineId, EntityKind.PIPELINE, null))
                .containsExactly("pending", "setup-pending", "setup", "created");
        assertThat(pipeline(pipelineId).workflows()).extracting(WorkflowSnapshot::name)
                .containsExactly("setup", "build-and-test");
        Workflow setup = simulation.query(state -> state.pipeline(pipelineId).orElseThrow().workflows().get(0));
        assertThat(setup.tag()).isEqualTo("setup");
    }

    @Test
    void shouldCancelWorkflowWhileItRuns() {
        String pipelineId = trigger(Scenario.CANCELED);

        runUntilQuiescent();

        WorkflowSnapshot workflow = pipeline(pipelineId).workflows().get(0);
        assertThat(workflow.status()).isEqualTo(WorkflowStatus.CANCELED);
        assertThat(workflow.jobs()).extracting(job -> job.status())
                .contains(JobStatus.NOT_RUN)
                .doesNotContain(JobStatus.RUNNING, JobStatus.QUEUED, JobStatus.BLOCKED);
    }

    @Test
    void shouldLogChangesInTimeOrder() {
        trigger(Scenario.FAILURE);
        trigger(Scenario.SETUP);

        runUntilQuiescent();

        List<StateChange> log = simulation.groundTruth();
        for (int i = 1; i < log.size(); i++) {
            assertThat(log.get(i).sequence()).isEqualTo(log.get(i - 1).sequence() + 1);
            assertThat(log.get(i).at()).isAfterOrEqualTo(log.get(i - 1).at());
        }
    }

    @Test
    void shouldLogCurrentStatusLast() {
        trigger(Scenario.FAILURE);
        trigger(Scenario.APPROVAL);
        trigger(Scenario.CANCELED);

        runUntilQuiescent();

        List<StateChange> log = simulation.groundTruth();
        for (PipelineSnapshot pipeline : simulation.snapshot()) {
            assertThat(lastStatus(log, pipeline.id())).isEqualTo(pipeline.state().wireValue());
            for (WorkflowSnapshot workflow : pipeline.workflows()) {
                assertThat(lastStatus(log, workflow.id())).isEqualTo(workflow.status().wireValue());
                workflow.jobs().forEach(job -> assertThat(lastStatus(log, job.id())).isEqualTo(job.status().wireValue()));
            }
        }
    }

    @Test
    void shouldRepeatRunForSameSeed() {
        MutableClock otherClock = new MutableClock();
        Simulation twin = new Simulation(otherClock, new SimulationSettings(7L, STEP, Duration.ofSeconds(5), 4),
                List.of("gh/example-org/example-repo", "bb/example-org/other-repo"));
        Simulation original = new Simulation(clock, new SimulationSettings(7L, STEP, Duration.ofSeconds(5), 4),
                List.of("gh/example-org/example-repo", "bb/example-org/other-repo"));
        twin.start();
        original.start();

        otherClock.advance(Duration.ofMinutes(3));
        clock.advance(Duration.ofMinutes(3));

        assertThat(original.groundTruth()).isNotEmpty().isEqualTo(twin.groundTruth());
    }

    @Test
    void shouldCreateWebhookPipelinesEveryInterval() {
        Simulation periodic = new Simulation(clock, new SimulationSettings(7L, STEP, Duration.ofSeconds(20), 2),
                List.of("gh/example-org/example-repo"));
        periodic.start();

        clock.advance(Duration.ofSeconds(61));

        assertThat(periodic.snapshot()).extracting(PipelineSnapshot::number).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void shouldNotBeQuiescentWhileWorkflowsRun() {
        trigger(Scenario.SUCCESS);

        clock.advance(STEP.multipliedBy(2));

        assertThat(simulation.isQuiescent()).isFalse();
    }

    @Test
    void shouldLeavePipelineStateAloneWhenWorkflowsChange() {
        String pipelineId = trigger(Scenario.SUCCESS);
        clock.advance(STEP);
        Pipeline live = simulation.query(state -> state.pipeline(pipelineId).orElseThrow());
        Instant updatedWhenCreated = simulation.<Instant>query(state -> live.updatedAt());

        runUntilQuiescent();

        Instant updatedAtEnd = simulation.<Instant>query(state -> live.updatedAt());
        assertThat(updatedAtEnd).isEqualTo(updatedWhenCreated);
        assertThat(live.state()).isEqualTo(PipelineState.CREATED);
    }

    private String trigger(Scenario scenario) {
        TriggerRequest request = new TriggerRequest("main", null, Map.of(), scenario);
        return simulation.trigger(project, request).id();
    }

    private void runUntilQuiescent() {
        for (int i = 0; i < 200 && !simulation.isQuiescent(); i++) {
            clock.advance(STEP.dividedBy(2));
        }
        assertThat(simulation.isQuiescent()).as("quiescent after 100 steps").isTrue();
    }

    private PipelineSnapshot pipeline(String id) {
        return simulation.snapshot().stream().filter(pipeline -> pipeline.id().equals(id)).findFirst().orElseThrow();
    }

    /** Returns the statuses one entity went through, from the ground-truth log. */
    private List<String> statuses(String pipelineId, EntityKind kind, String name) {
        return simulation.groundTruth().stream()
                .filter(change -> change.pipelineId().equals(pipelineId) && change.kind() == kind)
                .filter(change -> name == null || name.equals(change.name()))
                .map(StateChange::newStatus)
                .toList();
    }

    private static String lastStatus(List<StateChange> log, String entityId) {
        return log.stream().filter(change -> entityId.equals(change.entityId())).reduce((first, second) -> second)
                .map(StateChange::newStatus).orElseThrow();
    }
}
