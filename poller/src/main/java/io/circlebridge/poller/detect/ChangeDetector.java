package io.circlebridge.poller.detect;

import io.circlebridge.poller.circleci.CircleCiClient;
import io.circlebridge.poller.circleci.CircleCiException;
import io.circlebridge.poller.circleci.Job;
import io.circlebridge.poller.circleci.PagedResult;
import io.circlebridge.poller.circleci.Pipeline;
import io.circlebridge.poller.circleci.Workflow;
import io.circlebridge.poller.kafka.EventMapper;
import io.circlebridge.schema.PipelineState;
import io.circlebridge.status.Statuses;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds what changed in one project since the last committed checkpoints: new pipelines, pipeline state changes, and
 * every new or changed workflow and job of the pipelines that are not finished yet.
 *
 * <p>CircleCI has no "changed since" filter, so new pipelines are found on the first pages of the project's list, and
 * each unfinished pipeline's workflows (and the jobs of each workflow that is not settled) are read again on every
 * poll. A failing call skips only the part it was reading; that part is read again on the next poll.
 */
public final class ChangeDetector {

    private static final Logger log = LoggerFactory.getLogger(ChangeDetector.class);

    private final CircleCiClient client;
    private final Clock clock;
    private final Duration workflowGrace;
    private final Duration settleTime;
    private final int pipelinePages;
    private final FailureLog failures = new FailureLog();

    /**
     * @param workflowGrace how long a pipeline without workflows, or a finished workflow with jobs of unknown status,
     *     is still polled
     * @param settleTime how long a pipeline whose workflows have all settled is still polled for new workflows
     * @param pipelinePages pages of the project's newest pipelines read per poll to find new pipelines
     */
    public ChangeDetector(CircleCiClient client, Clock clock, Duration workflowGrace, Duration settleTime,
                          int pipelinePages) {
        this.client = client;
        this.clock = clock;
        this.workflowGrace = workflowGrace;
        this.settleTime = settleTime;
        this.pipelinePages = pipelinePages;
    }

    /**
     * Polls {@code projectSlug} against {@code known}, the committed checkpoints of all projects by pipeline id.
     * {@code known} is not modified.
     */
    public PollResult poll(String projectSlug, Map<String, PipelineCheckpoint> known) {
        PollResult result = new PollResult(projectSlug);
        Instant observedAt = clock.instant();

        PagedResult<Pipeline> listing = listPipelines(projectSlug, result);
        List<Pipeline> listed = listing.items();
        Map<String, PipelineCheckpoint> current = new LinkedHashMap<>();
        for (Pipeline pipeline : listed) {
            if (pipeline.id() == null) {
                continue;
            }
            PipelineCheckpoint checkpoint = known.get(pipeline.id());
            if (checkpoint == null) {
                checkpoint = PipelineCheckpoint.firstSeen(pipeline.id(), projectSlug, pipeline.number(),
                        pipeline.state(), observedAt);
                result.pipelineEvents().add(EventMapper.pipelineEvent(pipeline, projectSlug, observedAt));
            } else if (!Objects.equals(checkpoint.state(), pipeline.state())) {
                checkpoint = checkpoint.withState(pipeline.state());
                result.pipelineEvents().add(EventMapper.pipelineEvent(pipeline, projectSlug, observedAt));
            }
            current.put(pipeline.id(), checkpoint);
        }
        known.values().stream()
                .filter(checkpoint -> projectSlug.equals(checkpoint.projectSlug()))
                .filter(checkpoint -> !current.containsKey(checkpoint.pipelineId()))
                .forEach(checkpoint -> current.put(checkpoint.pipelineId(),
                        refreshUnlistedState(checkpoint, projectSlug, result)));

        for (PipelineCheckpoint checkpoint : current.values()) {
            PipelineCheckpoint updated = checkpoint.finished() ? checkpoint : pollPipeline(checkpoint, result);
            if (!updated.equals(known.get(updated.pipelineId()))) {
                result.checkpoints().put(updated.pipelineId(), updated);
            }
        }

        if (listing.endedNormally()) {
            // A listing cut short by a fault may miss pipelines that are still on CircleCI's first pages. Forgetting
            // their checkpoints would make the next full listing write their whole history again.
            forgetPipelinesOffTheList(listed, current, result);
        }
        failures.pollEnded(projectSlug, result.failedCalls());
        return result;
    }

