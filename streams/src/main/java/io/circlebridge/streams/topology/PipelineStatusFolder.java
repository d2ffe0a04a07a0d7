package io.circlebridge.streams.topology;

import io.circlebridge.schema.JobEvent;
import io.circlebridge.schema.JobSummary;
import io.circlebridge.schema.PipelineEvent;
import io.circlebridge.schema.PipelineState;
import io.circlebridge.schema.PipelineStatus;
import io.circlebridge.schema.WorkflowEvent;
import io.circlebridge.schema.WorkflowSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Folds pipeline, workflow and job events into a {@link PipelineStatus}, one event at a time.
 *
 * <p>Every method is a pure function: it never changes the status it is given and returns either that same instance
 * (when the event changes nothing) or a new one. A null status means that no event of the pipeline was folded yet.
 *
 * <p>Folding is safe against duplicates and reordering. Each entity carries the time the poller observed it: the
 * pipeline state in {@code state_observed_at}, each workflow and job in its summary's {@code observed_at}. An event
 * observed before what the status holds for its entity is ignored. An event observed at the same time replaces the
 * entity, so folding a duplicate again yields an equal status. Workflows are sorted by creation and jobs by their
 * workflow's position, so the result does not depend on the order in which different entities arrive.
 */
public final class PipelineStatusFolder {

    private static final Comparator<Instant> TIME_NULLS_LAST = Comparator.nullsLast(Comparator.naturalOrder());
    private static final Comparator<WorkflowSummary> CREATION_ORDER = Comparator
            .comparing(WorkflowSummary::getCreatedAt, TIME_NULLS_LAST)
            .thenComparing(WorkflowSummary::getWorkflowId);

    private PipelineStatusFolder() {
    }

    /** Applies a pipeline event: the pipeline's state and git fields, unless the status contains a later state. */
    public static PipelineStatus apply(PipelineEvent event, PipelineStatus status) {
        Instant stateObservedAt = status == null ? null : status.getStateObservedAt();
        if (stateObservedAt != null && event.getObservedAt().isBefore(stateObservedAt)) {
            return status;
        }

        PipelineStatus.Builder next = copyOrCreate(status, event.getPipelineId(), event.getObservedAt());
        next.setProjectSlug(event.getProjectSlug())
                .setNumber(event.getNumber() != null ? event.getNumber() : next.getNumber())
                .setBranch(event.getBranch())
                .setTag(event.getTag())
                .setRevision(event.getRevision())
                .setState(event.getState())
                .setStateRaw(event.getStateRaw())
                .setStateObservedAt(event.getObservedAt())
                .setCreatedAt(event.getCreatedAt() != null ? event.getCreatedAt() : next.getCreatedAt());
        return finish(next, event.getObservedAt());
    }

    /**
     * Applies a workflow event: adds or replaces the workflow's summary, unless the status contains a later
     * observation of that workflow. Fills the project slug and pipeline number while no pipeline event has set them.
     */
    public static PipelineStatus apply(WorkflowEvent event, PipelineStatus status) {
        List<WorkflowSummary> workflows = status == null ? List.of() : status.getWorkflows();
        WorkflowSummary known = find(workflows, WorkflowSummary::getWorkflowId, event.getWorkflowId());
        if (known != null && event.getObservedAt().isBefore(known.getObservedAt())) {
            return status;
        }

        WorkflowSummary summary = WorkflowSummary.newBuilder()
                .setWorkflowId(event.getWorkflowId())
                .setName(eventOrKnown(event.getName(), known, WorkflowSummary::getName))
                .setStatus(event.getStatus())
                .setStatusRaw(event.getStatusRaw())
                .setCreatedAt(eventOrKnown(event.getCreatedAt(), known, WorkflowSummary::getCreatedAt))
                .setStoppedAt(event.getStoppedAt())
                .setObservedAt(event.getObservedAt())
                .build();

        PipelineStatus.Builder next = copyOrCreate(status, event.getPipelineId(), event.getObservedAt());
        fillPipelineIdentity(next, event.getProjectSlug(), event.getPipelineNumber());
        next.setWorkflows(replace(workflows, WorkflowSummary::getWorkflowId, summary));
        return finish(next, event.getObservedAt());
    }

    /**
     * Applies a job event: adds or replaces the job's summary, unless the status contains a later observation of
     * that job. Fills the project slug while no other event has set it.
     */
    public static PipelineStatus apply(JobEvent event, PipelineStatus status) {
        List<JobSummary> jobs = status == null ? List.of() : status.getJobs();
        JobSummary known = find(jobs, JobSummary::getJobId, event.getJobId());
        if (known != null && event.getObservedAt().isBefore(known.getObservedAt())) {
            return status;
        }

        JobSummary summary = JobSummary.newBuilder()
                .setJobId(event.getJobId())
                .setWorkflowId(event.getWorkflowId())
                .setName(eventOrKnown(event.getName(), known, JobSummary::getName))
                .setStatus(event.getStatus())
                .setStatusRaw(event.getStatusRaw())
                .setObservedAt(event.getObservedAt())
                .build();

        PipelineStatus.Builder next = copyOrCreate(status, event.getPipelineId(), event.getObservedAt());
        fillPipelineIdentity(next, event.getProjectSlug(), null);
        next.setJobs(replace(jobs, JobSummary::getJobId, summary));
        return finish(next, event.getObservedAt());
    }

