package io.circlebridge.poller.circleci;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paces every request of one client: the client-side request budget and the pauses CircleCI requests.
 *
 * <p>The budget is a resilience4j {@link RateLimiter} that grants one permit per cycle of {@code window / (budget -
 * 1)}. Permits in fixed cycles can fall at the end of one cycle and the start of the next, so with {@code budget - 1}
 * cycles per window no sliding window of that length ever contains more than {@code budget} requests, at the price of a
 * sustained rate of {@code budget - 1} per window. Callers reserve a permit and wait for it through the injected
 * {@link Sleeper}.
 *
 * <p>A pause (after a 429, or when a response reports an exhausted quota) holds back every caller until the pause
 * ends, measured on the injected {@link Clock}. A pause longer than {@code maxWait} is not waited out: the request
 * fails with {@link CircleCiException.Kind#RATE_LIMITED} at once, so that no caller blocks for an hour. Each pause
 * episode and each run of budget waits is logged once, not per request.
 *
 * <p>NOTE: resilience4j 2.3's {@code AtomicRateLimiter} measures its cycles with {@link System#nanoTime()} and offers
 * no clock hook, so only the waiting, not the cycle boundaries, follows an injected clock.
 */
final class Throttle {

    private static final Logger LOG = LoggerFactory.getLogger(Throttle.class);

    private final RateLimiter limiter;
    private final int budget;
    private final Duration window;
    private final Duration maxWait;
    private final IntervalFunction rejectionBackoff;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ClientCounters counters;

    private final Object lock = new Object();
    private Instant pausedUntil = Instant.EPOCH;
    private Instant pauseEpisodeStart;
    private int pauseEpisodeRejections;
    private int consecutiveRejections;
    private Instant lastBudgetWait;

    /**
     * Creates a throttle.
     *
     * @param budget requests allowed in any window, at least 2
     * @param window length of the budget window
     * @param maxWait longest a request waits for the budget or a pause before it fails
     * @param rejectionBackoff wait after the n-th consecutive 429 that carries no header saying how long to wait
     */
    Throttle(int budget, Duration window, Duration maxWait, IntervalFunction rejectionBackoff, Clock clock,
            Sleeper sleeper, ClientCounters counters) {
        if (budget < 2) {
            throw new IllegalArgumentException("Request budget must be at least 2 per window, got " + budget);
        }
        this.budget = budget;
        this.window = window;
        this.maxWait = maxWait;
        this.rejectionBackoff = rejectionBackoff;
        this.clock = clock;
        this.sleeper = sleeper;
        this.counters = counters;
        this.limiter = RateLimiter.of("circleci-api", RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(window.dividedBy(budget - 1))
                .timeoutDuration(maxWait)
                .build());
    }

    /**
     * Blocks until the request may be sent: after any pause and once a budget permit is due.
     *
     * @throws CircleCiException of kind {@code RATE_LIMITED} when the pause or the budget queue is longer than the
     *     max wait
     * @throws InterruptedException when interrupted while waiting
     */
    void acquire(ApiCall call) throws InterruptedException {
        while (true) {
            awaitPause(call);

            long nanos = limiter.reservePermission();
            if (nanos < 0) {
                throw new CircleCiException(CircleCiException.Kind.RATE_LIMITED, CircleCiException.NO_STATUS,
                        call.method(), call.path(), null, false,
                        call + " was not sent: the client-side budget of " + budget + " requests per "
                                + format(window) + " has more requests queued than fit in the max wait of "
                                + format(maxWait) + "; send fewer requests or raise the budget",
                        null);
            }
            if (nanos > 0) {
                Duration wait = Duration.ofNanos(nanos);
                logBudgetWait(wait);
                counters.limiterWait();
                sleep(wait);
            }

            // A pause that began while this request waited for its permit wins: the permit is given up, so that
            // requests held back by the pause cannot all leave at once when it ends.
            if (pauseRemaining().isZero()) {
                return;
            }
        }
    }

    /** Pauses every caller after a 429, as long as the headers request, or by backoff when they give no wait. */
    void onRejected(ApiCall call, RateLimitHeaders headers) {
        counters.rateLimitedResponse();
        Optional<Duration> requested = headers.waitAfterRejection();
        Duration wait;
        String reason;
        synchronized (lock) {
            consecutiveRejections++;
            pauseEpisodeRejections++;
            if (requested.isPresent()) {
                wait = requested.get();
                reason = "as its rate-limit headers request";
            } else {
                wait = Duration.ofMillis(rejectionBackoff.apply(consecutiveRejections));
                reason = "by backoff, because no header gives a wait";
            }
        }
        pause(wait, true, "CircleCI returned 429 Too Many Requests to " + call + "; pausing all requests for "
                + format(wait) + " " + reason + describeQuota(headers));
    }

    /**
     * Ends a pause episode after any response other than 429, and pauses ahead of time when the headers report an
     * exhausted quota.
     */
    void onAccepted(ApiCall call, RateLimitHeaders headers) {
        Duration episode = null;
        int rejections = 0;
        synchronized (lock) {
            consecutiveRejections = 0;
            Instant now = clock.instant();
            if (pauseEpisodeStart != null && !now.isBefore(pausedUntil)) {
                episode = Duration.between(pauseEpisodeStart, now);
                rejections = pauseEpisodeRejections;
                pauseEpisodeStart = null;
                pauseEpisodeRejections = 0;
            }
        }
        if (episode != null) {
            LOG.info("CircleCI requests resumed after a rate-limit pause of {} ({} responses were 429)",
                    format(episode), rejections);
        }

        Optional<Duration> reset = headers.exhaustedReset();
        if (reset.isPresent() && !reset.get().isZero()) {
            pause(reset.get(), false, "CircleCI reports no requests left after " + call + "; pausing all requests for "
                    + format(reset.get()) + " until the quota resets" + describeQuota(headers));
        }
    }

    private void pause(Duration wait, boolean rejected, String message) {
        Instant now = clock.instant();
        Instant until = now.plus(wait);
        boolean newEpisode;
        synchronized (lock) {
            newEpisode = pauseEpisodeStart == null;
            if (newEpisode) {
                pauseEpisodeStart = now;
            }
            if (until.isAfter(pausedUntil)) {
                pausedUntil = until;
            }
        }
        if (!newEpisode) {
            LOG.debug("{} (pause already in progress)", message);
        } else if (rejected) {
            LOG.warn("{}. Further 429 responses in this pause are logged at DEBUG.", message);
        } else {
            LOG.info("{}", message);
        }
    }

    private void awaitPause(ApiCall call) throws InterruptedException {
        Duration remaining = pauseRemaining();
        while (!remaining.isZero()) {
            if (remaining.compareTo(maxWait) > 0) {
                throw new CircleCiException(CircleCiException.Kind.RATE_LIMITED, CircleCiException.NO_STATUS,
                        call.method(), call.path(), null, false,
                        call + " was not sent: CircleCI requested a pause of another " + format(remaining)
                                + ", longer than the max wait of " + format(maxWait) + "; try again later",
                        null);
            }
            counters.rateLimitedWait();
            sleep(remaining);
            remaining = pauseRemaining();
        }
    }

    private Duration pauseRemaining() {
        synchronized (lock) {
            Duration remaining = Duration.between(clock.instant(), pausedUntil);
            return remaining.isNegative() ? Duration.ZERO : remaining;
        }
    }

    private void logBudgetWait(Duration wait) {
        Instant now = clock.instant();
        boolean firstOfEpisode;
        synchronized (lock) {
            firstOfEpisode = lastBudgetWait == null || Duration.between(lastBudgetWait, now).compareTo(window) > 0;
            lastBudgetWait = now;
        }
        if (firstOfEpisode) {
            LOG.info("Client-side budget of {} CircleCI requests per {} is in use: requests now wait for their turn "
                    + "(this one {}). Further waits are not logged until a whole window passes without one.",
                    budget, format(window), format(wait));
        }
    }

    private void sleep(Duration wait) throws InterruptedException {
        counters.waited(wait);
        sleeper.sleep(wait);
    }

    private static String describeQuota(RateLimitHeaders headers) {
        return headers.mostRestrictive()
                .map(quota -> " (" + quota.name() + ": limit " + quota.limit() + ", remaining " + quota.remaining()
                        + ")")
                .orElse("");
    }

    /** Formats a duration as milliseconds below one second and as seconds with one decimal above. */
    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