    private PagedResult<Pipeline> listPipelines(String projectSlug, PollResult result) {
        try {
            PagedResult<Pipeline> page = client.listProjectPipelines(projectSlug, null, pipelinePages);
            if (!page.endedNormally()) {
                result.addFailedCall();
            }
            return page;
        } catch (CircleCiException e) {
            result.addFailedCall();
            failures.failed(projectSlug, "listing the pipelines of " + projectSlug, e);
            return new PagedResult<>(List.of(), false, e.getMessage());
        }
    }

    /**
     * Reads the state of an unfinished pipeline that is no longer on the listed pages while it is in a passing state
     * (setup-pending, setup, pending or one this bridge does not know), so that state does not stay frozen.
     */
    private PipelineCheckpoint refreshUnlistedState(PipelineCheckpoint checkpoint, String projectSlug,
                                                    PollResult result) {
        PipelineState state = Statuses.pipelineState(checkpoint.state());
        if (checkpoint.finished() || state == PipelineState.CREATED || state == PipelineState.ERRORED) {
            return checkpoint;
        }
        Instant observedAt = clock.instant();
        try {
            Pipeline pipeline = client.getPipeline(checkpoint.pipelineId());
            if (Objects.equals(checkpoint.state(), pipeline.state())) {
                return checkpoint;
            }
            result.pipelineEvents().add(EventMapper.pipelineEvent(pipeline, projectSlug, observedAt));
            return checkpoint.withState(pipeline.state());
        } catch (CircleCiException e) {
            if (e.kind() != CircleCiException.Kind.NOT_FOUND) {
                result.addFailedCall();
                failures.failed(projectSlug, "reading pipeline " + checkpoint.pipelineId(), e);
            }
            return checkpoint;
        }
    }

    private PipelineCheckpoint pollPipeline(PipelineCheckpoint checkpoint, PollResult result) {
        Instant observedAt = clock.instant();
        List<Workflow> workflows;
        try {
            workflows = readAll(client.listPipelineWorkflows(checkpoint.pipelineId()), result);
        } catch (CircleCiException e) {
            if (e.kind() == CircleCiException.Kind.NOT_FOUND) {
                // CircleCI no longer has the pipeline, for example because its data expired, so polling it is pointless.
                log.info("Pipeline {} ({} #{}) is not found any more; it is no longer polled.",
                        checkpoint.pipelineId(), checkpoint.projectSlug(), checkpoint.number());
                return checkpoint.withFinished(true);
            }
            result.addFailedCall();
            failures.failed(checkpoint.projectSlug(), "listing the workflows of pipeline " + checkpoint.pipelineId()
                    + " (" + checkpoint.projectSlug() + " #" + checkpoint.number() + ")", e);
            return checkpoint;
        }

        Map<String, String> workflowStatuses = new LinkedHashMap<>(checkpoint.workflows());
        Set<String> settled = new LinkedHashSet<>(checkpoint.settledWorkflows());
        Map<String, String> jobStatuses = new LinkedHashMap<>(checkpoint.jobs());
        for (Workflow workflow : workflows) {
            if (workflow.id() == null) {
                continue;
            }
            if (!workflowStatuses.containsKey(workflow.id())
                    || !Objects.equals(workflowStatuses.get(workflow.id()), workflow.status())) {
                workflowStatuses.put(workflow.id(), workflow.status());
                result.workflowEvents().add(EventMapper.workflowEvent(workflow, checkpoint, observedAt));
                // A settled workflow whose status changed must settle again on its new status. Otherwise the pipeline
                // could finish with a status that CircleCI later replaces, such as an unknown one.
                settled.remove(workflow.id());
            }
            if (settled.contains(workflow.id())) {
                continue;
            }
            List<Job> jobs = pollJobs(workflow, checkpoint, jobStatuses, result);
            if (jobs != null && isSettled(workflow, jobs, observedAt)) {
                settled.add(workflow.id());
            }
        }

        PipelineCheckpoint updated = checkpoint.withWorkflows(workflowStatuses, settled).withJobs(jobStatuses);
        boolean allSettled = !workflowStatuses.isEmpty() && settled.containsAll(workflowStatuses.keySet());
        if (!allSettled) {
            updated = updated.withSettledSince(null);
        } else if (updated.settledSince() == null) {
            updated = updated.withSettledSince(observedAt);
        }
        return updated.withFinished(isFinished(updated, observedAt));
    }

