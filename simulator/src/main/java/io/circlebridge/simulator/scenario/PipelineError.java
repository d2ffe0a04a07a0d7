package io.circlebridge.simulator.scenario;

/**
 * An entry of an errored pipeline's {@code errors} list.
 *
 * @param type one of the spec's error types, such as {@code config} or {@code config-fetch}
 */
public record PipelineError(String type, String message) {
}
