package io.circlebridge.streams.topology;

import io.circlebridge.schema.JobEvent;
import io.circlebridge.schema.PipelineEvent;
import io.circlebridge.schema.PipelineState;
import io.circlebridge.schema.WorkflowEvent;
import io.circlebridge.schema.WorkflowStatus;
import io.circlebridge.schema.WorkflowSummary;
import io.circlebridge.status.Statuses;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Builders of events of one pipeline for the folder and topology tests; times are seconds after {@link #T0}. */
final class Events {

    static final String PIPELINE_ID = "5034460f-c7c4-4c43-9457-de07e2029e7b";
    static final String PROJECT_SLUG = "gh/example-org/example-repo";
    static final Instant T0 = Instant.parse("2026-11-30T09:15:00Z");

    private Events() {
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    static PipelineEvent pipeline(PipelineState state, long observedSecond) {
        return PipelineEvent.newBuilder()
                .setPipelineId(PIPELINE_ID)
                .setProjectSlug(PROJECT_SLUG)
                .setNumber(42L)
                .setState(state)
                .setStateRaw(state.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .setBranch("main")
                .setRevision("f454a02b5d10fcccfd7d9dd7608a76d6493a98b4")
                .setTriggerType("webhook")
                .setCreatedAt(T0)
                .setUpdatedAt(T0)
                .setObservedAt(at(observedSecond))
                .build();
    }

    /** A workflow event whose raw status is {@code rawStatus} and normalized status follows from it. */
    static WorkflowEvent workflow(String workflowId, String name, String rawStatus, long createdSecond,
                                  long observedSecond) {
        return WorkflowEvent.newBuilder()
                .setWorkflowId(workflowId)
                .setPipelineId(PIPELINE_ID)
                .setProjectSlug(PROJECT_SLUG)
                .setPipelineNumber(42L)
                .setName(name)
                .setStatus(Statuses.workflowStatus(rawStatus))
                .setStatusRaw(rawStatus)
                .setCreatedAt(at(createdSecond))
                .setObservedAt(at(observedSecond))
                .build();
    }

    static JobEvent job(String jobId, String workflowId, String name, String rawStatus, long observedSecond) {
        return JobEvent.newBuilder()
                .setJobId(jobId)
                .setWorkflowId(workflowId)
                .setPipelineId(PIPELINE_ID)
                .setProjectSlug(PROJECT_SLUG)
                .setName(name)
                .setType("build")
                .setStatus(Statuses.jobStatus(rawStatus))
                .setStatusRaw(rawStatus)
                .setObservedAt(at(observedSecond))
                .build();
    }

    /** Builds a workflow summary for rule tests, created at {@code createdSecond} and observed one second later. */
    static WorkflowSummary summary(String workflowId, String name, WorkflowStatus status, long createdSecond) {
        return new WorkflowSummary(workflowId, name, status, status.name().toLowerCase(Locale.ROOT),
                at(createdSecond), null, at(createdSecond + 1));
    }

    static List<WorkflowSummary> summaries(WorkflowStatus... statuses) {
        WorkflowSummary[] result = new WorkflowSummary[statuses.length];
        for (int i = 0; i < statuses.length; i++) {
            result[i] = summary("workflow-" + i, "workflow-" + i, statuses[i], i);
        }
        return List.of(result);
    }
}
