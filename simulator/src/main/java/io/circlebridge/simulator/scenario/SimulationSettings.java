package io.circlebridge.simulator.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link Simulation}: what it generates and how fast it runs.
 *
 * @param seed drives every scenario choice and id, so equal settings and clock times give equal runs
 * @param stepDuration roughly how long one job stays queued or running
 * @param newPipelineInterval how often each project gets a new webhook pipeline; {@link Duration#ZERO} for never
 * @param initialPipelines how many pipelines each project has at start
 */
public record SimulationSettings(long seed, Duration stepDuration, Duration newPipelineInterval, int initialPipelines) {

    public SimulationSettings {
        Objects.requireNonNull(stepDuration, "stepDuration");
        Objects.requireNonNull(newPipelineInterval, "newPipelineInterval");
        if (stepDuration.toMillis() < 4) {
            throw new IllegalArgumentException("stepDuration must be at least 4 ms, got " + stepDuration);
        }
        if (newPipelineInterval.isNegative()) {
            throw new IllegalArgumentException("newPipelineInterval must not be negative, got " + newPipelineInterval);
        }
        if (initialPipelines < 0) {
            throw new IllegalArgumentException("initialPipelines must not be negative, got " + initialPipelines);
        }
    }
}
