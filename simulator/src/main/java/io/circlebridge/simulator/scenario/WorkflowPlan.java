package io.circlebridge.simulator.scenario;

import java.time.Duration;
import java.util.List;

/**
 * How one workflow of a pipeline will run.
 *
 * @param tag {@code "setup"} for the setup workflow of a dynamic-config pipeline, else {@code null}
 * @param jobs the job graph, each job after the jobs it depends on
 * @param cancelAfter when set, a user cancels the workflow this long after it is created
 */
public record WorkflowPlan(String name, String tag, List<JobPlan> jobs, Duration cancelAfter) {

    public WorkflowPlan {
        jobs = List.copyOf(jobs);
    }
}
