package io.circlebridge.simulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circlebridge.simulator.fault.ResponseFaults;
import io.circlebridge.simulator.fault.ResponseShape;
import io.circlebridge.simulator.model.EntityKind;
import io.circlebridge.simulator.scenario.Job;
import io.circlebridge.simulator.scenario.Project;
import java.time.Duration;

/** Renders {@code GET /project/{slug}/job/{number}}, whose times carry milliseconds. */
final class JobDetailsView {

    private static final String WEB_BASE = "https://circleci.com/";

    private JobDetailsView() {
    }

    static ObjectNode details(Job job, ResponseFaults faults) {
        Project project = job.workflow().pipeline().project();
        String status = faults.status(EntityKind.JOB, job.status().wireValue());
        ObjectNode node = Json.object();
        node.put("web_url", WEB_BASE + project.slug() + "/" + job.number());

        ObjectNode projectNode = node.putObject("project");
        projectNode.put("external_url", project.repositoryUrl());
        projectNode.put("slug", project.slug());
        projectNode.put("name", project.repository());
        projectNode.put("id", project.projectUuid());

        node.putArray("parallel_runs").addObject().put("index", 0).put("status", status);
        Json.putNullable(node, "started_at", Json.millis(job.startedAt()));
        node.putObject("latest_workflow").put("name", job.workflow().name()).put("id", job.workflow().id());
        node.put("name", job.name());
        node.putObject("executor").put("resource_class", "medium").put("type", "docker");
        node.put("parallelism", 1);
        node.put("status", status);
        node.put("number", job.number());
        node.putObject("pipeline").put("id", job.workflow().pipeline().id());

        if (job.startedAt() != null && job.stoppedAt() != null) {
            node.put("duration", Duration.between(job.startedAt(), job.stoppedAt()).toMillis());
        } else {
            node.putNull("duration");
        }

        node.put("created_at", Json.millis(job.createdAt()));
        node.putArray("messages");
        node.putArray("contexts");
        node.putObject("organization").put("name", project.organization());
        node.put("queued_at", Json.millis(job.queuedAt()));
        Json.putNullable(node, "stopped_at", Json.millis(job.stoppedAt()));
        return faults.strip(node, ResponseShape.JOB_DETAILS);
    }
}
