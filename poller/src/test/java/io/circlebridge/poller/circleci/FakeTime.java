package io.circlebridge.poller.circleci;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when something sleeps on it, and records every sleep. */
final class FakeTime extends Clock implements Sleeper {

    private Instant now;
    private final List<Duration> sleeps = new ArrayList<>();

    FakeTime() {
        this(Instant.parse("2025-01-01T00:00:00Z"));
    }

    FakeTime(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        if (!duration.isNegative()) {
            now = now.plus(duration);
        }
    }

    /** Moves the clock forward without recording a sleep. */
    synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Returns every sleep so far, in order. */
    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** Returns the sleeps of at least {@code minimum}, which leaves out the short waits for the request budget. */
    synchronized List<Duration> sleepsOfAtLeast(Duration minimum) {
        return sleeps.stream().filter(sleep -> sleep.compareTo(minimum) >= 0).toList();
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("FakeTime runs in UTC only");
    }
}