    /**
     * A workflow is settled when it and all its jobs are in a final status, so reading its jobs again would change
     * nothing. A job status this bridge does not know is not taken as final, unless the workflow stopped longer than
     * the grace period ago: a status CircleCI adds later then stops costing requests.
     */
    private boolean isSettled(Workflow workflow, List<Job> jobs, Instant now) {
        if (!Statuses.isTerminal(Statuses.workflowStatus(workflow.status()))) {
            return false;
        }
        boolean jobsFinal = jobs.stream().allMatch(job -> Statuses.isTerminal(Statuses.jobStatus(job.status())));
        boolean stoppedLongAgo = workflow.stoppedAt() != null
                && Duration.between(workflow.stoppedAt(), now).compareTo(workflowGrace) > 0;
        return jobsFinal || stoppedLongAgo;
    }

    /**
     * Reads the jobs of {@code workflow} and adds events for changes. Returns the jobs, or null when the call failed
     * or stopped before the last page, so the workflow is read again next time.
     */
    private List<Job> pollJobs(Workflow workflow, PipelineCheckpoint checkpoint, Map<String, String> jobStatuses,
                               PollResult result) {
        Instant observedAt = clock.instant();
        PagedResult<Job> page;
        try {
            page = client.listWorkflowJobs(workflow.id());
        } catch (CircleCiException e) {
            result.addFailedCall();
            failures.failed(checkpoint.projectSlug(), "listing the jobs of workflow " + workflow.id()
                    + " of pipeline " + checkpoint.pipelineId(), e);
            return null;
        }
        collectJobEvents(page.items(), workflow, checkpoint, jobStatuses, observedAt, result);
        if (!page.complete()) {
            result.addFailedCall();
            return null;
        }
        return page.items();
    }

    private static void collectJobEvents(List<Job> jobs, Workflow workflow, PipelineCheckpoint checkpoint,
                                         Map<String, String> jobStatuses, Instant observedAt, PollResult result) {
        for (Job job : jobs) {
            if (job.id() == null) {
                continue;
            }
            if (!jobStatuses.containsKey(job.id()) || !Objects.equals(jobStatuses.get(job.id()), job.status())) {
                jobStatuses.put(job.id(), job.status());
                result.jobEvents().add(EventMapper.jobEvent(job, workflow.id(), checkpoint, observedAt));
            }
        }
    }

    private <T> List<T> readAll(PagedResult<T> page, PollResult result) {
        if (!page.complete()) {
            result.addFailedCall();
        }
        return page.items();
    }

    /**
     * A pipeline is finished when CircleCI will not change it any more: it errored, or every workflow has been settled
     * for the settle time, or it got no workflow within the grace period (branch filters can leave a pipeline without
     * any).
     *
     * <p>NOTE: a rerun of a workflow in a finished pipeline creates a new workflow that this poller does not see,
     * because finished pipelines are not read again and CircleCI does not move the pipeline's updated_at on reruns.
     */
    private boolean isFinished(PipelineCheckpoint checkpoint, Instant now) {
        if (Statuses.pipelineState(checkpoint.state()) == PipelineState.ERRORED) {
            return true;
        }
        if (checkpoint.workflows().isEmpty()) {
            return checkpoint.firstSeenAt() != null
                    && Duration.between(checkpoint.firstSeenAt(), now).compareTo(workflowGrace) > 0;
        }
        return checkpoint.settledSince() != null
                && Duration.between(checkpoint.settledSince(), now).compareTo(settleTime) >= 0;
    }

    /**
     * Forgets finished pipelines older than every pipeline on the pages just read: they cannot appear on those pages
     * again, so no checkpoint is needed to recognise them.
     */
    private static void forgetPipelinesOffTheList(List<Pipeline> listed, Map<String, PipelineCheckpoint> current,
                                                  PollResult result) {
        OptionalLong oldestListed = listed.stream()
                .map(Pipeline::number)
                .filter(Objects::nonNull)
                .mapToLong(Long::longValue)
                .min();
        if (oldestListed.isEmpty()) {
            return;
        }
        Map<String, PipelineCheckpoint> latest = new HashMap<>(current);
        latest.putAll(result.checkpoints());
        List<String> forgotten = new ArrayList<>();
        for (PipelineCheckpoint checkpoint : latest.values()) {
            if (checkpoint.finished() && checkpoint.number() != null && checkpoint.number() < oldestListed.getAsLong()) {
                forgotten.add(checkpoint.pipelineId());
            }
        }
        forgotten.forEach(id -> {
            result.checkpoints().remove(id);
            result.forgottenPipelines().add(id);
        });
    }
}
