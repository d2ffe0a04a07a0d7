package io.circlebridge.local.infra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Polls a probe until it reports ready or a timeout passes. Time comes from an injected clock and pauses from an
 * injected sleeper, so tests advance a fake clock instead of sleeping.
 */
final class ReadinessWait {

    /** A readiness check. It may throw an unchecked exception to end the wait at once, for example when a process died. */
    @FunctionalInterface
    interface Probe {
        boolean isReady();
    }

    /** Pauses the calling thread. Production code uses {@link Thread#sleep(long)}. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    static final Sleeper THREAD_SLEEPER = duration -> Thread.sleep(duration.toMillis());

    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration interval;

    ReadinessWait(Clock clock, Sleeper sleeper, Duration interval) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.interval = interval;
    }

    static ReadinessWait systemClock(Duration interval) {
        return new ReadinessWait(Clock.systemUTC(), THREAD_SLEEPER, interval);
    }

    /**
     * Runs the probe until it returns true or {@code timeout} has passed on the clock. The probe runs at least
     * once, also with a zero timeout.
     *
     * @return true when the probe reported ready, false on timeout
     */
    boolean await(Probe probe, Duration timeout) throws InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            if (probe.isReady()) {
                return true;
            }

            Duration remaining = Duration.between(clock.instant(), deadline);
            if (remaining.isNegative() || remaining.isZero()) {
                return false;
            }
            sleeper.sleep(remaining.compareTo(interval) < 0 ? remaining : interval);
        }
    }
}
