package io.circlebridge.poller.detect;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The poller's last written view of one pipeline: its state, the status of each workflow and job, and which parts need
 * no more polling. It is stored in the checkpoint topic in the same transaction as the events, so after a restart the
 * poller neither repeats nor misses a transition.
 *
 * <p>Status maps hold CircleCI's raw strings; a null value means the entity was seen without a status.
 *
 * @param settledWorkflows workflows seen in a final status whose jobs were read afterwards, so their jobs are final
 * @param settledSince when every known workflow was first seen settled; null while one is not. CircleCI can create
 *     more workflows after that (a setup workflow continues into others), so the pipeline is polled a while longer
 * @param finished true when nothing in the pipeline can change any more and polling it would waste requests
 */
public record PipelineCheckpoint(
        String pipelineId,
        String projectSlug,
        Long number,
        String state,
        Instant firstSeenAt,
        Map<String, String> workflows,
        Map<String, String> jobs,
        Set<String> settledWorkflows,
        Instant settledSince,
        boolean finished) {

    public PipelineCheckpoint {
        workflows = Collections.unmodifiableMap(new LinkedHashMap<>(workflows == null ? Map.of() : workflows));
        jobs = Collections.unmodifiableMap(new LinkedHashMap<>(jobs == null ? Map.of() : jobs));
        settledWorkflows = Collections.unmodifiableSet(
                new LinkedHashSet<>(settledWorkflows == null ? Set.of() : settledWorkflows));
    }

    /** A checkpoint of a pipeline seen for the first time, before any of its workflows. */
    public static PipelineCheckpoint firstSeen(String pipelineId, String projectSlug, Long number, String state,
                                               Instant seenAt) {
        return new PipelineCheckpoint(pipelineId, projectSlug, number, state, seenAt, Map.of(), Map.of(), Set.of(),
                null, false);
    }

    public PipelineCheckpoint withState(String newState) {
        return new PipelineCheckpoint(pipelineId, projectSlug, number, newState, firstSeenAt, workflows, jobs,
                settledWorkflows, settledSince, finished);
    }

    public PipelineCheckpoint withWorkflows(Map<String, String> newWorkflows, Set<String> newSettled) {
        return new PipelineCheckpoint(pipelineId, projectSlug, number, state, firstSeenAt, newWorkflows, jobs,
                newSettled, settledSince, finished);
    }

    public PipelineCheckpoint withJobs(Map<String, String> newJobs) {
        return new PipelineCheckpoint(pipelineId, projectSlug, number, state, firstSeenAt, workflows, newJobs,
                settledWorkflows, settledSince, finished);
    }

    public PipelineCheckpoint withSettledSince(Instant newSettledSince) {
        return new PipelineCheckpoint(pipelineId, projectSlug, number, state, firstSeenAt, workflows, jobs,
                settledWorkflows, newSettledSince, finished);
    }

    public PipelineCheckpoint withFinished(boolean newFinished) {
        return new PipelineCheckpoint(pipelineId, projectSlug, number, state, firstSeenAt, workflows, jobs,
                settledWorkflows, settledSince, newFinished);
    }
}
