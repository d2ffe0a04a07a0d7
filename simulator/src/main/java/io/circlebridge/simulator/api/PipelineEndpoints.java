package io.circlebridge.simulator.api;

import io.circlebridge.simulator.fault.ResponseFaults;
import io.circlebridge.simulator.scenario.Pipeline;
import io.circlebridge.simulator.scenario.Project;
import io.circlebridge.simulator.scenario.Simulation;
import io.circlebridge.simulator.scenario.Workflow;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The pipeline read endpoints: project and organization lists, single pipelines and their workflows. */
final class PipelineEndpoints {

    private final Simulation simulation;

    PipelineEndpoints(Simulation simulation) {
        this.simulation = simulation;
    }

    /** {@code GET /project/{slug}/pipeline}: newest first; {@code branch} filters and then hides tag pipelines. */
    ApiResponse listForProject(ApiRequest request, Map<String, String> variables, ResponseFaults faults) {
        String branch = request.queryParameter("branch");
        return ApiResponse.ok(simulation.query(state -> {
            Project project = Projects.require(state, variables);
            List<Pipeline> pipelines = state.pipelines(project).stream()
                    .filter(pipeline -> branch == null || branch.equals(pipeline.revision().branch()))
                    .toList();
            String list = "pipelines " + project.slug() + " branch=" + branch;
            return Pager.page(pipelines, list, Pipeline::id, pipeline -> PipelineView.pipeline(pipeline, faults),
                    request.queryParameter("page-token"), faults.paging());
        }));
    }

    /** {@code GET /pipeline}: pipelines of the organization's projects, newest first; {@code mine=true} keeps the token owner's. */
    ApiResponse listForOrganization(ApiRequest request, Map<String, String> variables, ResponseFaults faults) {
        String organization = request.queryParameter("org-slug");
        boolean mine = Boolean.parseBoolean(request.queryParameter("mine"));
        return ApiResponse.ok(simulation.query(state -> {
            String apiUser = state.apiUser().login();
            List<Pipeline> pipelines = state.pipelines().stream()
                    .filter(pipeline -> organization == null || pipeline.project().inOrganization(organization))
                    .filter(pipeline -> !mine || apiUser.equals(pipeline.actor().login()))
                    .sorted(Comparator.comparing(Pipeline::createdAt).thenComparingLong(Pipeline::number).reversed())
                    .toList();
            String list = "pipelines org=" + organization + " mine=" + mine;
            return Pager.page(pipelines, list, Pipeline::id, pipeline -> PipelineView.pipeline(pipeline, faults),
                    request.queryParameter("page-token"), faults.paging());
        }));
    }

    /** {@code GET /pipeline/{pipeline-id}}. */
    ApiResponse get(ApiRequest request, Map<String, String> variables, ResponseFaults faults) {
        return ApiResponse.ok(simulation.query(state -> PipelineView.pipeline(require(state, variables), faults)));
    }

    /** {@code GET /pipeline/{pipeline-id}/workflow}: empty until the pipeline's workflows are created. */
    ApiResponse workflows(ApiRequest request, Map<String, String> variables, ResponseFaults faults) {
        return ApiResponse.ok(simulation.query(state -> {
            Pipeline pipeline = require(state, variables);
            return Pager.page(pipeline.workflows(), "workflows " + pipeline.id(), Workflow::id,
                    workflow -> WorkflowView.workflow(workflow, faults), request.queryParameter("page-token"),
                    faults.paging());
        }));
    }

    private static Pipeline require(Simulation state, Map<String, String> variables) {
        return state.pipeline(variables.get("pipeline-id"))
                .orElseThrow(() -> new ApiException(404, "Pipeline not found"));
    }
}
