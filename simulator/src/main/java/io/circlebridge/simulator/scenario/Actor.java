package io.circlebridge.simulator.scenario;

/**
 * A user who triggers pipelines or starts workflows.
 *
 * @param id the user's UUID, as workflows report it in {@code started_by}
 * @param avatarUrl {@code null} for users without an avatar, as the real API reports some
 */
public record Actor(String id, String login, String avatarUrl) {
}
