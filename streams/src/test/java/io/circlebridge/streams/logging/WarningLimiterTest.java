package io.circlebridge.streams.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class WarningLimiterTest {

    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-11-30T09:15:00Z"));
    private final WarningLimiter limiter = new WarningLimiter(clock, Duration.ofMinutes(1));

    @Test
    void shouldLetFirstWarningThrough() {
        OptionalLong first = limiter.tryLog();

        assertThat(first).hasValue(0);
    }

    @Test
    void shouldHoldBackWarningsWithinInterval() {
        limiter.tryLog();
        clock.advance(Duration.ofSeconds(59));

        OptionalLong second = limiter.tryLog();

        assertThat(second).isEmpty();
    }

    @Test
    void shouldReportHeldBackCountAfterInterval() {
        limiter.tryLog();
        limiter.tryLog();
        limiter.tryLog();
        clock.advance(Duration.ofMinutes(1));

        OptionalLong next = limiter.tryLog();

        assertThat(next).hasValue(2);
    }

    @Test
    void shouldResetCountAfterLogging() {
        limiter.tryLog();
        limiter.tryLog();
        clock.advance(Duration.ofMinutes(1));
        limiter.tryLog();
        clock.advance(Duration.ofMinutes(1));

        OptionalLong next = limiter.tryLog();

        assertThat(next).hasValue(0);
    }

    /** A clock that does not move until a test advances it. */
    private static final class SteppedClock extends Clock {

        private Instant now;

        SteppedClock(Instant start) {
            this.now = start;
        }

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
