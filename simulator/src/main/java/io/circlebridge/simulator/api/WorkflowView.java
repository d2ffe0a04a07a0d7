package io.circlebridge.simulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circlebridge.simulator.fault.ResponseFaults;
import io.circlebridge.simulator.fault.ResponseShape;
import io.circlebridge.simulator.model.EntityKind;
import io.circlebridge.simulator.model.JobType;
import io.circlebridge.simulator.scenario.Job;
import io.circlebridge.simulator.scenario.Workflow;

/** Renders workflows and the items of a workflow's job list, with times in whole seconds as the real lists have. */
final class WorkflowView {

    private WorkflowView() {
    }

    static ObjectNode workflow(Workflow workflow, ResponseFaults faults) {
        ObjectNode node = Json.object();
        node.put("pipeline_id", workflow.pipeline().id());
        if (workflow.canceledBy() != null) {
            node.put("canceled_by", workflow.canceledBy());
        }
        node.put("id", workflow.id());
        node.put("name", workflow.name());
        node.put("project_slug", workflow.pipeline().project().slug());
        if (workflow.tag() != null) {
            node.put("tag", workflow.tag());
        }
        node.put("status", faults.status(EntityKind.WORKFLOW, workflow.status().wireValue()));
        node.put("started_by", workflow.startedBy());
        node.put("pipeline_number", workflow.pipeline().number());
        node.put("created_at", Json.seconds(workflow.createdAt()));
        Json.putNullable(node, "stopped_at", Json.seconds(workflow.stoppedAt()));
        return faults.strip(node, ResponseShape.WORKFLOW);
    }

    /** Renders a job list item. {@code started_at} is null until the job starts, as on the real API. */
    static ObjectNode job(Job job, ResponseFaults faults) {
        ObjectNode node = Json.object();
        ArrayNode dependencies = node.putArray("dependencies");
        job.dependencies().forEach(dependency -> dependencies.add(dependency.id()));
        if (job.number() != null) {
            node.put("job_number", job.number());
        }
        node.put("id", job.id());
        Json.putNullable(node, "started_at", Json.seconds(job.startedAt()));
        node.put("name", job.name());
        if (job.approvedBy() != null) {
            node.put("approved_by", job.approvedBy());
        }
        node.put("project_slug", job.workflow().pipeline().project().slug());
        node.put("status", faults.status(EntityKind.JOB, job.status().wireValue()));
        node.put("type", job.type().wireValue());
        Json.putNullable(node, "stopped_at", Json.seconds(job.stoppedAt()));
        if (job.type() == JobType.APPROVAL) {
            node.put("approval_request_id", job.id());
        }
        return faults.strip(node, ResponseShape.JOB);
    }
}
