package io.circlebridge.simulator.api;

import io.circlebridge.simulator.fault.ResponseFaults;
import io.circlebridge.simulator.model.JobType;
import io.circlebridge.simulator.scenario.Job;
import io.circlebridge.simulator.scenario.Project;
import io.circlebridge.simulator.scenario.Simulation;
import io.circlebridge.simulator.scenario.Workflow;
import java.util.Map;

/** The workflow and job read endpoints. */
final class WorkflowEndpoints {

    private final Simulation simulation;

    WorkflowEndpoints(Simulation simulation) {
        this.simulation = simulation;
    }

    /** {@code GET /workflow/{id}}. */
    ApiResponse get(ApiRequest request, Map<String, String> variables, ResponseFaults faults) {
        return ApiResponse.ok(simulation.query(state -> WorkflowView.workflow(require(state, variables), faults)));
    }

    /** {@code GET /workflow/{id}/job}: the jobs in config order. */
    ApiResponse jobs(ApiRequest request, Map<String, String> variables, ResponseFaults faults) {
        return ApiResponse.ok(simulation.query(state -> {
            Workflow workflow = require(state, variables);
            return Pager.page(workflow.jobs(), "jobs " + workflow.id(), Job::id, job -> WorkflowView.job(job, faults),
                    request.queryParameter("page-token"), faults.paging());
        }));
    }

    /** {@code GET /project/{slug}/job/{job-number}}: build jobs only; approval jobs get 404 as on the real API. */
    ApiResponse details(ApiRequest request, Map<String, String> variables, ResponseFaults faults) {
        long number;
        try {
            number = Long.parseLong(variables.get("job-number"));
        } catch (NumberFormatException e) {
            throw new ApiException(404, "Job not found");
        }
        return ApiResponse.ok(simulation.query(state -> {
            Project project = Projects.require(state, variables);
            Job job = state.job(project, number)
                    .filter(found -> found.type() == JobType.BUILD)
                    .orElseThrow(() -> new ApiException(404, "Job not found"));
            return JobDetailsView.details(job, faults);
        }));
    }

    private static Workflow require(Simulation state, Map<String, String> variables) {
        return state.workflow(variables.get("id")).orElseThrow(() -> new ApiException(404, "Workflow not found"));
    }
}
