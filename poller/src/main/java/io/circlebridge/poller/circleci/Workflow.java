package io.circlebridge.poller.circleci;

import java.time.Instant;

/**
 * A workflow of a pipeline, as returned by {@code GET /workflow/{id}} and {@code GET /pipeline/{id}/workflow}. Every
 * field may be null. A rerun creates a new workflow id with the same name.
 *
 * @param id workflow id
 * @param pipelineId id of the pipeline the workflow belongs to
 * @param pipelineNumber number of that pipeline
 * @param projectSlug project slug as CircleCI sent it
 * @param name workflow name from the config
 * @param status status as received ({@code running}, {@code success}, {@code failed}, {@code on_hold},
 *     {@code queued}, ... or a newer value)
 * @param createdAt creation time
 * @param stoppedAt time the workflow finished; null while it runs
 * @param tag {@code setup} for the setup workflow of a dynamic-config pipeline, otherwise null
 */
public record Workflow(String id, String pipelineId, Long pipelineNumber, String projectSlug, String name,
        String status, Instant createdAt, Instant stoppedAt, String tag) {
}
