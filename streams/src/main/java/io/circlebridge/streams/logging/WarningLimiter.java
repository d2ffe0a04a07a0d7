package io.circlebridge.streams.logging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Lets one warning of a kind through per interval and counts the ones held back, so a flood of bad records costs one
 * log line per interval instead of one per record. Thread-safe: Kafka Streams may call it from several stream threads.
 */
public final class WarningLimiter {

    /** The interval used by CircleBridge's streams warnings. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

    private final Clock clock;
    private final Duration interval;
    private Instant lastLogged;
    private long suppressed;

    public WarningLimiter(Clock clock, Duration interval) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    /**
     * Records one occurrence and decides whether to log it.
     *
     * @return empty when this occurrence is to be held back. Otherwise the caller logs it, and the value is the number
     *     of occurrences held back since the last one logged.
     */
    public synchronized OptionalLong tryLog() {
        Instant now = clock.instant();
        if (lastLogged != null && now.isBefore(lastLogged.plus(interval))) {
            suppressed++;
            return OptionalLong.empty();
        }

        long heldBack = suppressed;
        lastLogged = now;
        suppressed = 0;
        return OptionalLong.of(heldBack);
    }
}
