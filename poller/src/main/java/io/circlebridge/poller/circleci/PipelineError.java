package io.circlebridge.poller.circleci;

/**
 * One entry of a pipeline's {@code errors} list, usually a config or trigger problem.
 *
 * @param type CircleCI's error type as received ({@code config}, {@code config-fetch}, {@code plan}, ... or a newer
 *     value), or null
 * @param message CircleCI's message, or null
 */
public record PipelineError(String type, String message) {
}
