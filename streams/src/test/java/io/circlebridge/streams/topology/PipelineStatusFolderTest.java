package io.circlebridge.streams.topology;

import static io.circlebridge.streams.topology.Events.PIPELINE_ID;
import static io.circlebridge.streams.topology.Events.PROJECT_SLUG;
import static io.circlebridge.streams.topology.Events.T0;
import static io.circlebridge.streams.topology.Events.at;
import static io.circlebridge.streams.topology.Events.job;
import static io.circlebridge.streams.topology.Events.pipeline;
import static io.circlebridge.streams.topology.Events.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.circlebridge.schema.JobEvent;
import io.circlebridge.schema.JobStatus;
import io.circlebridge.schema.JobSummary;
import io.circlebridge.schema.OverallStatus;
import io.circlebridge.schema.PipelineEvent;
import io.circlebridge.schema.PipelineState;
import io.circlebridge.schema.PipelineStatus;
import io.circlebridge.schema.WorkflowEvent;
import io.circlebridge.schema.WorkflowStatus;
import io.circlebridge.schema.WorkflowSummary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class PipelineStatusFolderTest {

    @Test
    void shouldCreateStatusFromPipelineEvent() {
        PipelineEvent event = pipeline(PipelineState.CREATED, 5);

        PipelineStatus status = PipelineStatusFolder.apply(event, null);

        assertThat(status.getPipelineId()).isEqualTo(PIPELINE_ID);
        assertThat(status.getProjectSlug()).isEqualTo(PROJECT_SLUG);
        assertThat(status.getNumber()).isEqualTo(42L);
        assertThat(status.getBranch()).isEqualTo("main");
        assertThat(status.getTag()).isNull();
        assertThat(status.getRevision()).isEqualTo("f454a02b5d10fcccfd7d9dd7608a76d6493a98b4");
        assertThat(status.getState()).isEqualTo(PipelineState.CREATED);
        assertThat(status.getStateRaw()).isEqualTo("created");
        assertThat(status.getStateObservedAt()).isEqualTo(at(5));
        assertThat(status.getCreatedAt()).isEqualTo(T0);
        assertThat(status.getUpdatedAt()).isEqualTo(at(5));
        assertThat(status.getOverallStatus()).isEqualTo(OverallStatus.PENDING);
        assertThat(status.getWorkflows()).isEmpty();
        assertThat(status.getJobs()).isEmpty();
        assertThat(status.getJobCounts()).isEmpty();
    }

    @Test
    void shouldApplyNewerPipelineEvent() {
        PipelineStatus created = PipelineStatusFolder.apply(pipeline(PipelineState.SETUP_PENDING, 5), null);

        PipelineStatus status = PipelineStatusFolder.apply(pipeline(PipelineState.ERRORED, 9), created);

        assertThat(status.getState()).isEqualTo(PipelineState.ERRORED);
        assertThat(status.getStateRaw()).isEqualTo("errored");
        assertThat(status.getStateObservedAt()).isEqualTo(at(9));
        assertThat(status.getUpdatedAt()).isEqualTo(at(9));
        assertThat(status.getOverallStatus()).isEqualTo(OverallStatus.ERRORED);
    }

    @Test
    void shouldIgnoreOlderPipelineEvent() {
        PipelineStatus current = PipelineStatusFolder.apply(pipeline(PipelineState.CREATED, 10), null);

        PipelineStatus status = PipelineStatusFolder.apply(pipeline(PipelineState.SETUP_PENDING, 4), current);

        assertThat(status).isSameAs(current);
    }

    @Test
    void shouldFoldDuplicatePipelineEventToEqualStatus() {
        PipelineEvent event = pipeline(PipelineState.CREATED, 10);
        PipelineStatus once = PipelineStatusFolder.apply(event, null);

        PipelineStatus twice = PipelineStatusFolder.apply(event, once);

        assertThat(twice).isEqualTo(once);
    }

    @Test
    void shouldKeepWorkflowNumberWhenPipelineEventLacksIt() {
        PipelineStatus fromWorkflow = PipelineStatusFolder.apply(workflow("wf-1", "build", "running", 2, 3), null);
        PipelineEvent withoutNumber = PipelineEvent.newBuilder(pipeline(PipelineState.CREATED, 4)).setNumber(null)
                .build();

        PipelineStatus status = PipelineStatusFolder.apply(withoutNumber, fromWorkflow);

        assertThat(status.getNumber()).isEqualTo(42L);
    }

    @Test
    void shouldCreateStatusFromWorkflowBeforePipeline() {
        WorkflowEvent event = workflow("wf-1", "build", "running", 2, 3);

        PipelineStatus status = PipelineStatusFolder.apply(event, null);

        assertThat(status.getPipelineId()).isEqualTo(PIPELINE_ID);
        assertThat(status.getProjectSlug()).isEqualTo(PROJECT_SLUG);
        assertThat(status.getNumber()).isEqualTo(42L);
        assertThat(status.getBranch()).isNull();
        assertThat(status.getRevision()).isNull();
        assertThat(status.getState()).isEqualTo(PipelineState.UNKNOWN);
        assertThat(status.getStateRaw()).isNull();
        assertThat(status.getStateObservedAt()).isNull();
        assertThat(status.getCreatedAt()).isNull();
        assertThat(status.getWorkflows()).extracting(WorkflowSummary::getWorkflowId).containsExactly("wf-1");
        assertThat(status.getOverallStatus()).isEqualTo(OverallStatus.RUNNING);
        assertThat(status.getUpdatedAt()).isEqualTo(at(3));
    }

    @Test
    void shouldCreateStatusFromJobBeforePipeline() {
        JobEvent event = job("job-1", "wf-1", "unit-tests", "running", 4);

        PipelineStatus status = PipelineStatusFolder.apply(event, null);

        assertThat(status.getPipelineId()).isEqualTo(PIPELINE_ID);
        assertThat(status.getProjectSlug()).isEqualTo(PROJECT_SLUG);
        assertThat(status.getNumber()).isNull();
        assertThat(status.getState()).isEqualTo(PipelineState.UNKNOWN);
        assertThat(status.getWorkflows()).isEmpty();
        assertThat(status.getJobs()).extracting(JobSummary::getJobId).containsExactly("job-1");
        assertThat(status.getJobCounts()).containsExactlyEntriesOf(Map.of("RUNNING", 1));
        assertThat(status.getOverallStatus()).isEqualTo(OverallStatus.PENDING);
        assertThat(status.getUpdatedAt()).isEqualTo(at(4));
    }

    @Test
    void shouldFillPipelineFieldsWhenPipelineEventArrivesLast() {
        PipelineStatus early = fold(
                job("job-1", "wf-1", "unit-tests", "running", 4),
                workflow("wf-1", "build", "running", 2, 3));

        PipelineStatus status = PipelineStatusFolder.apply(pipeline(PipelineState.CREATED, 1), early);

        assertThat(status.getBranch()).isEqualTo("main");
        assertThat(status.getState()).isEqualTo(PipelineState.CREATED);
        assertThat(status.getStateObservedAt()).isEqualTo(at(1));
        assertThat(status.getCreatedAt()).isEqualTo(T0);
        assertThat(status.getWorkflows()).extracting(WorkflowSummary::getWorkflowId).containsExactly("wf-1");
        assertThat(status.getJobs()).extracting(JobSummary::getJobId).containsExactly("job-1");
        assertThat(status.getUpdatedAt()).isEqualTo(at(4));
    }

    @Test
    void shouldReplaceWorkflowWithNewerEvent() {
        PipelineStatus running = fold(pipeline(PipelineState.CREATED, 1), workflow("wf-1", "build", "running", 2, 3));

        PipelineStatus status = PipelineStatusFolder.apply(workflow("wf-1", "build", "success", 2, 30), running);

        assertThat(status.getWorkflows()).hasSize(1);
        WorkflowSummary workflow = status.getWorkflows().get(0);
        assertThat(workflow.getStatus()).isEqualTo(WorkflowStatus.SUCCESS);
        assertThat(workflow.getStatusRaw()).isEqualTo("success");
        assertThat(workflow.getObservedAt()).isEqualTo(at(30));
        assertThat(status.getOverallStatus()).isEqualTo(OverallStatus.SUCCESS);
        assertThat(status.getUpdatedAt()).isEqualTo(at(30));
    }

    @Test
    void shouldIgnoreOlderWorkflowEvent() {
        PipelineStatus current = fold(pipeline(PipelineState.CREATED, 1), workflow("wf-1", "build", "failed", 2, 30));

        PipelineStatus status = PipelineStatusFolder.apply(workflow("wf-1", "build", "running", 2, 10), current);

        assertThat(status).isSameAs(current);
    }

    @Test
    void shouldFoldDuplicateWorkflowEventToEqualStatus() {
        WorkflowEvent event = workflow("wf-1", "build", "running", 2, 3);
        PipelineStatus once = fold(pipeline(PipelineState.CREATED, 1), event);

        PipelineStatus twice = PipelineStatusFolder.apply(event, once);

        assertThat(twice).isEqualTo(once);
    }

    @Test
    void shouldOrderWorkflowsByCreationThenId() {
        PipelineStatus status = fold(
                workflow("wf-c", "deploy", "running", 20, 21),
                workflow("wf-b", "test", "running", 10, 22),
                workflow("wf-a", "build", "running", 10, 23));

        assertThat(status.getWorkflows()).extracting(WorkflowSummary::getWorkflowId)
                .containsExactly("wf-a", "wf-b", "wf-c");
    }

    @Test
    void shouldKeepRerunAsSeparateWorkflow() {
        PipelineStatus failed = fold(pipeline(PipelineState.CREATED, 1), workflow("run-1", "build", "failed", 2, 30));

        PipelineStatus status = PipelineStatusFolder.apply(workflow("run-2", "build", "running", 100, 101), failed);

        assertThat(status.getWorkflows()).extracting(WorkflowSummary::getWorkflowId).containsExactly("run-1", "run-2");
        assertThat(status.getWorkflows()).extracting(WorkflowSummary::getName).containsExactly("build", "build");
        assertThat(status.getOverallStatus()).isEqualTo(OverallStatus.RUNNING);
    }

    @Test
    void shouldDeriveSuccessWhenRerunSucceeds() {
        PipelineStatus status = fold(
                pipeline(PipelineState.CREATED, 1),
                workflow("run-1", "build", "failed", 2, 30),
                workflow("run-2", "build", "success", 100, 200));

        assertThat(status.getOverallStatus()).isEqualTo(OverallStatus.SUCCESS);
    }

    @Test
    void shouldKeepUnknownWorkflowStatusRaw() {
        PipelineStatus status = fold(
                pipeline(PipelineState.CREATED, 1),
                workflow("wf-1", "build", "teleported", 2, 3));

        WorkflowSummary workflow = status.getWorkflows().get(0);
        assertThat(workflow.getStatus()).isEqualTo(WorkflowStatus.UNKNOWN);
        assertThat(workflow.getStatusRaw()).isEqualTo("teleported");
        assertThat(status.getOverallStatus()).isEqualTo(OverallStatus.UNKNOWN);
    }

    @Test
    void shouldCountJobsByNormalizedStatus() {
        PipelineStatus status = fold(
                job("job-1", "wf-1", "lint", "success", 10),
                job("job-2", "wf-1", "unit", "success", 11),
                job("job-3", "wf-1", "docs", "success", 12),
                job("job-4", "wf-1", "integration", "running", 13),
                job("job-5", "wf-1", "approve", "on_hold", 14));

        assertThat(status.getJobCounts())
                .containsExactlyInAnyOrderEntriesOf(Map.of("SUCCESS", 3, "RUNNING", 1, "ON_HOLD", 1));
    }

    @Test
    void shouldRecountJobsWhenJobChanges() {
        PipelineStatus running = fold(
                job("job-1", "wf-1", "lint", "success", 10),
                job("job-2", "wf-1", "unit", "running", 11));

        PipelineStatus status = PipelineStatusFolder.apply(job("job-2", "wf-1", "unit", "failed", 20), running);

        assertThat(status.getJobs()).hasSize(2);
        assertThat(status.getJobCounts()).containsExactlyInAnyOrderEntriesOf(Map.of("SUCCESS", 1, "FAILED", 1));
    }

    @Test
    void shouldCountUnknownJobStatus() {
        PipelineStatus status = fold(job("job-1", "wf-1", "lint", "exploded", 10));

        JobSummary job = status.getJobs().get(0);
        assertThat(job.getStatus()).isEqualTo(JobStatus.UNKNOWN);
        assertThat(job.getStatusRaw()).isEqualTo("exploded");
        assertThat(status.getJobCounts()).containsExactlyEntriesOf(Map.of("UNKNOWN", 1));
    }

    @Test
    void shouldIgnoreOlderJobEvent() {
        PipelineStatus current = fold(job("job-1", "wf-1", "lint", "success", 20));

        PipelineStatus status = PipelineStatusFolder.apply(job("job-1", "wf-1", "lint", "running", 10), current);

        assertThat(status).isSameAs(current);
    }

    @Test
    void shouldFoldDuplicateJobEventToEqualStatus() {
        JobEvent event = job("job-1", "wf-1", "lint", "running", 10);
        PipelineStatus once = fold(pipeline(PipelineState.CREATED, 1), event);

        PipelineStatus twice = PipelineStatusFolder.apply(event, once);

        assertThat(twice).isEqualTo(once);
    }

    @Test
    void shouldGroupJobsByWorkflowCreationOrder() {
        PipelineStatus status = fold(
                workflow("wf-late", "deploy", "running", 50, 51),
                workflow("wf-early", "build", "success", 10, 52),
                job("job-d", "wf-late", "deploy", "running", 53),
                job("job-b", "wf-early", "unit", "success", 54),
                job("job-a", "wf-early", "lint", "success", 55),
                job("job-x", "wf-unseen", "other", "queued", 56));

        assertThat(status.getJobs()).extracting(JobSummary::getJobId)
                .containsExactly("job-a", "job-b", "job-d", "job-x");
    }

    @Test
    void shouldKeepUpdatedAtAtLatestObservation() {
        PipelineStatus current = fold(job("job-1", "wf-1", "lint", "success", 50));

        PipelineStatus status = PipelineStatusFolder.apply(workflow("wf-1", "build", "success", 2, 30), current);

        assertThat(status.getUpdatedAt()).isEqualTo(at(50));
    }

    @Test
    void shouldLeaveGivenStatusUnchanged() {
        PipelineStatus current = fold(
                pipeline(PipelineState.CREATED, 1),
                workflow("wf-1", "build", "running", 2, 3),
                job("job-1", "wf-1", "lint", "running", 4));
        PipelineStatus copy = PipelineStatus.newBuilder(current).build();

        foldFrom(current, workflow("wf-1", "build", "success", 2, 30), job("job-1", "wf-1", "lint", "success", 31),
                pipeline(PipelineState.ERRORED, 32));

        assertThat(current).isEqualTo(copy);
    }

    @Test
    void shouldReachSameStatusInEveryOrder() {
        List<SpecificRecord> events = List.of(
                pipeline(PipelineState.SETUP, 1),
                pipeline(PipelineState.CREATED, 6),
                workflow("run-1", "build", "running", 2, 3),
                workflow("run-1", "build", "failed", 2, 8),
                workflow("run-2", "build", "success", 20, 30),
                job("job-1", "run-1", "unit", "running", 4),
                job("job-1", "run-1", "unit", "failed", 7),
                job("job-2", "run-2", "unit", "success", 29));
        PipelineStatus inOrder = fold(events.toArray(SpecificRecord[]::new));

        Set<PipelineStatus> results = new HashSet<>();
        for (List<SpecificRecord> order : permutations(events)) {
            results.add(fold(order.toArray(SpecificRecord[]::new)));
        }

        assertThat(results).containsExactly(inOrder);
        assertThat(inOrder.getState()).isEqualTo(PipelineState.CREATED);
        assertThat(inOrder.getOverallStatus()).isEqualTo(OverallStatus.SUCCESS);
        assertThat(inOrder.getJobCounts()).containsExactlyInAnyOrderEntriesOf(Map.of("FAILED", 1, "SUCCESS", 1));
        assertThat(inOrder.getUpdatedAt()).isEqualTo(at(30));
    }

    private static PipelineStatus fold(SpecificRecord... events) {
        return foldFrom(null, events);
    }

    private static PipelineStatus foldFrom(PipelineStatus start, SpecificRecord... events) {
        PipelineStatus status = start;
        for (SpecificRecord event : events) {
            if (event instanceof PipelineEvent pipelineEvent) {
                status = PipelineStatusFolder.apply(pipelineEvent, status);
            } else if (event instanceof WorkflowEvent workflowEvent) {
                status = PipelineStatusFolder.apply(workflowEvent, status);
            } else if (event instanceof JobEvent jobEvent) {
                status = PipelineStatusFolder.apply(jobEvent, status);
            } else {
                throw new IllegalArgumentException("not an event: " + event);
            }
        }
        return status;
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T first = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> order = new ArrayList<>(tail.size() + 1);
                order.add(first);
                order.addAll(tail);
                result.add(order);
            }
        }
        return result;
    }
}
