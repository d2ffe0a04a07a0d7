package io.circlebridge.streams.topology;

import io.circlebridge.schema.OverallStatus;
import io.circlebridge.schema.PipelineState;
import io.circlebridge.schema.WorkflowStatus;
import io.circlebridge.schema.WorkflowSummary;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Derives a pipeline's overall status from its state and the latest run of each workflow name.
 *
 * <p>The rules, first match wins:
 * <ol>
 *   <li>pipeline state ERRORED: ERRORED</li>
 *   <li>no workflows: PENDING</li>
 *   <li>any FAILING, or any FAILED, ERROR or UNAUTHORIZED while another is RUNNING, QUEUED or ON_HOLD, because
 *   the pipeline has failed but is not done: FAILING</li>
 *   <li>any RUNNING or QUEUED: RUNNING</li>
 *   <li>any ON_HOLD: ON_HOLD</li>
 *   <li>any FAILED, ERROR or UNAUTHORIZED: FAILED</li>
 *   <li>any CANCELED: CANCELED</li>
 *   <li>only SUCCESS, or SUCCESS mixed with NOT_RUN: SUCCESS</li>
 *   <li>only NOT_RUN: NOT_RUN</li>
 *   <li>anything else, which means an UNKNOWN status is involved: UNKNOWN</li>
 * </ol>
 *
 * <p>A rerun is a new workflow id with the same name, so only the latest workflow of each name counts: the one created
 * last, then the one observed last. An earlier failed run therefore does not fail a pipeline whose rerun succeeded.
 */
public final class OverallStatusRule {

    private static final Set<WorkflowStatus> FAILED = EnumSet.of(
            WorkflowStatus.FAILED, WorkflowStatus.ERROR, WorkflowStatus.UNAUTHORIZED);
    private static final Set<WorkflowStatus> ACTIVE = EnumSet.of(WorkflowStatus.RUNNING, WorkflowStatus.QUEUED);
    private static final Set<WorkflowStatus> SUCCEEDED = EnumSet.of(WorkflowStatus.SUCCESS, WorkflowStatus.NOT_RUN);

    /** Orders runs of one workflow name from oldest to latest; a missing time sorts before any time. */
    private static final Comparator<WorkflowSummary> RUN_ORDER = Comparator
            .comparing(WorkflowSummary::getCreatedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(WorkflowSummary::getObservedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(WorkflowSummary::getWorkflowId);

    private OverallStatusRule() {
    }

    /**
     * Derives the overall status of a pipeline.
     *
     * @param state the pipeline state; null is treated as {@link PipelineState#UNKNOWN}
     * @param workflows every workflow of the pipeline, reruns included, in any order
     */
    public static OverallStatus derive(PipelineState state, List<WorkflowSummary> workflows) {
        if (state == PipelineState.ERRORED) {
            return OverallStatus.ERRORED;
        }
        if (workflows.isEmpty()) {
            return OverallStatus.PENDING;
        }

        Set<WorkflowStatus> statuses = EnumSet.noneOf(WorkflowStatus.class);
        for (WorkflowSummary workflow : latestPerName(workflows)) {
            statuses.add(workflow.getStatus() == null ? WorkflowStatus.UNKNOWN : workflow.getStatus());
        }
        return fromLatestStatuses(statuses);
    }

    private static OverallStatus fromLatestStatuses(Set<WorkflowStatus> statuses) {
        boolean anyFailed = containsAny(statuses, FAILED);
        boolean anyActive = containsAny(statuses, ACTIVE);

        boolean anyWaiting = anyActive || statuses.contains(WorkflowStatus.ON_HOLD);
        if (statuses.contains(WorkflowStatus.FAILING) || (anyFailed && anyWaiting)) {
            return OverallStatus.FAILING;
        }
        if (anyActive) {
            return OverallStatus.RUNNING;
        }
        if (statuses.contains(WorkflowStatus.ON_HOLD)) {
            return OverallStatus.ON_HOLD;
        }
        if (anyFailed) {
            return OverallStatus.FAILED;
        }
        if (statuses.contains(WorkflowStatus.CANCELED)) {
            return OverallStatus.CANCELED;
        }
        if (SUCCEEDED.containsAll(statuses)) {
            return statuses.contains(WorkflowStatus.SUCCESS) ? OverallStatus.SUCCESS : OverallStatus.NOT_RUN;
        }
        return OverallStatus.UNKNOWN;
    }

    /** Keeps the latest run of each workflow name; a workflow without a name counts as a name of its own. */
    private static Collection<WorkflowSummary> latestPerName(List<WorkflowSummary> workflows) {
        Map<String, WorkflowSummary> latest = new HashMap<>();
        for (WorkflowSummary workflow : workflows) {
            String name = workflow.getName() == null ? "id:" + workflow.getWorkflowId() : "name:" + workflow.getName();
            latest.merge(name, workflow, (kept, other) -> RUN_ORDER.compare(other, kept) > 0 ? other : kept);
        }
        return latest.values();
    }

    private static boolean containsAny(Set<WorkflowStatus> statuses, Set<WorkflowStatus> candidates) {
        for (WorkflowStatus status : candidates) {
            if (statuses.contains(status)) {
                return true;
            }
        }
        return false;
    }
}
