package io.circlebridge.status;

import io.circlebridge.schema.JobStatus;
import io.circlebridge.schema.PipelineState;
import io.circlebridge.schema.WorkflowStatus;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Maps CircleCI's status strings to the normalized Avro enums and tells which statuses are final.
 *
 * <p>A string CircleCI adds in the future, or null, maps to {@code UNKNOWN}; the raw string travels next to the enum
 * in every event, so nothing is lost.
 */
public final class Statuses {

    private static final Set<WorkflowStatus> TERMINAL_WORKFLOW = EnumSet.of(
            WorkflowStatus.SUCCESS, WorkflowStatus.FAILED, WorkflowStatus.ERROR, WorkflowStatus.CANCELED,
            WorkflowStatus.UNAUTHORIZED, WorkflowStatus.NOT_RUN);
    private static final Set<JobStatus> TERMINAL_JOB = EnumSet.of(
            JobStatus.SUCCESS, JobStatus.FAILED, JobStatus.CANCELED, JobStatus.UNAUTHORIZED, JobStatus.NOT_RUN,
            JobStatus.INFRASTRUCTURE_FAIL, JobStatus.TIMEDOUT, JobStatus.TERMINATED_UNKNOWN, JobStatus.RETRIED);

    private Statuses() {
    }

    public static PipelineState pipelineState(String raw) {
        return normalize(PipelineState.class, raw, PipelineState.UNKNOWN);
    }

    public static WorkflowStatus workflowStatus(String raw) {
        return normalize(WorkflowStatus.class, raw, WorkflowStatus.UNKNOWN);
    }

    public static JobStatus jobStatus(String raw) {
        return normalize(JobStatus.class, raw, JobStatus.UNKNOWN);
    }

    /** True when CircleCI will not change the workflow's status any more, unless someone reruns it. */
    public static boolean isTerminal(WorkflowStatus status) {
        return TERMINAL_WORKFLOW.contains(status);
    }

    /** True when CircleCI will not change the job's status any more. */
    public static boolean isTerminal(JobStatus status) {
        return TERMINAL_JOB.contains(status);
    }

    private static <E extends Enum<E>> E normalize(Class<E> type, String raw, E unknown) {
        if (raw == null || raw.isBlank()) {
            return unknown;
        }
        String symbol = raw.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return Enum.valueOf(type, symbol);
        } catch (IllegalArgumentException e) {
            return unknown;
        }
    }
}
