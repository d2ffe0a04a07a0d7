package io.circlebridge.poller.circleci;

import java.time.Instant;
import java.util.List;

/**
 * A job of a workflow, as returned by {@code GET /workflow/{id}/job}. Every field except {@code dependencies} may be
 * null; list items carry no creation time.
 *
 * @param id job id
 * @param name job name from the config
 * @param type job type as received ({@code build}, {@code approval}, or a newer value)
 * @param status status as received ({@code running}, {@code success}, {@code blocked}, {@code on_hold},
 *     {@code infrastructure_fail}, ... or a newer value)
 * @param jobNumber project-scoped job number; approval jobs may have none
 * @param projectSlug project slug as CircleCI sent it
 * @param startedAt start time; null while the job has not started
 * @param stoppedAt stop time; null while the job runs
 * @param dependencies ids of the jobs this job waits for; empty, never null
 * @param approvalRequestId id to approve an approval job with; null for other job types
 */
public record Job(String id, String name, String type, String status, Long jobNumber, String projectSlug,
        Instant startedAt, Instant stoppedAt, List<String> dependencies, String approvalRequestId) {

    /** Replaces a null dependency list with an empty one and copies the list. */
    public Job {
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
    }
}
