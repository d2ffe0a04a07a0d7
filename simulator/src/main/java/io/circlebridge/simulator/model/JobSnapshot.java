package io.circlebridge.simulator.model;

import java.time.Instant;
import java.util.List;

/**
 * A job as it stood when the snapshot was taken.
 *
 * @param jobNumber the project-wide job number; {@code null} until the job is queued or put on hold
 * @param dependencies ids of the jobs this job waits for
 * @param startedAt {@code null} until the job starts
 * @param stoppedAt {@code null} until the job stops
 */
public record JobSnapshot(
        String id,
        String name,
        JobType type,
        JobStatus status,
        Long jobNumber,
        List<String> dependencies,
        Instant startedAt,
        Instant stoppedAt) {

    public JobSnapshot {
        dependencies = List.copyOf(dependencies);
    }
}
