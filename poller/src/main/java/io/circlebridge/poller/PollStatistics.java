package io.circlebridge.poller;

import io.circlebridge.poller.detect.PollResult;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of the poller since it started, for the periodic summary log and for tests. */
public final class PollStatistics {

    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong eventsWritten = new AtomicLong();
    private final AtomicLong failedCalls = new AtomicLong();
    private final AtomicLong failedWrites = new AtomicLong();

    void recordPoll(PollResult result) {
        polls.incrementAndGet();
        failedCalls.addAndGet(result.failedCalls());
    }

    void recordWrite(PollResult result) {
        eventsWritten.addAndGet(result.eventCount());
    }

    void recordFailedWrite() {
        failedWrites.incrementAndGet();
    }

    /** Project polls done, one per project per round. */
    public long polls() {
        return polls.get();
    }

    public long eventsWritten() {
        return eventsWritten.get();
    }

    public long failedCalls() {
        return failedCalls.get();
    }

    public long failedWrites() {
        return failedWrites.get();
    }
}
