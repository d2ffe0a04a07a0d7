package io.circlebridge.simulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circlebridge.simulator.fault.ResponseFaults;
import io.circlebridge.simulator.fault.ResponseShape;
import io.circlebridge.simulator.model.EntityKind;
import io.circlebridge.simulator.scenario.Pipeline;
import io.circlebridge.simulator.scenario.PipelineError;
import io.circlebridge.simulator.scenario.Project;
import io.circlebridge.simulator.scenario.Revision;
import java.util.Map;

/** Renders pipelines in the JSON shape of {@code GET /pipeline/{id}} and of the trigger responses. */
final class PipelineView {

    private PipelineView() {
    }

    /** Renders the full pipeline object, as single lookups and list items show it. */
    static ObjectNode pipeline(Pipeline pipeline, ResponseFaults faults) {
        ObjectNode node = Json.object();
        node.put("id", pipeline.id());
        ArrayNode errors = node.putArray("errors");
        for (PipelineError error : pipeline.errors()) {
            errors.addObject().put("type", error.type()).put("message", error.message());
        }
        node.put("project_slug", pipeline.project().slug());
        node.put("updated_at", Json.millis(pipeline.updatedAt()));
        node.put("number", pipeline.number());
        if (!pipeline.parameters().isEmpty()) {
            putParameters(node.putObject("trigger_parameters"), pipeline.parameters());
        }
        node.put("state", faults.status(EntityKind.PIPELINE, pipeline.state().wireValue()));
        node.put("created_at", Json.millis(pipeline.createdAt()));
        ObjectNode trigger = node.putObject("trigger");
        trigger.put("received_at", Json.millis(pipeline.receivedAt()));
        trigger.put("type", pipeline.triggerType());
        ObjectNode actor = trigger.putObject("actor");
        actor.put("login", pipeline.actor().login());
        Json.putNullable(actor, "avatar_url", pipeline.actor().avatarUrl());
        putVcs(node.putObject("vcs"), pipeline.project(), pipeline.revision());
        return faults.strip(node, ResponseShape.PIPELINE);
    }

    /** Renders the short response of both trigger endpoints: id, state, number and creation time. */
    static ObjectNode created(Pipeline pipeline) {
        ObjectNode node = Json.object();
        node.put("number", pipeline.number());
        node.put("state", pipeline.state().wireValue());
        node.put("id", pipeline.id());
        node.put("created_at", Json.millis(pipeline.createdAt()));
        return node;
    }

    private static void putVcs(ObjectNode vcs, Project project, Revision revision) {
        vcs.put("origin_repository_url", project.repositoryUrl());
        vcs.put("target_repository_url", project.repositoryUrl());
        vcs.put("revision", revision.sha());
        vcs.put("provider_name", project.provider().providerName());
        ObjectNode commit = vcs.putObject("commit");
        commit.put("body", revision.body());
        commit.put("subject", revision.subject());
        if (revision.tag() != null) {
            vcs.put("tag", revision.tag());
        } else {
            vcs.put("branch", revision.branch());
        }
    }

    private static void putParameters(ObjectNode target, Map<String, Object> parameters) {
        parameters.forEach((name, value) -> target.set(name, Json.MAPPER.valueToTree(value)));
    }
}
