package io.circlebridge.simulator.scenario;

import io.circlebridge.simulator.model.JobStatus;
import io.circlebridge.simulator.model.JobType;
import io.circlebridge.simulator.model.PipelineState;
import io.circlebridge.simulator.model.WorkflowStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves pipelines, workflows and jobs through their statuses at the times their plans set, and logs each change.
 *
 * <p>Every change is stamped with the time its plan scheduled, not with the time of the request that advanced it, so the
 * result does not depend on how often the simulation is advanced.
 */
final class Progression {

    private final GroundTruthLog log;
    private final SimulationIndex index;
    private final Duration workflowDelay;

    Progression(GroundTruthLog log, SimulationIndex index, Duration stepDuration) {
        this.log = log;
        this.index = index;
        this.workflowDelay = stepDuration.multipliedBy(3).dividedBy(2);
    }

    /** Registers and logs a new pipeline. */
    Pipeline create(PipelineDraft draft) {
        Pipeline pipeline = new Pipeline(draft);
        index.addPipeline(pipeline);
        log.pipeline(pipeline, null, pipeline.state(), pipeline.createdAt());
        return pipeline;
    }

    /** Returns the earliest time at which {@code pipeline} changes on its own, or {@code null} if it does not. */
    Instant nextChangeAt(Pipeline pipeline) {
        Instant next = earliest(pipeline.pendingStateAt(), pipeline.workflowsDueAt());
        for (Workflow workflow : pipeline.workflows()) {
            if (workflow.status().isTerminal()) {
                continue;
            }
            next = earliest(next, workflow.cancelAt());
            for (Job job : workflow.jobs()) {
                next = earliest(next, job.nextChangeAt());
            }
        }
        return next;
    }

    /** Applies every change of {@code pipeline} scheduled at or before {@code now}. */
    void advance(Pipeline pipeline, Instant now) {
        if (pipeline.pendingStateAt() != null && !pipeline.pendingStateAt().isAfter(now)) {
            changeState(pipeline, pipeline.pendingState(), pipeline.pendingStateAt());
            pipeline.clearPendingState();
        }
        if (pipeline.workflowsDueAt() != null && !pipeline.workflowsDueAt().isAfter(now)) {
            createWorkflows(pipeline, pipeline.workflowsDueAt());
        }
        for (Workflow workflow : new ArrayList<>(pipeline.workflows())) {
            advance(workflow, now);
        }
        continueAfterSetup(pipeline);
    }

    /** Approves the on-hold approval jobs of {@code workflow}, which lets the jobs after them run. */
    void approve(Workflow workflow, Instant at, String approverId) {
        if (workflow.status() != WorkflowStatus.ON_HOLD) {
            throw new IllegalStateException("Workflow " + workflow.id() + " is not on hold: its status is "
                    + workflow.status().wireValue());
        }
        for (Job job : workflow.jobs()) {
            if (job.type() == JobType.APPROVAL && job.status() == JobStatus.ON_HOLD) {
                job.setApprovedBy(approverId);
                job.setStoppedAt(at);
                changeJob(job, JobStatus.SUCCESS, at);
            }
        }
        resolveBlocked(workflow, at);
        updateStatus(workflow, at);
    }

    private void createWorkflows(Pipeline pipeline, Instant at) {
        List<WorkflowPlan> plans = pipeline.takeDueWorkflows();
        if (pipeline.state() == PipelineState.SETUP_PENDING) {
            changeState(pipeline, PipelineState.SETUP, at);
        }
        RandomSource random = pipeline.random();
        for (WorkflowPlan plan : plans) {
            Workflow workflow = new Workflow(random.uuid(), pipeline, plan, pipeline.actor().id(), at);
            pipeline.addWorkflow(workflow);
            index.addWorkflow(workflow);
            log.workflow(workflow, null, workflow.status(), at);

            Map<String, Job> byName = new HashMap<>();
            for (JobPlan jobPlan : plan.jobs()) {
                List<Job> dependencies = jobPlan.dependencies().stream().map(byName::get).toList();
                JobStatus initial = initialStatus(jobPlan);
                Job job = new Job(random.uuid(), workflow, jobPlan, dependencies, at, initial);
                byName.put(jobPlan.name(), job);
                workflow.addJob(job);
                if (initial == JobStatus.ON_HOLD) {
                    holdForApproval(job, at);
                }
                log.job(job, null, initial, at);
            }
            updateStatus(workflow, at);
        }
    }

    /** Applies the workflow's own changes due by {@code now}, one at a time in time order. */
    private void advance(Workflow workflow, Instant now) {
        while (!workflow.status().isTerminal()) {
            Job next = null;
            for (Job job : workflow.jobs()) {
                Instant at = job.nextChangeAt();
                if (at != null && !at.isAfter(now) && (next == null || at.isBefore(next.nextChangeAt()))) {
                    next = job;
                }
            }
            Instant cancelAt = workflow.cancelAt();
            boolean cancelDue = cancelAt != null && !cancelAt.isAfter(now);
            if (cancelDue && (next == null || !cancelAt.isAfter(next.nextChangeAt()))) {
                cancel(workflow, cancelAt);
                return;
            }
            if (next == null) {
                return;
            }
            Instant at = next.nextChangeAt();
            step(next, at);
            resolveBlocked(workflow, at);
            updateStatus(workflow, at);
        }
    }

