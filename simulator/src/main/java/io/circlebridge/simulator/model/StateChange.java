package io.circlebridge.simulator.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One status change that the simulator made, as an entry of its ground-truth log.
 *
 * <p>A creation is a change from {@code null} to the first status. Statuses are CircleCI's wire values
 * ({@code "on_hold"}, {@code "setup-pending"}), never the values that a fault mode shows in responses.
 *
 * @param sequence position in the log, starting at 1
 * @param at simulated time of the change, which is the time the API reports for it
 * @param kind which entity changed
 * @param projectSlug the project's slug in its short form, such as {@code gh/example-org/example-repo}
 * @param pipelineId the pipeline, or the pipeline that contains the workflow or job
 * @param workflowId the workflow, or the workflow that contains the job; {@code null} for pipeline changes
 * @param jobId the job; {@code null} for pipeline and workflow changes
 * @param name the workflow or job name; {@code null} for pipelines
 * @param oldStatus the status before the change; {@code null} when the entity was created
 * @param newStatus the status after the change
 */
public record StateChange(
        long sequence,
        Instant at,
        EntityKind kind,
        String projectSlug,
        String pipelineId,
        String workflowId,
        String jobId,
        String name,
        String oldStatus,
        String newStatus) {

    public StateChange {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pipelineId, "pipelineId");
        Objects.requireNonNull(newStatus, "newStatus");
    }

    /** Returns the id of the entity that changed: the job, workflow or pipeline id, depending on {@link #kind()}. */
    public String entityId() {
        return switch (kind) {
            case PIPELINE -> pipelineId;
            case WORKFLOW -> workflowId;
            case JOB -> jobId;
        };
    }

    /** Returns whether this change created the entity. */
    public boolean isCreation() {
        return oldStatus == null;
    }
}
