package io.circlebridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.circlebridge.simulator.model.EntityKind;
import io.circlebridge.simulator.model.StateChange;
import io.circlebridge.simulator.support.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CircleCiSimulatorTest {

    @Test
    void shouldRequireToken() {
        CircleCiSimulator.Builder builder = CircleCiSimulator.builder();

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("A token is required: call token(...) before build()");
    }

    @Test
    void shouldRejectInvalidProjectSlug() {
        CircleCiSimulator.Builder builder = CircleCiSimulator.builder().token("t").projects(List.of("gitlab/a/b"));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unsupported VCS 'gitlab' in project slug 'gitlab/a/b'");
    }

    @Test
    void shouldRejectProjectConfiguredTwice() {
        CircleCiSimulator.Builder builder = CircleCiSimulator.builder().token("t")
                .projects(List.of("gh/example-org/repo", "github/example-org/repo"));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Project gh/example-org/repo is configured twice");
    }

    @Test
    void shouldRefuseSecondStart() {
        try (CircleCiSimulator simulator = CircleCiSimulator.builder().token("t").clock(new MutableClock()).build()) {
            simulator.start();

            assertThatThrownBy(simulator::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("The simulator can be started once; it is running");
        }
    }

    @Test
    void shouldStaggerInitialPipelinesByStep() {
        MutableClock clock = new MutableClock();
        try (CircleCiSimulator simulator = CircleCiSimulator.builder().token("t").clock(clock).initialPipelines(3)
                .stepDuration(Duration.ofSeconds(2)).newPipelineInterval(Duration.ZERO).build()) {
            simulator.start();

            List<StateChange> creations = simulator.groundTruth().stream()
                    .filter(change -> change.kind() == EntityKind.PIPELINE && change.isCreation())
                    .toList();

            assertThat(creations).extracting(StateChange::at).containsExactly(
                    MutableClock.START.minusSeconds(4), MutableClock.START.minusSeconds(2), MutableClock.START);
        }
    }

    @Test
    void shouldBecomeQuiescentOnceRunsSettle() {
        MutableClock clock = new MutableClock();
        try (CircleCiSimulator simulator = CircleCiSimulator.builder().token("t").clock(clock).initialPipelines(2)
                .newPipelineInterval(Duration.ZERO).build()) {
            simulator.start();
            boolean atStart = simulator.isQuiescent();

            clock.advance(Duration.ofMinutes(5));

            assertThat(atStart).isFalse();
            assertThat(simulator.isQuiescent()).isTrue();
        }
    }
}
