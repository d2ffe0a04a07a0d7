package io.circlebridge.simulator.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Lookups by id and by job number over everything the simulation created. */
final class SimulationIndex {

    private final List<Pipeline> pipelines = new ArrayList<>();
    private final Map<String, Pipeline> pipelinesById = new HashMap<>();
    private final Map<String, Workflow> workflowsById = new HashMap<>();
    private final Map<String, Job> jobsByProjectNumber = new HashMap<>();

    void addPipeline(Pipeline pipeline) {
        pipelines.add(pipeline);
        pipelinesById.put(pipeline.id(), pipeline);
    }

    void addWorkflow(Workflow workflow) {
        workflowsById.put(workflow.id(), workflow);
    }

    /** Registers a job under its number; call once the job has one. */
    void addNumberedJob(Job job) {
        jobsByProjectNumber.put(numberKey(job.workflow().pipeline().project(), job.number()), job);
    }

    /** Returns every pipeline in creation order. */
    List<Pipeline> pipelines() {
        return pipelines;
    }

    Optional<Pipeline> pipeline(String id) {
        return Optional.ofNullable(pipelinesById.get(id));
    }

    Optional<Workflow> workflow(String id) {
        return Optional.ofNullable(workflowsById.get(id));
    }

    Optional<Job> job(Project project, long number) {
        return Optional.ofNullable(jobsByProjectNumber.get(numberKey(project, number)));
    }

    private static String numberKey(Project project, long number) {
        return project.slug() + "#" + number;
    }
}
