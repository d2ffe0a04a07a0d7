package io.circlebridge.poller.detect;

import io.circlebridge.schema.JobEvent;
import io.circlebridge.schema.PipelineEvent;
import io.circlebridge.schema.WorkflowEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outcome of one poll of one project: the events to write, in the order observed, and the checkpoints to store
 * with them. Nothing in it is applied until it has been written in one transaction.
 */
public final class PollResult {

    private final String projectSlug;
    private final List<PipelineEvent> pipelineEvents = new ArrayList<>();
    private final List<WorkflowEvent> workflowEvents = new ArrayList<>();
    private final List<JobEvent> jobEvents = new ArrayList<>();
    private final Map<String, PipelineCheckpoint> checkpoints = new LinkedHashMap<>();
    private final Set<String> forgottenPipelines = new LinkedHashSet<>();
    private int failedCalls;

    public PollResult(String projectSlug) {
        this.projectSlug = projectSlug;
    }

    public String projectSlug() {
        return projectSlug;
    }

    public List<PipelineEvent> pipelineEvents() {
        return pipelineEvents;
    }

    public List<WorkflowEvent> workflowEvents() {
        return workflowEvents;
    }

    public List<JobEvent> jobEvents() {
        return jobEvents;
    }

    /** Updated checkpoints by pipeline id. */
    public Map<String, PipelineCheckpoint> checkpoints() {
        return checkpoints;
    }

    /** Pipelines the poller stops tracking; their checkpoints are deleted. */
    public Set<String> forgottenPipelines() {
        return forgottenPipelines;
    }

    /** CircleCI calls of this poll that failed; their parts are polled again next time. */
    public int failedCalls() {
        return failedCalls;
    }

    public int eventCount() {
        return pipelineEvents.size() + workflowEvents.size() + jobEvents.size();
    }

    public boolean isEmpty() {
        return eventCount() == 0 && checkpoints.isEmpty() && forgottenPipelines.isEmpty();
    }

    void addFailedCall() {
        failedCalls++;
    }
}
