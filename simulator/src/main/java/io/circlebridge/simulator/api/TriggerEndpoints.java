package io.circlebridge.simulator.api;

import io.circlebridge.simulator.fault.ResponseFaults;
import io.circlebridge.simulator.scenario.Pipeline;
import io.circlebridge.simulator.scenario.Project;
import io.circlebridge.simulator.scenario.Simulation;
import io.circlebridge.simulator.scenario.TriggerRequest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The two ways to trigger a pipeline: the legacy endpoint and {@code pipeline/run}. */
final class TriggerEndpoints {

    static final String RUN_PROJECT_NOT_FOUND = "Project does not exist.";
    static final String SKIPPED = "Ignoring pipeline due to CI skip in the commit";

    private static final Set<String> RUN_PROVIDERS = Set.of("github", "gh", "bitbucket", "bb", "circleci");

    private final Simulation simulation;

    TriggerEndpoints(Simulation simulation) {
        this.simulation = simulation;
    }

    /**
     * {@code POST /project/{slug}/pipeline}: 201 with {@code {id, state, number, created_at}}. It rejects
     * {@code circleci/...} slugs with 404, as the real endpoint does for GitHub App and GitLab projects.
     */
    ApiResponse legacy(ApiRequest request, Map<String, String> variables, ResponseFaults faults) {
        Project project = "circleci".equals(variables.get("vcs")) ? null : findProject(variables);
        if (project == null) {
            throw new ApiException(404, Projects.NOT_FOUND);
        }
        TriggerRequest trigger = TriggerBodies.legacy(request, project);
        Pipeline pipeline = simulation.trigger(project, trigger);
        return ApiResponse.json(201, PipelineView.created(pipeline));
    }

    /**
     * {@code POST /project/{provider}/{organization}/{project}/pipeline/run}: 201 when a pipeline is created,
     * 200 with a message when the parameters ask to skip. The slug must come as three path segments: an encoded
     * {@code %2F} gets 404 here, as on the real API.
     */
    ApiResponse run(ApiRequest request, Map<String, String> variables, ResponseFaults faults) {
        if (request.encodedSlash()) {
            throw ApiException.notFound();
        }
        String provider = variables.get("vcs");
        Project project = RUN_PROVIDERS.contains(provider) ? findProject(variables) : null;
        if (project == null) {
            throw new ApiException(404, RUN_PROJECT_NOT_FOUND);
        }
        Optional<TriggerRequest> trigger = TriggerBodies.run(request, project);
        if (trigger.isEmpty()) {
            return ApiResponse.message(200, SKIPPED);
        }
        Pipeline pipeline = simulation.trigger(project, trigger.get());
        return ApiResponse.json(201, PipelineView.created(pipeline));
    }

    private Project findProject(Map<String, String> variables) {
        return simulation.query(state -> state.project(variables.get("vcs"), variables.get("org"), variables.get("repo")))
                .orElse(null);
    }
}
