package io.circlebridge.poller.circleci;

import java.time.Duration;

/**
 * Counters of a {@link CircleCiClient} since it was built.
 *
 * @param requests HTTP requests sent, retries included
 * @param retries requests repeated after a 429, a 5xx, an I/O error or a timeout
 * @param rateLimitedResponses 429 responses received
 * @param rateLimitedWaits times a request waited for a pause that CircleCI requested (429 or an exhausted quota)
 * @param limiterWaits times a request waited for the client-side request budget
 * @param skippedItems list items skipped because they were malformed
 * @param totalWaitTime time callers spent waiting, summed over threads: pauses, budget and retry backoff
 */
public record ClientMetrics(long requests, long retries, long rateLimitedResponses, long rateLimitedWaits,
        long limiterWaits, long skippedItems, Duration totalWaitTime) {
}
