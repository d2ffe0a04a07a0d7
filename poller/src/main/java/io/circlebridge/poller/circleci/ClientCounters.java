package io.circlebridge.poller.circleci;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe counters behind {@link ClientMetrics}. */
final class ClientCounters {

    private final LongAdder requests = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder rateLimitedResponses = new LongAdder();
    private final LongAdder rateLimitedWaits = new LongAdder();
    private final LongAdder limiterWaits = new LongAdder();
    private final LongAdder skippedItems = new LongAdder();
    private final LongAdder waitNanos = new LongAdder();

    void request() {
        requests.increment();
    }

    void retry() {
        retries.increment();
    }

    void rateLimitedResponse() {
        rateLimitedResponses.increment();
    }

    void rateLimitedWait() {
        rateLimitedWaits.increment();
    }

    void limiterWait() {
        limiterWaits.increment();
    }

    void skippedItem() {
        skippedItems.increment();
    }

    void waited(Duration duration) {
        waitNanos.add(duration.toNanos());
    }

    ClientMetrics snapshot() {
        return new ClientMetrics(requests.sum(), retries.sum(), rateLimitedResponses.sum(), rateLimitedWaits.sum(),
                limiterWaits.sum(), skippedItems.sum(), Duration.ofNanos(waitNanos.sum()));
    }
}
