package io.circlebridge.poller.circleci;

import java.util.Objects;

/**
 * Branch selection of a workflow insights report: one branch, all branches, or the project's default branch.
 *
 * @param branch branch name, or null
 * @param all true to aggregate over all branches
 */
public record BranchFilter(String branch, boolean all) {

    /** Rejects a filter that names a branch and selects all branches at once. */
    public BranchFilter {
        if (branch != null && all) {
            throw new IllegalArgumentException("A branch filter names either one branch or all branches, not both");
        }
    }

    /** Returns a filter for one branch. */
    public static BranchFilter branch(String branch) {
        Objects.requireNonNull(branch, "branch");
        return new BranchFilter(branch, false);
    }

    /** Returns a filter that aggregates over all branches. */
    public static BranchFilter allBranches() {
        return new BranchFilter(null, true);
    }

    /** Returns a filter for the project's default branch, which is what CircleCI reports when neither is sent. */
    public static BranchFilter defaultBranch() {
        return new BranchFilter(null, false);
    }
}
