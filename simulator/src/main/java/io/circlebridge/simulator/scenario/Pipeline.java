package io.circlebridge.simulator.scenario;

import io.circlebridge.simulator.model.PipelineSnapshot;
import io.circlebridge.simulator.model.PipelineState;
import io.circlebridge.simulator.model.WorkflowStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A simulated pipeline with what is still to happen to it. Changed only by {@link Progression} under the
 * {@link Simulation}'s lock.
 */
public final class Pipeline {

    private final String id;
    private final Project project;
    private final long number;
    private final Instant createdAt;
    private final Instant receivedAt;
    private final String triggerType;
    private final Actor actor;
    private final Revision revision;
    private final Map<String, Object> parameters;
    private final List<PipelineError> errors;
    private final RandomSource random;
    private final List<Workflow> workflows = new ArrayList<>();
    private PipelineState state;
    private Instant updatedAt;
    private PipelineState pendingState;
    private Instant pendingStateAt;
    private List<WorkflowPlan> setupPlans;
    private List<WorkflowPlan> mainPlans;
    private Instant workflowsDueAt;

    Pipeline(PipelineDraft draft) {
        this.id = draft.id();
        this.project = draft.project();
        this.number = draft.number();
        this.createdAt = draft.createdAt();
        this.receivedAt = draft.receivedAt();
        this.triggerType = draft.triggerType();
        this.actor = draft.actor();
        this.revision = draft.revision();
        this.parameters = Map.copyOf(draft.parameters());
        this.errors = List.copyOf(draft.errors());
        this.random = draft.random();
        this.state = draft.initialState();
        this.updatedAt = draft.createdAt();
        this.pendingState = draft.pendingState();
        this.pendingStateAt = draft.pendingStateAt();
        this.setupPlans = List.copyOf(draft.setupPlans());
        this.mainPlans = List.copyOf(draft.mainPlans());
        this.workflowsDueAt = draft.workflowsDueAt();
    }

    public String id() {
        return id;
    }

    public Project project() {
        return project;
    }

    public long number() {
        return number;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Returns when CircleCI received the trigger, shortly before the pipeline was created. */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** Returns the trigger type: {@code webhook} for pushes, {@code api} for API triggers. */
    public String triggerType() {
        return triggerType;
    }

    public Actor actor() {
        return actor;
    }

    public Revision revision() {
        return revision;
    }

    /** Returns the pipeline parameters an API trigger passed; empty for webhook pipelines. */
    public Map<String, Object> parameters() {
        return parameters;
    }

    /** Returns the errors of an errored pipeline; empty otherwise. */
    public List<PipelineError> errors() {
        return errors;
    }

    public PipelineState state() {
        return state;
    }

    /** Returns when the pipeline's state last changed. Workflow changes do not move it, as on the real API. */
    public Instant updatedAt() {
        return updatedAt;
    }

    public List<Workflow> workflows() {
        return Collections.unmodifiableList(workflows);
    }

    /** Returns whether nothing more happens to this pipeline without an approval: every workflow is terminal or on hold. */
    public boolean isSettled() {
        if (state == PipelineState.ERRORED) {
            return true;
        }
        if (pendingState != null || workflowsDueAt != null || state != PipelineState.CREATED) {
            return false;
        }
        return workflows.stream().allMatch(w -> w.status().isTerminal() || w.status() == WorkflowStatus.ON_HOLD);
    }

    /** Returns a copy of the pipeline's current state with its workflows and jobs. */
    public PipelineSnapshot snapshot() {
        return new PipelineSnapshot(id, project.slug(), number, state, revision.branch(), revision.tag(), createdAt,
                workflows.stream().map(Workflow::snapshot).toList());
    }

    RandomSource random() {
        return random;
    }

    PipelineState pendingState() {
        return pendingState;
    }

    Instant pendingStateAt() {
        return pendingStateAt;
    }

    void clearPendingState() {
        pendingState = null;
        pendingStateAt = null;
    }

    Instant workflowsDueAt() {
        return workflowsDueAt;
    }

    /** Returns the plans of the workflows to create next (setup workflows first) and removes them from the plan. */
    List<WorkflowPlan> takeDueWorkflows() {
        workflowsDueAt = null;
        List<WorkflowPlan> due;
        if (!setupPlans.isEmpty()) {
            due = setupPlans;
            setupPlans = List.of();
        } else {
            due = mainPlans;
            mainPlans = List.of();
        }
        return due;
    }

    /** Returns whether workflows still wait for a setup workflow to finish. */
    boolean hasContinuation() {
        return setupPlans.isEmpty() && !mainPlans.isEmpty() && workflowsDueAt == null;
    }

    void scheduleWorkflows(Instant at) {
        workflowsDueAt = at;
    }

    void setState(PipelineState state, Instant at) {
        this.state = state;
        this.updatedAt = at;
    }

    void addWorkflow(Workflow workflow) {
        workflows.add(workflow);
    }
}
