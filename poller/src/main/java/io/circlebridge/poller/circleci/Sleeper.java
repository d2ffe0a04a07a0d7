package io.circlebridge.poller.circleci;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Blocks the calling thread for a duration. The client waits only through this interface, so tests inject a sleeper
 * that advances a fake clock instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Blocks for {@code duration}; zero and negative durations return at once.
     *
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /** Returns a sleeper that blocks the thread for real. */
    static Sleeper system() {
        return duration -> {
            long nanos = duration.toNanos();
            if (nanos > 0) {
                TimeUnit.NANOSECONDS.sleep(nanos);
            }
        };
    }
}
