package io.circlebridge.poller.kafka;

import io.circlebridge.poller.circleci.Job;
import io.circlebridge.poller.circleci.Pipeline;
import io.circlebridge.poller.circleci.PipelineError;
import io.circlebridge.poller.circleci.Workflow;
import io.circlebridge.poller.detect.PipelineCheckpoint;
import io.circlebridge.schema.JobEvent;
import io.circlebridge.schema.PipelineEvent;
import io.circlebridge.schema.WorkflowEvent;
import io.circlebridge.status.Statuses;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Turns what the CircleCI client read into Avro events, keeping CircleCI's raw strings next to the enums. */
public final class EventMapper {

    private EventMapper() {
    }

    public static PipelineEvent pipelineEvent(Pipeline pipeline, String projectSlug, Instant observedAt) {
        List<io.circlebridge.schema.PipelineError> errors = pipeline.errors() == null ? List.of()
                : pipeline.errors().stream().filter(Objects::nonNull).map(EventMapper::error).toList();
        return PipelineEvent.newBuilder()
                .setPipelineId(pipeline.id())
                .setProjectSlug(firstNonNull(pipeline.projectSlug(), projectSlug))
                .setNumber(pipeline.number())
                .setState(Statuses.pipelineState(pipeline.state()))
                .setStateRaw(pipeline.state())
                .setBranch(pipeline.branch())
                .setTag(pipeline.tag())
                .setRevision(pipeline.revision())
                .setTriggerType(pipeline.triggerType())
                .setActorLogin(pipeline.actorLogin())
                .setErrors(errors)
                .setCreatedAt(pipeline.createdAt())
                .setUpdatedAt(pipeline.updatedAt())
                .setObservedAt(observedAt)
                .build();
    }

    public static WorkflowEvent workflowEvent(Workflow workflow, PipelineCheckpoint pipeline, Instant observedAt) {
        return WorkflowEvent.newBuilder()
                .setWorkflowId(workflow.id())
                .setPipelineId(pipeline.pipelineId())
                .setProjectSlug(firstNonNull(workflow.projectSlug(), pipeline.projectSlug()))
                .setPipelineNumber(workflow.pipelineNumber() != null ? workflow.pipelineNumber() : pipeline.number())
                .setName(workflow.name())
                .setStatus(Statuses.workflowStatus(workflow.status()))
                .setStatusRaw(workflow.status())
                .setCreatedAt(workflow.createdAt())
                .setStoppedAt(workflow.stoppedAt())
                .setObservedAt(observedAt)
                .build();
    }

    public static JobEvent jobEvent(Job job, String workflowId, PipelineCheckpoint pipeline, Instant observedAt) {
        return JobEvent.newBuilder()
                .setJobId(job.id())
                .setWorkflowId(workflowId)
                .setPipelineId(pipeline.pipelineId())
                .setProjectSlug(firstNonNull(job.projectSlug(), pipeline.projectSlug()))
                .setJobNumber(job.jobNumber())
                .setName(job.name())
                .setType(job.type())
                .setStatus(Statuses.jobStatus(job.status()))
                .setStatusRaw(job.status())
                .setStartedAt(job.startedAt())
                .setStoppedAt(job.stoppedAt())
                .setObservedAt(observedAt)
                .build();
    }

    private static io.circlebridge.schema.PipelineError error(PipelineError error) {
        return new io.circlebridge.schema.PipelineError(error.type(), error.message());
    }

    private static String firstNonNull(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
