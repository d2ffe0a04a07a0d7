package io.circlebridge.simulator.scenario;

import io.circlebridge.simulator.model.PipelineState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the {@link ScenarioGenerator} decided about a new pipeline, before it exists.
 *
 * @param initialState the state at creation: {@code pending} for API triggers
 * @param pendingState the state that replaces {@code pending}, or {@code null} for webhook pipelines
 * @param workflowsDueAt when the first workflows appear, or {@code null} for errored pipelines
 */
record PipelineDraft(
        String id,
        Project project,
        long number,
        Instant createdAt,
        Instant receivedAt,
        String triggerType,
        Actor actor,
        Revision revision,
        Map<String, Object> parameters,
        List<PipelineError> errors,
        RandomSource random,
        PipelineState initialState,
        PipelineState pendingState,
        Instant pendingStateAt,
        List<WorkflowPlan> setupPlans,
        List<WorkflowPlan> mainPlans,
        Instant workflowsDueAt) {
}
