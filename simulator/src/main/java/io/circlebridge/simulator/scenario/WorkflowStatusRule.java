package io.circlebridge.simulator.scenario;

import io.circlebridge.simulator.model.JobStatus;
import io.circlebridge.simulator.model.WorkflowStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Derives a workflow's status from its jobs' statuses. Cancellation is set directly, never derived. */
final class WorkflowStatusRule {

    private static final Set<JobStatus> MOVING = EnumSet.of(JobStatus.NOT_RUNNING, JobStatus.QUEUED, JobStatus.RUNNING);
    private static final Set<JobStatus> BROKEN =
            EnumSet.of(JobStatus.FAILED, JobStatus.INFRASTRUCTURE_FAIL, JobStatus.TIMEDOUT);

    private WorkflowStatusRule() {
    }

    /**
     * Derives the status: {@code failing} while a job failed and others still run or wait, {@code failed} once
     * none does, {@code on_hold} when only approvals (and the jobs behind them) wait, {@code success} when every
     * job is done, and {@code running} otherwise.
     */
    static WorkflowStatus derive(List<Job> jobs) {
        boolean broken = jobs.stream().anyMatch(job -> BROKEN.contains(job.status()));
        boolean moving = jobs.stream().anyMatch(job -> MOVING.contains(job.status()));
        boolean blocked = jobs.stream().anyMatch(job -> job.status() == JobStatus.BLOCKED);
        boolean onHold = jobs.stream().anyMatch(job -> job.status() == JobStatus.ON_HOLD);

        if (broken) {
            return moving || blocked ? WorkflowStatus.FAILING : WorkflowStatus.FAILED;
        }
        if (onHold) {
            return moving ? WorkflowStatus.RUNNING : WorkflowStatus.ON_HOLD;
        }
        if (jobs.stream().allMatch(job -> job.status().isTerminal())) {
            return WorkflowStatus.SUCCESS;
        }
        return WorkflowStatus.RUNNING;
    }
}
