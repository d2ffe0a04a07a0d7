package io.circlebridge.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.circlebridge.schema.JobStatus;
import io.circlebridge.schema.PipelineState;
import io.circlebridge.schema.WorkflowStatus;
import org.junit.jupiter.api.Test;

class StatusesTest {

    @Test
    void shouldMapWorkflowStatuses() {
        assertThat(Statuses.workflowStatus("on_hold")).isEqualTo(WorkflowStatus.ON_HOLD);
        assertThat(Statuses.workflowStatus("failing")).isEqualTo(WorkflowStatus.FAILING);
        assertThat(Statuses.workflowStatus("queued")).isEqualTo(WorkflowStatus.QUEUED);
    }

    @Test
    void shouldMapHyphenatedStatuses() {
        assertThat(Statuses.jobStatus("terminated-unknown")).isEqualTo(JobStatus.TERMINATED_UNKNOWN);
        assertThat(Statuses.pipelineState("setup-pending")).isEqualTo(PipelineState.SETUP_PENDING);
    }

    @Test
    void shouldMapUnknownAndMissingStatusesToUnknown() {
        assertThat(Statuses.jobStatus("quantum_superposition")).isEqualTo(JobStatus.UNKNOWN);
        assertThat(Statuses.workflowStatus(null)).isEqualTo(WorkflowStatus.UNKNOWN);
        assertThat(Statuses.pipelineState("  ")).isEqualTo(PipelineState.UNKNOWN);
    }

    @Test
    void shouldTellTerminalStatuses() {
        assertThat(Statuses.isTerminal(WorkflowStatus.SUCCESS)).isTrue();
        assertThat(Statuses.isTerminal(WorkflowStatus.ON_HOLD)).isFalse();
        assertThat(Statuses.isTerminal(WorkflowStatus.UNKNOWN)).isFalse();
        assertThat(Statuses.isTerminal(JobStatus.RETRIED)).isTrue();
        assertThat(Statuses.isTerminal(JobStatus.BLOCKED)).isFalse();
    }
}
