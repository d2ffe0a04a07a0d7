package io.circlebridge.streams.topology;

import static io.circlebridge.streams.topology.Events.summaries;
import static io.circlebridge.streams.topology.Events.summary;
import static org.assertj.core.api.Assertions.assertThat;

import io.circlebridge.schema.OverallStatus;
import io.circlebridge.schema.PipelineState;
import io.circlebridge.schema.WorkflowStatus;
import io.circlebridge.schema.WorkflowSummary;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class OverallStatusRuleTest {

    @Test
    void shouldReturnErroredWhenPipelineErrored() {
        List<WorkflowSummary> workflows = summaries(WorkflowStatus.SUCCESS);

        OverallStatus status = OverallStatusRule.derive(PipelineState.ERRORED, workflows);

        assertThat(status).isEqualTo(OverallStatus.ERRORED);
    }

    @ParameterizedTest
    @EnumSource(value = PipelineState.class, names = "ERRORED", mode = EnumSource.Mode.EXCLUDE)
    void shouldReturnPendingWithoutWorkflows(PipelineState state) {
        OverallStatus status = OverallStatusRule.derive(state, List.of());

        assertThat(status).isEqualTo(OverallStatus.PENDING);
    }

    @Test
    void shouldTreatNullStateAsNotErrored() {
        List<WorkflowSummary> workflows = summaries(WorkflowStatus.SUCCESS);

        OverallStatus status = OverallStatusRule.derive(null, workflows);

        assertThat(status).isEqualTo(OverallStatus.SUCCESS);
    }

    static Stream<Arguments> latestStatuses() {
        return Stream.of(
                Arguments.of(OverallStatus.FAILING, List.of(WorkflowStatus.FAILING, WorkflowStatus.SUCCESS)),
                Arguments.of(OverallStatus.FAILING, List.of(WorkflowStatus.FAILED, WorkflowStatus.RUNNING)),
                Arguments.of(OverallStatus.FAILING, List.of(WorkflowStatus.ERROR, WorkflowStatus.QUEUED)),
                Arguments.of(OverallStatus.FAILING, List.of(WorkflowStatus.UNAUTHORIZED, WorkflowStatus.RUNNING)),
                Arguments.of(OverallStatus.FAILING, List.of(WorkflowStatus.FAILING, WorkflowStatus.ON_HOLD)),
                Arguments.of(OverallStatus.RUNNING, List.of(WorkflowStatus.RUNNING, WorkflowStatus.SUCCESS)),
                Arguments.of(OverallStatus.RUNNING, List.of(WorkflowStatus.QUEUED)),
                Arguments.of(OverallStatus.RUNNING, List.of(WorkflowStatus.RUNNING, WorkflowStatus.ON_HOLD)),
                Arguments.of(OverallStatus.RUNNING, List.of(WorkflowStatus.RUNNING, WorkflowStatus.UNKNOWN)),
                Arguments.of(OverallStatus.RUNNING, List.of(WorkflowStatus.QUEUED, WorkflowStatus.CANCELED)),
                Arguments.of(OverallStatus.ON_HOLD, List.of(WorkflowStatus.ON_HOLD, WorkflowStatus.SUCCESS)),
                Arguments.of(OverallStatus.FAILING, List.of(WorkflowStatus.ON_HOLD, WorkflowStatus.FAILED)),
                Arguments.of(OverallStatus.FAILED, List.of(WorkflowStatus.FAILED, WorkflowStatus.SUCCESS)),
                Arguments.of(OverallStatus.FAILED, List.of(WorkflowStatus.ERROR)),
                Arguments.of(OverallStatus.FAILED, List.of(WorkflowStatus.UNAUTHORIZED, WorkflowStatus.CANCELED)),
                Arguments.of(OverallStatus.FAILED, List.of(WorkflowStatus.FAILED, WorkflowStatus.UNKNOWN)),
                Arguments.of(OverallStatus.CANCELED, List.of(WorkflowStatus.CANCELED, WorkflowStatus.SUCCESS)),
                Arguments.of(OverallStatus.CANCELED, List.of(WorkflowStatus.CANCELED, WorkflowStatus.UNKNOWN)),
                Arguments.of(OverallStatus.SUCCESS, List.of(WorkflowStatus.SUCCESS, WorkflowStatus.SUCCESS)),
                Arguments.of(OverallStatus.SUCCESS, List.of(WorkflowStatus.SUCCESS, WorkflowStatus.NOT_RUN)),
                Arguments.of(OverallStatus.NOT_RUN, List.of(WorkflowStatus.NOT_RUN, WorkflowStatus.NOT_RUN)),
                Arguments.of(OverallStatus.UNKNOWN, List.of(WorkflowStatus.UNKNOWN)),
                Arguments.of(OverallStatus.UNKNOWN, List.of(WorkflowStatus.SUCCESS, WorkflowStatus.UNKNOWN)),
                Arguments.of(OverallStatus.UNKNOWN, List.of(WorkflowStatus.NOT_RUN, WorkflowStatus.UNKNOWN)));
    }

    @ParameterizedTest(name = "{1} -> {0}")
    @MethodSource("latestStatuses")
    void shouldDeriveFromLatestStatuses(OverallStatus expected, List<WorkflowStatus> statuses) {
        List<WorkflowSummary> workflows = summaries(statuses.toArray(WorkflowStatus[]::new));

        OverallStatus status = OverallStatusRule.derive(PipelineState.CREATED, workflows);

        assertThat(status).isEqualTo(expected);
    }

    @Test
    void shouldIgnoreEarlierRunOfRerunWorkflow() {
        List<WorkflowSummary> workflows = List.of(
                summary("run-1", "build", WorkflowStatus.FAILED, 0),
                summary("run-2", "build", WorkflowStatus.SUCCESS, 100));

        OverallStatus status = OverallStatusRule.derive(PipelineState.CREATED, workflows);

        assertThat(status).isEqualTo(OverallStatus.SUCCESS);
    }

    @Test
    void shouldPickLatestRunInAnyPosition() {
        List<WorkflowSummary> workflows = List.of(
                summary("run-2", "build", WorkflowStatus.RUNNING, 100),
                summary("run-1", "build", WorkflowStatus.FAILED, 0));

        OverallStatus status = OverallStatusRule.derive(PipelineState.CREATED, workflows);

        assertThat(status).isEqualTo(OverallStatus.RUNNING);
    }

    @Test
    void shouldBreakCreationTieByObservation() {
        WorkflowSummary observedFirst = summary("run-a", "build", WorkflowStatus.FAILED, 10);
        WorkflowSummary createdTogether = summary("run-b", "build", WorkflowStatus.SUCCESS, 10);
        WorkflowSummary observedLater = WorkflowSummary.newBuilder(createdTogether)
                .setObservedAt(observedFirst.getObservedAt().plusSeconds(5))
                .build();

        OverallStatus status = OverallStatusRule.derive(PipelineState.CREATED, List.of(observedLater, observedFirst));

        assertThat(status).isEqualTo(OverallStatus.SUCCESS);
    }

    @Test
    void shouldKeepEveryWorkflowOfOtherNames() {
        List<WorkflowSummary> workflows = List.of(
                summary("build-1", "build", WorkflowStatus.SUCCESS, 0),
                summary("deploy-1", "deploy", WorkflowStatus.FAILED, 0),
                summary("build-2", "build", WorkflowStatus.SUCCESS, 100));

        OverallStatus status = OverallStatusRule.derive(PipelineState.CREATED, workflows);

        assertThat(status).isEqualTo(OverallStatus.FAILED);
    }

    @Test
    void shouldKeepUnnamedWorkflowsApart() {
        List<WorkflowSummary> workflows = List.of(
                summary("first", null, WorkflowStatus.FAILED, 0),
                summary("second", null, WorkflowStatus.SUCCESS, 100));

        OverallStatus status = OverallStatusRule.derive(PipelineState.CREATED, workflows);

        assertThat(status).isEqualTo(OverallStatus.FAILED);
    }
}
