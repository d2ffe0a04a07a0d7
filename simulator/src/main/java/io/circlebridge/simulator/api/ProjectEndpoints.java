package io.circlebridge.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.circlebridge.simulator.fault.ResponseFaults;
import io.circlebridge.simulator.scenario.EnvVar;
import io.circlebridge.simulator.scenario.Pipeline;
import io.circlebridge.simulator.scenario.Project;
import io.circlebridge.simulator.scenario.Simulation;
import io.circlebridge.simulator.scenario.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Project-level reads: environment variables and workflow insights. */
final class ProjectEndpoints {

    private static final Map<String, Integer> REPORTING_WINDOW_DAYS = Map.of(
            "last-24-hours", 1, "last-7-days", 7, "last-30-days", 30, "last-60-days", 60, "last-90-days", 90);
    private static final String DEFAULT_REPORTING_WINDOW = "last-90-days";

    private final Simulation simulation;

    ProjectEndpoints(Simulation simulation) {
        this.simulation = simulation;
    }

    /** {@code GET /project/{slug}/envvar}: names with masked values, in creation order. */
    ApiResponse envVars(ApiRequest request, Map<String, String> variables, ResponseFaults faults) {
        return ApiResponse.ok(simulation.query(state -> {
            Project project = Projects.require(state, variables);
            return Pager.page(project.envVars(), "envvars " + project.slug(), EnvVar::name,
                    ProjectEndpoints::envVar, request.queryParameter("page-token"), faults.paging());
        }));
    }

    /**
     * {@code GET /insights/{slug}/workflows}: metrics per workflow name over the finished runs that started in the
     * reporting window, on {@code branch} (the default branch when absent) or on all branches.
     */
    ApiResponse workflowInsights(ApiRequest request, Map<String, String> variables, ResponseFaults faults) {
        String window = request.query().getOrDefault("reporting-window", DEFAULT_REPORTING_WINDOW);
        Integer days = REPORTING_WINDOW_DAYS.get(window);
        if (days == null) {
            throw ApiException.badRequest("Invalid reporting-window '" + window + "': use one of "
                    + String.join(", ", REPORTING_WINDOW_DAYS.keySet().stream().sorted().toList()));
        }
        boolean allBranches = Boolean.parseBoolean(request.queryParameter("all-branches"));
        String branch = request.queryParameter("branch");
        if (allBranches && branch != null) {
            throw ApiException.badRequest("Use either branch or all-branches, not both");
        }
        String effectiveBranch = branch == null ? Project.DEFAULT_BRANCH : branch;

        return ApiResponse.ok(simulation.query(state -> {
            Project project = Projects.require(state, variables);
            Instant since = state.now().minus(Duration.ofDays(days));
            Map<String, List<Workflow>> runsByName = state.pipelines(project).stream()
                    .filter(pipeline -> allBranches || effectiveBranch.equals(pipeline.revision().branch()))
                    .map(Pipeline::workflows)
                    .flatMap(List::stream)
                    .filter(run -> WorkflowMetrics.COUNTED.contains(run.status()))
                    .filter(run -> !run.createdAt().isBefore(since))
                    .collect(Collectors.groupingBy(Workflow::name, TreeMap::new, Collectors.toList()));
            List<Map.Entry<String, List<Workflow>>> entries = List.copyOf(runsByName.entrySet());
            String list = "insights " + project.slug() + " " + window + " branch=" + (allBranches ? "*" : effectiveBranch);
            return Pager.page(entries, list, Map.Entry::getKey,
                    entry -> WorkflowMetrics.item(entry.getKey(), entry.getValue(), project.projectUuid(), days),
                    request.queryParameter("page-token"), faults.paging());
        }));
    }

    private static JsonNode envVar(EnvVar variable) {
        return Json.object()
                .put("name", variable.name())
                .put("value", variable.maskedValue())
                .put("created-at", Json.millis(variable.createdAt()));
    }
}
