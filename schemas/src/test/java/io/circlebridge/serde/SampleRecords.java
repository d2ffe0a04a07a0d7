package io.circlebridge.serde;

import io.circlebridge.schema.CommandOutcome;
import io.circlebridge.schema.CommandResult;
import io.circlebridge.schema.JobEvent;
import io.circlebridge.schema.JobStatus;
import io.circlebridge.schema.JobSummary;
import io.circlebridge.schema.OverallStatus;
import io.circlebridge.schema.PipelineError;
import io.circlebridge.schema.PipelineEvent;
import io.circlebridge.schema.PipelineState;
import io.circlebridge.schema.PipelineStatus;
import io.circlebridge.schema.TriggerPipelineCommand;
import io.circlebridge.schema.WorkflowEvent;
import io.circlebridge.schema.WorkflowStatus;
import io.circlebridge.schema.WorkflowSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** One fully populated instance of every topic's value type, for serde and compatibility tests. */
public final class SampleRecords {

    public static final String PIPELINE_ID = "5034460f-c7c4-4c43-9457-de07e2029e7b";
    public static final String WORKFLOW_ID = "fda08377-fe7e-46b1-8992-3a7aaecac9c3";
    public static final String JOB_ID = "a9a2d7b4-9d19-4e44-8c21-8f5e6f0bd0a1";
    public static final Instant T0 = Instant.parse("2026-11-30T09:15:00.123Z");

    private SampleRecords() {
    }

    public static PipelineEvent pipelineEvent() {
        return PipelineEvent.newBuilder()
                .setPipelineId(PIPELINE_ID)
                .setProjectSlug("gh/example-org/example-repo")
                .setNumber(42L)
                .setState(PipelineState.ERRORED)
                .setStateRaw("errored")
                .setBranch("main")
                .setTag(null)
                .setRevision("f454a02b5d10fcccfd7d9dd7608a76d6493a98b4")
                .setTriggerType("webhook")
                .setActorLogin("example-user")
                .setErrors(List.of(new PipelineError("config", "Config does not conform to schema")))
                .setCreatedAt(T0)
                .setUpdatedAt(T0.plusSeconds(1))
                .setObservedAt(T0.plusSeconds(5))
                .build();
    }

    public static WorkflowEvent workflowEvent() {
        return WorkflowEvent.newBuilder()
                .setWorkflowId(WORKFLOW_ID)
                .setPipelineId(PIPELINE_ID)
                .setProjectSlug("gh/example-org/example-repo")
                .setPipelineNumber(42L)
                .setName("build-and-test")
                .setStatus(WorkflowStatus.FAILING)
                .setStatusRaw("failing")
                .setCreatedAt(T0.plusSeconds(2))
                .setStoppedAt(null)
                .setObservedAt(T0.plusSeconds(10))
                .build();
    }

    public static JobEvent jobEvent() {
        return JobEvent.newBuilder()
                .setJobId(JOB_ID)
                .setWorkflowId(WORKFLOW_ID)
                .setPipelineId(PIPELINE_ID)
                .setProjectSlug("gh/example-org/example-repo")
                .setJobNumber(1337L)
                .setName("unit-tests")
                .setType("build")
                .setStatus(JobStatus.TERMINATED_UNKNOWN)
                .setStatusRaw("terminated-unknown")
                .setStartedAt(T0.plusSeconds(3))
                .setStoppedAt(T0.plusSeconds(60))
                .setObservedAt(T0.plusSeconds(61))
                .build();
    }

    public static PipelineStatus pipelineStatus() {
        return PipelineStatus.newBuilder()
                .setPipelineId(PIPELINE_ID)
                .setProjectSlug("gh/example-org/example-repo")
                .setNumber(42L)
                .setBranch("main")
                .setTag(null)
                .setRevision("f454a02b5d10fcccfd7d9dd7608a76d6493a98b4")
                .setState(PipelineState.CREATED)
                .setStateRaw("created")
                .setStateObservedAt(T0.plusSeconds(5))
                .setOverallStatus(OverallStatus.FAILING)
                .setWorkflows(List.of(new WorkflowSummary(WORKFLOW_ID, "build-and-test", WorkflowStatus.FAILING,
                        "failing", T0.plusSeconds(2), null, T0.plusSeconds(10))))
                .setJobs(List.of(new JobSummary(JOB_ID, WORKFLOW_ID, "unit-tests", JobStatus.FAILED, "failed",
                        T0.plusSeconds(61))))
                .setJobCounts(Map.of("FAILED", 1))
                .setCreatedAt(T0)
                .setUpdatedAt(T0.plusSeconds(61))
                .build();
    }

    public static TriggerPipelineCommand triggerPipelineCommand() {
        return TriggerPipelineCommand.newBuilder()
                .setCommandId("deploy-2026-11-30-001")
                .setProjectSlug("gh/example-org/example-repo")
                .setBranch("release/1.4")
                .setTag(null)
                .setParameters(Map.of("deploy", "true", "replicas", "3", "region", "eu-west-1"))
                .setRequestedBy("deploy-bot")
                .setRequestedAt(T0)
                .build();
    }

    public static CommandResult commandResult() {
        return CommandResult.newBuilder()
                .setCommandId("deploy-2026-11-30-001")
                .setOutcome(CommandOutcome.ACCEPTED)
                .setProjectSlug("gh/example-org/example-repo")
                .setPipelineId(PIPELINE_ID)
                .setPipelineNumber(43L)
                .setReason(null)
                .setHttpStatus(201)
                .setCompletedAt(T0.plusSeconds(1))
                .build();
    }

    /** One sample of every value type, in the order of the topics that carry them. */
    public static List<SpecificRecord> all() {
        return List.of(pipelineEvent(), workflowEvent(), jobEvent(), pipelineStatus(), triggerPipelineCommand(),
                commandResult());
    }
}
