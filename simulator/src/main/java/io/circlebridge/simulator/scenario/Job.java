package io.circlebridge.simulator.scenario;

import io.circlebridge.simulator.model.JobSnapshot;
import io.circlebridge.simulator.model.JobStatus;
import io.circlebridge.simulator.model.JobType;
import java.time.Instant;
import java.util.List;

/** A job of a simulated workflow. Changed only by {@link Progression} under the {@link Simulation}'s lock. */
public final class Job {

    private final String id;
    private final Workflow workflow;
    private final JobPlan plan;
    private final List<Job> dependencies;
    private final Instant createdAt;
    private JobStatus status;
    private Long number;
    private Instant queuedAt;
    private Instant startedAt;
    private Instant stoppedAt;
    private String approvedBy;

    Job(String id, Workflow workflow, JobPlan plan, List<Job> dependencies, Instant createdAt, JobStatus status) {
        this.id = id;
        this.workflow = workflow;
        this.plan = plan;
        this.dependencies = List.copyOf(dependencies);
        this.createdAt = createdAt;
        this.status = status;
    }

    public String id() {
        return id;
    }

    public Workflow workflow() {
        return workflow;
    }

    public String name() {
        return plan.name();
    }

    public JobType type() {
        return plan.type();
    }

    public List<Job> dependencies() {
        return dependencies;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public JobStatus status() {
        return status;
    }

    /** Returns the project-wide job number, or {@code null} before the job is queued or put on hold. */
    public Long number() {
        return number;
    }

    /** Returns when the job was queued, or {@code null}. */
    public Instant queuedAt() {
        return queuedAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant stoppedAt() {
        return stoppedAt;
    }

    /** Returns the id of the user who approved this approval job, or {@code null}. */
    public String approvedBy() {
        return approvedBy;
    }

    /** Returns a copy of the job's current state. */
    public JobSnapshot snapshot() {
        List<String> dependencyIds = dependencies.stream().map(Job::id).toList();
        return new JobSnapshot(id, name(), type(), status, number, dependencyIds, startedAt, stoppedAt);
    }

    JobPlan plan() {
        return plan;
    }

    /** Returns when this job changes on its own next, or {@code null} when only another event can change it. */
    Instant nextChangeAt() {
        return switch (status) {
            case NOT_RUNNING -> createdAt.plus(plan.pickupDelay());
            case QUEUED -> queuedAt.plus(plan.queueDelay());
            case RUNNING -> startedAt.plus(plan.runDuration());
            default -> null;
        };
    }

    void setStatus(JobStatus status) {
        this.status = status;
    }

    void setNumber(long number) {
        this.number = number;
    }

    void setQueuedAt(Instant queuedAt) {
        this.queuedAt = queuedAt;
    }

    void setStartedAt(Instant startedAt) {
        this.startedAt = startedAt;
    }

    void setStoppedAt(Instant stoppedAt) {
        this.stoppedAt = stoppedAt;
    }

    void setApprovedBy(String approvedBy) {
        this.approvedBy = approvedBy;
    }
}
