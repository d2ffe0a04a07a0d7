package io.circlebridge.simulator.scenario;

import io.circlebridge.simulator.model.EntityKind;
import io.circlebridge.simulator.model.JobStatus;
import io.circlebridge.simulator.model.PipelineState;
import io.circlebridge.simulator.model.StateChange;
import io.circlebridge.simulator.model.WorkflowStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The append-only record of every status change the simulation made, in the order it made them. */
final class GroundTruthLog {

    private final List<StateChange> changes = new ArrayList<>();

    void pipeline(Pipeline pipeline, PipelineState from, PipelineState to, Instant at) {
        append(at, EntityKind.PIPELINE, pipeline, null, null, null,
                from == null ? null : from.wireValue(), to.wireValue());
    }

    void workflow(Workflow workflow, WorkflowStatus from, WorkflowStatus to, Instant at) {
        append(at, EntityKind.WORKFLOW, workflow.pipeline(), workflow.id(), null, workflow.name(),
                from == null ? null : from.wireValue(), to.wireValue());
    }

    void job(Job job, JobStatus from, JobStatus to, Instant at) {
        Workflow workflow = job.workflow();
        append(at, EntityKind.JOB, workflow.pipeline(), workflow.id(), job.id(), job.name(),
                from == null ? null : from.wireValue(), to.wireValue());
    }

    List<StateChange> snapshot() {
        return List.copyOf(changes);
    }

    private void append(Instant at, EntityKind kind, Pipeline pipeline, String workflowId, String jobId,
            String name, String from, String to) {
        long sequence = changes.size() + 1L;
        changes.add(new StateChange(sequence, at, kind, pipeline.project().slug(), pipeline.id(), workflowId, jobId,
                name, from, to));
    }
}