    private static PipelineStatus.Builder copyOrCreate(PipelineStatus status, String pipelineId, Instant observedAt) {
        if (status == null) {
            return PipelineStatus.newBuilder()
                    .setPipelineId(pipelineId)
                    .setState(PipelineState.UNKNOWN)
                    .setWorkflows(List.of())
                    .setJobs(List.of())
                    .setJobCounts(Map.of())
                    .setUpdatedAt(observedAt);
        }
        // Fields are copied one by one instead of through newBuilder(status): the lists are replaced, never changed
        // in place, so sharing them between the old and the new status is safe and avoids a deep copy per event.
        return PipelineStatus.newBuilder()
                .setPipelineId(status.getPipelineId())
                .setProjectSlug(status.getProjectSlug())
                .setNumber(status.getNumber())
                .setBranch(status.getBranch())
                .setTag(status.getTag())
                .setRevision(status.getRevision())
                .setState(status.getState())
                .setStateRaw(status.getStateRaw())
                .setStateObservedAt(status.getStateObservedAt())
                .setOverallStatus(status.getOverallStatus())
                .setWorkflows(status.getWorkflows())
                .setJobs(status.getJobs())
                .setJobCounts(status.getJobCounts())
                .setCreatedAt(status.getCreatedAt())
                .setUpdatedAt(status.getUpdatedAt());
    }

    private static void fillPipelineIdentity(PipelineStatus.Builder next, String projectSlug, Long number) {
        if (next.getProjectSlug() == null) {
            next.setProjectSlug(projectSlug);
        }
        if (next.getNumber() == null) {
            next.setNumber(number);
        }
    }

    /** Sorts the lists, recomputes the derived fields and moves {@code updated_at} forward to {@code observedAt}. */
    private static PipelineStatus finish(PipelineStatus.Builder next, Instant observedAt) {
        List<WorkflowSummary> workflows = new ArrayList<>(next.getWorkflows());
        workflows.sort(CREATION_ORDER);
        List<JobSummary> jobs = sortJobs(next.getJobs(), workflows);

        return next.setWorkflows(List.copyOf(workflows))
                .setJobs(jobs)
                .setJobCounts(countByStatus(jobs))
                .setOverallStatus(OverallStatusRule.derive(next.getState(), workflows))
                .setUpdatedAt(next.getUpdatedAt().isAfter(observedAt) ? next.getUpdatedAt() : observedAt)
                .build();
    }

    /** Groups jobs by their workflow in creation order (jobs of unknown workflows last), then by name and id. */
    private static List<JobSummary> sortJobs(List<JobSummary> jobs, List<WorkflowSummary> workflows) {
        Map<String, Integer> workflowPosition = new HashMap<>();
        for (int i = 0; i < workflows.size(); i++) {
            workflowPosition.put(workflows.get(i).getWorkflowId(), i);
        }
        Comparator<JobSummary> order = Comparator
                .comparing((JobSummary job) -> workflowPosition.getOrDefault(job.getWorkflowId(), Integer.MAX_VALUE))
                .thenComparing(JobSummary::getWorkflowId)
                .thenComparing(JobSummary::getName, Comparator.nullsLast(Comparator.<String>naturalOrder()))
                .thenComparing(JobSummary::getJobId);

        List<JobSummary> sorted = new ArrayList<>(jobs);
        sorted.sort(order);
        return List.copyOf(sorted);
    }

    /** Counts jobs per normalized status name; a sorted map keeps the serialized bytes stable. */
    private static Map<String, Integer> countByStatus(List<JobSummary> jobs) {
        Map<String, Integer> counts = new TreeMap<>();
        for (JobSummary job : jobs) {
            counts.merge(job.getStatus().name(), 1, Integer::sum);
        }
        return counts;
    }

    /** Keeps a field CircleCI never changes, such as a name, when a later event leaves it out. */
    private static <T, V> V eventOrKnown(V fromEvent, T known, Function<T, V> field) {
        return fromEvent != null || known == null ? fromEvent : field.apply(known);
    }

    private static <T> T find(List<T> items, Function<T, String> id, String searchedId) {
        for (T item : items) {
            if (id.apply(item).equals(searchedId)) {
                return item;
            }
        }
        return null;
    }

    private static <T> List<T> replace(List<T> items, Function<T, String> id, T replacement) {
        List<T> result = new ArrayList<>(items.size() + 1);
        String replacedId = id.apply(replacement);
        for (T item : items) {
            if (!id.apply(item).equals(replacedId)) {
                result.add(item);
            }
        }
        result.add(replacement);
        return result;
    }
}
