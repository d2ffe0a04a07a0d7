package io.circlebridge.simulator.model;

import java.time.Instant;
import java.util.List;

/**
 * A pipeline with its workflows and jobs as they stood when the snapshot was taken.
 *
 * @param branch the branch the pipeline built; {@code null} for tag pipelines
 * @param tag the tag the pipeline built; {@code null} for branch pipelines
 * @param workflows empty while the pipeline's workflows are not created yet, and for errored pipelines
 */
public record PipelineSnapshot(
        String id,
        String projectSlug,
        long number,
        PipelineState state,
        String branch,
        String tag,
        Instant createdAt,
        List<WorkflowSnapshot> workflows) {

    public PipelineSnapshot {
        workflows = List.copyOf(workflows);
    }
}
