package io.circlebridge.simulator.model;

import java.time.Instant;
import java.util.List;

/**
 * A workflow as it stood when the snapshot was taken.
 *
 * @param stoppedAt {@code null} while the workflow is not terminal
 */
public record WorkflowSnapshot(
        String id,
        String name,
        WorkflowStatus status,
        Instant createdAt,
        Instant stoppedAt,
        List<JobSnapshot> jobs) {

    public WorkflowSnapshot {
        jobs = List.copyOf(jobs);
    }
}
