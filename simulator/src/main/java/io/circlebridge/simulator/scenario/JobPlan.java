package io.circlebridge.simulator.scenario;

import io.circlebridge.simulator.model.JobType;
import java.time.Duration;
import java.util.List;

/**
 * How one job of a workflow will run.
 *
 * @param dependencies names of the jobs in the same workflow that must succeed first
 * @param pickupDelay how long a job without dependencies stays {@code not_running} before it is queued
 * @param queueDelay how long the job stays {@code queued}
 * @param runDuration how long the job stays {@code running}
 * @param fails whether the job ends {@code failed} instead of {@code success}
 */
public record JobPlan(
        String name,
        JobType type,
        List<String> dependencies,
        Duration pickupDelay,
        Duration queueDelay,
        Duration runDuration,
        boolean fails) {

    public JobPlan {
        dependencies = List.copyOf(dependencies);
    }
}
