package io.circlebridge.simulator.scenario;

import io.circlebridge.simulator.model.WorkflowSnapshot;
import io.circlebridge.simulator.model.WorkflowStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A workflow of a simulated pipeline. Changed only by {@link Progression} under the {@link Simulation}'s lock. */
public final class Workflow {

    private final String id;
    private final Pipeline pipeline;
    private final WorkflowPlan plan;
    private final String startedBy;
    private final Instant createdAt;
    private final List<Job> jobs = new ArrayList<>();
    private WorkflowStatus status = WorkflowStatus.RUNNING;
    private Instant stoppedAt;
    private String canceledBy;

    Workflow(String id, Pipeline pipeline, WorkflowPlan plan, String startedBy, Instant createdAt) {
        this.id = id;
        this.pipeline = pipeline;
        this.plan = plan;
        this.startedBy = startedBy;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public String name() {
        return plan.name();
    }

    /** Returns {@code "setup"} for a dynamic-config setup workflow, else {@code null}. */
    public String tag() {
        return plan.tag();
    }

    /** Returns the id of the user who started the workflow. */
    public String startedBy() {
        return startedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public WorkflowStatus status() {
        return status;
    }

    /** Returns when the workflow reached a terminal status, or {@code null}. */
    public Instant stoppedAt() {
        return stoppedAt;
    }

    /** Returns the id of the user who canceled the workflow, or {@code null}. */
    public String canceledBy() {
        return canceledBy;
    }

    /** Returns the jobs in the order the workflow's config lists them. */
    public List<Job> jobs() {
        return Collections.unmodifiableList(jobs);
    }

    /** Returns a copy of the workflow's current state with its jobs. */
    public WorkflowSnapshot snapshot() {
        return new WorkflowSnapshot(id, name(), status, createdAt, stoppedAt, jobs.stream().map(Job::snapshot).toList());
    }

    /** Returns when the scenario cancels this workflow, or {@code null} when it never does. */
    Instant cancelAt() {
        return plan.cancelAfter() == null ? null : createdAt.plus(plan.cancelAfter());
    }

    WorkflowPlan plan() {
        return plan;
    }

    void addJob(Job job) {
        jobs.add(job);
    }

    void setStatus(WorkflowStatus status) {
        this.status = status;
    }

    void setStoppedAt(Instant stoppedAt) {
        this.stoppedAt = stoppedAt;
    }

    void setCanceledBy(String canceledBy) {
        this.canceledBy = canceledBy;
    }
}
