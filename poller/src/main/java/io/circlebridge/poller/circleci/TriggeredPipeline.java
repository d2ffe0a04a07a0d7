package io.circlebridge.poller.circleci;

import java.time.Instant;

/**
 * CircleCI's response to a trigger request.
 *
 * <p>{@code created} is false when the {@code pipeline/run} endpoint returned 200 with only a {@code message} (for
 * example "Ignoring pipeline due to CI skip in the commit"): no pipeline exists then, and the other fields are null.
 * A created pipeline may still run no workflow at all, because branch and tag filters apply after creation.
 *
 * @param id pipeline id, or null when none was created
 * @param number pipeline number, or null
 * @param state pipeline state right after creation, usually {@code pending} or {@code created}, or null
 * @param createdAt creation time, or null
 * @param created true when CircleCI created a pipeline
 * @param message CircleCI's explanation when no pipeline was created, otherwise null
 */
public record TriggeredPipeline(String id, Long number, String state, Instant createdAt, boolean created,
        String message) {
}
