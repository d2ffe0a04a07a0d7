package io.circlebridge.simulator.scenario;

/**
 * The source a pipeline built: the commit and the branch or tag that pointed at it.
 *
 * @param branch {@code null} for tag pipelines
 * @param tag {@code null} for branch pipelines
 */
public record Revision(String sha, String branch, String tag, String subject, String body) {
}
