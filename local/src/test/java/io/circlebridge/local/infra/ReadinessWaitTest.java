package io.circlebridge.local.infra;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadinessWaitTest {

    private static final Duration INTERVAL = Duration.ofMillis(100);

    private final ManualClock clock = new ManualClock();
    private final List<Duration> sleeps = new ArrayList<>();
    private final ReadinessWait wait = new ReadinessWait(clock, duration -> {
        sleeps.add(duration);
        clock.advance(duration);
    }, INTERVAL);

    @Test
    void shouldReturnTrueOnceProbeIsReady() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();

        boolean ready = wait.await(() -> calls.incrementAndGet() == 3, Duration.ofSeconds(10));

        assertThat(ready).isTrue();
        assertThat(calls).hasValue(3);
        assertThat(sleeps).containsExactly(INTERVAL, INTERVAL);
    }

    @Test
    void shouldReturnFalseWhenTimeoutPasses() throws InterruptedException {
        boolean ready = wait.await(() -> false, Duration.ofMillis(250));

        assertThat(ready).isFalse();
        assertThat(sleeps).containsExactly(INTERVAL, INTERVAL, Duration.ofMillis(50));
    }

    @Test
    void shouldProbeOnceWithZeroTimeout() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();

        boolean ready = wait.await(() -> calls.incrementAndGet() > 1, Duration.ZERO);

        assertThat(ready).isFalse();
        assertThat(calls).hasValue(1);
    }

    @Test
    void shouldStopAtOnceWhenProbeThrows() {
        ReadinessWait.Probe failing = () -> {
            throw new IllegalStateException("process exited");
        };

        assertThatThrownBy(() -> wait.await(failing, Duration.ofSeconds(10))).hasMessage("process exited");
        assertThat(sleeps).isEmpty();
    }

    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
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
