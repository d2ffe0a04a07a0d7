package io.circlebridge.poller.circleci;

import java.time.Instant;

/**
 * Aggregated metrics of one workflow over a reporting window, as returned by {@code GET /insights/{slug}/workflows}.
 * CircleCI refreshes them about once a day, so the last day may be missing. Every field may be null.
 *
 * @param name workflow name
 * @param projectId project id
 * @param windowStart time of the first run in the window
 * @param windowEnd time of the last run in the window
 * @param totalRuns number of runs
 * @param successfulRuns number of successful runs
 * @param failedRuns number of failed runs
 * @param successRate successful runs divided by total runs, from 0 to 1
 * @param throughput average number of runs per day
 * @param mttrSeconds mean time to recovery, in seconds
 * @param totalRecoveries number of recoveries from failure
 * @param totalCreditsUsed credits used; an estimate, not billing data
 * @param duration run duration statistics, in seconds; never null, its fields may be
 */
public record WorkflowMetrics(String name, String projectId, Instant windowStart, Instant windowEnd, Long totalRuns,
        Long successfulRuns, Long failedRuns, Double successRate, Double throughput, Long mttrSeconds,
        Long totalRecoveries, Long totalCreditsUsed, DurationMetrics duration) {

    /** Replaces null duration statistics with an empty set. */
    public WorkflowMetrics {
        duration = duration == null ? new DurationMetrics(null, null, null, null, null, null) : duration;
    }

    /**
     * Run duration statistics, in seconds.
     *
     * @param min shortest run
     * @param mean mean run
     * @param median median run
     * @param p95 95th percentile
     * @param max longest run
     * @param standardDeviation standard deviation
     */
    public record DurationMetrics(Long min, Long mean, Long median, Long p95, Long max, Double standardDeviation) {
    }
}
