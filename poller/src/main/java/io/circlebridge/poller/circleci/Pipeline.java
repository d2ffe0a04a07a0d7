package io.circlebridge.poller.circleci;

import java.time.Instant;
import java.util.List;

/**
 * A CircleCI pipeline as returned by {@code GET /pipeline/{id}} and the pipeline lists. Every field except
 * {@code errors} may be null, because CircleCI omits fields its spec marks as required.
 *
 * <p>{@code state} describes config processing ({@code created}, {@code errored}, {@code setup-pending},
 * {@code setup}, {@code pending} or a newer value), not the build result, which lives on the workflows.
 *
 * @param id pipeline id
 * @param projectSlug project slug as CircleCI sent it
 * @param number project-scoped pipeline number
 * @param state pipeline state as received
 * @param createdAt creation time
 * @param updatedAt last update time; CircleCI does not change it when a workflow is rerun
 * @param triggerType trigger type as received ({@code webhook}, {@code api}, {@code explicit},
 *     {@code scheduled_pipeline}, ...)
 * @param actorLogin login of the user who triggered the pipeline
 * @param branch branch from {@code vcs}, or from {@code trigger_parameters} when {@code vcs} is absent
 * @param tag tag from {@code vcs}, or from {@code trigger_parameters} when {@code vcs} is absent
 * @param revision commit SHA from {@code vcs.revision}, or the checkout SHA from {@code trigger_parameters}
 * @param errors pipeline errors; empty, never null
 */
public record Pipeline(String id, String projectSlug, Long number, String state, Instant createdAt,
        Instant updatedAt, String triggerType, String actorLogin, String branch, String tag, String revision,
        List<PipelineError> errors) {

    /** Replaces a null error list with an empty one and copies the list. */
    public Pipeline {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
