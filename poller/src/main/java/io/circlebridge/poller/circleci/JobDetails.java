package io.circlebridge.poller.circleci;

import java.time.Instant;
import java.util.List;

/**
 * Details of a build job, as returned by {@code GET /project/{slug}/job/{number}}. Every scalar field may be null and
 * every list is empty rather than null. CircleCI returns 404 for approval jobs, which have no details.
 *
 * @param number project-scoped job number
 * @param name job name from the config
 * @param status status as received
 * @param webUrl link to the job in the CircleCI web app
 * @param projectId project id
 * @param projectSlug project slug as CircleCI sent it
 * @param projectName project name
 * @param projectExternalUrl repository URL
 * @param organizationName organization name
 * @param pipelineId id of the job's pipeline
 * @param latestWorkflowId id of the latest workflow that ran the job
 * @param latestWorkflowName name of that workflow
 * @param executorType executor type, for example {@code docker} or {@code machine}
 * @param executorResourceClass resource class, for example {@code medium}
 * @param parallelism configured parallelism
 * @param parallelRuns status of each parallel run
 * @param createdAt creation time
 * @param queuedAt time the job was queued
 * @param startedAt start time
 * @param stoppedAt stop time; null while the job runs
 * @param durationMillis run time in milliseconds; null while the job runs
 * @param messages messages CircleCI attached to the job, for example warnings
 * @param contexts names of the contexts the job uses
 */
public record JobDetails(Long number, String name, String status, String webUrl, String projectId,
        String projectSlug, String projectName, String projectExternalUrl, String organizationName, String pipelineId,
        String latestWorkflowId, String latestWorkflowName, String executorType, String executorResourceClass,
        Long parallelism, List<ParallelRun> parallelRuns, Instant createdAt, Instant queuedAt, Instant startedAt,
        Instant stoppedAt, Long durationMillis, List<Message> messages, List<String> contexts) {

    /** Replaces null lists with empty ones and copies them. */
    public JobDetails {
        parallelRuns = parallelRuns == null ? List.of() : List.copyOf(parallelRuns);
        messages = messages == null ? List.of() : List.copyOf(messages);
        contexts = contexts == null ? List.of() : List.copyOf(contexts);
    }

    /**
     * One parallel run (container) of the job.
     *
     * @param index zero-based run index
     * @param status status of that run as received
     */
    public record ParallelRun(Long index, String status) {
    }

    /**
     * A message CircleCI attached to the job.
     *
     * @param type message type as received
     * @param message message text
     * @param reason reason, when CircleCI gives one
     */
    public record Message(String type, String message, String reason) {
    }
}