    /** Moves a job one status on: not_running → queued → running → success or failed. */
    private void step(Job job, Instant at) {
        switch (job.status()) {
            case NOT_RUNNING -> queue(job, at);
            case QUEUED -> {
                job.setStartedAt(at);
                changeJob(job, JobStatus.RUNNING, at);
            }
            case RUNNING -> {
                job.setStoppedAt(at);
                changeJob(job, job.plan().fails() ? JobStatus.FAILED : JobStatus.SUCCESS, at);
            }
            default -> throw new IllegalStateException("Job " + job.id() + " has no timed change from "
                    + job.status().wireValue());
        }
    }

    /** Unblocks jobs whose dependencies are all done: they run when all succeeded and end not_run otherwise. */
    private void resolveBlocked(Workflow workflow, Instant at) {
        for (Job job : workflow.jobs()) {
            if (job.status() != JobStatus.BLOCKED
                    || !job.dependencies().stream().allMatch(dependency -> dependency.status().isTerminal())) {
                continue;
            }
            boolean satisfied = job.dependencies().stream().allMatch(dependency -> dependency.status() == JobStatus.SUCCESS);
            if (!satisfied) {
                changeJob(job, JobStatus.NOT_RUN, at);
            } else if (job.type() == JobType.APPROVAL) {
                holdForApproval(job, at);
                changeJob(job, JobStatus.ON_HOLD, at);
            } else {
                queue(job, at);
            }
        }
    }

    private void cancel(Workflow workflow, Instant at) {
        for (Job job : workflow.jobs()) {
            switch (job.status()) {
                case QUEUED, RUNNING -> {
                    job.setStoppedAt(at);
                    changeJob(job, JobStatus.CANCELED, at);
                }
                case NOT_RUNNING, BLOCKED, ON_HOLD -> changeJob(job, JobStatus.NOT_RUN, at);
                default -> {
                    // Finished jobs keep their status.
                }
            }
        }
        workflow.setCanceledBy(workflow.pipeline().actor().id());
        changeWorkflow(workflow, WorkflowStatus.CANCELED, at);
    }

    private void updateStatus(Workflow workflow, Instant at) {
        WorkflowStatus derived = WorkflowStatusRule.derive(workflow.jobs());
        if (derived != workflow.status()) {
            changeWorkflow(workflow, derived, at);
        }
    }

    /** Moves a pipeline whose setup workflow finished to {@code created} and schedules its other workflows. */
    private void continueAfterSetup(Pipeline pipeline) {
        if (pipeline.state() != PipelineState.SETUP
                || !pipeline.workflows().stream().allMatch(workflow -> workflow.status().isTerminal())) {
            return;
        }
        Instant finished = pipeline.workflows().stream().map(Workflow::stoppedAt).max(Instant::compareTo).orElseThrow();
        changeState(pipeline, PipelineState.CREATED, finished);
        if (pipeline.hasContinuation()) {
            pipeline.scheduleWorkflows(finished.plus(workflowDelay));
        }
    }

    private static JobStatus initialStatus(JobPlan plan) {
        if (!plan.dependencies().isEmpty()) {
            return JobStatus.BLOCKED;
        }
        return plan.type() == JobType.APPROVAL ? JobStatus.ON_HOLD : JobStatus.NOT_RUNNING;
    }

    private void queue(Job job, Instant at) {
        job.setQueuedAt(at);
        assignNumber(job);
        changeJob(job, JobStatus.QUEUED, at);
    }

    /** Gives an approval job its number and start time: the real API reports both for approvals. */
    private void holdForApproval(Job job, Instant at) {
        job.setStartedAt(at);
        assignNumber(job);
    }

    private void assignNumber(Job job) {
        job.setNumber(job.workflow().pipeline().project().nextJobNumber());
        index.addNumberedJob(job);
    }

    private void changeJob(Job job, JobStatus status, Instant at) {
        JobStatus old = job.status();
        job.setStatus(status);
        log.job(job, old, status, at);
    }

    private void changeWorkflow(Workflow workflow, WorkflowStatus status, Instant at) {
        WorkflowStatus old = workflow.status();
        workflow.setStatus(status);
        if (status.isTerminal()) {
            workflow.setStoppedAt(at);
        }
        log.workflow(workflow, old, status, at);
    }

    private void changeState(Pipeline pipeline, PipelineState state, Instant at) {
        PipelineState old = pipeline.state();
        pipeline.setState(state, at);
        log.pipeline(pipeline, old, state, at);
    }

    private static Instant earliest(Instant first, Instant second) {
        if (first == null) {
            return second;
        }
        return second == null || first.isBefore(second) ? first : second;
    }
}
