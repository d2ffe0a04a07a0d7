package io.circlebridge.poller.circleci;

import java.util.List;

/**
 * Items of a cursor-paged CircleCI list, in the order CircleCI returned them (newest first for pipelines).
 *
 * <p>{@code complete} is false when the listing stopped before CircleCI's last page: the page cap was reached, the
 * cursor repeated, or a later page failed. The items read before that point are kept, and {@code stopReason} states why
 * the listing stopped.
 *
 * @param items items read; malformed items are skipped
 * @param complete true when the last page was read
 * @param stopReason why the listing stopped early, or null when it is complete
 * @param pageCapReached true when the listing stopped only because it read the maximum number of pages
 * @param <T> item type
 */
public record PagedResult<T>(List<T> items, boolean complete, String stopReason, boolean pageCapReached) {

    /** Copies the item list. */
    public PagedResult {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** A listing that did not stop at the page cap. */
    public PagedResult(List<T> items, boolean complete, String stopReason) {
        this(items, complete, stopReason, false);
    }

    /** True when every page was read or the listing stopped only because it reached the page cap, not on a fault. */
    public boolean endedNormally() {
        return complete || pageCapReached;
    }
}
