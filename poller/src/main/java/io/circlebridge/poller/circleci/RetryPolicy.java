package io.circlebridge.poller.circleci;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;

/**
 * How often and how fast the client repeats a failed request.
 *
 * <p>Reads are repeated after a 5xx, an I/O error or a timeout; every request is repeated after a 429 once the pause
 * CircleCI requested has passed. Pipeline triggers are repeated only when the request cannot have reached CircleCI
 * (a refused connection or a 429), so that a retry never creates a second pipeline. Waits grow exponentially from
 * {@code initialBackoff} by {@code multiplier}, each randomized by up to {@code randomizationFactor} in either
 * direction, and capped at {@code maxBackoff}. The same curve spaces 429 retries when CircleCI sends no header that
 * gives how long to wait.
 *
 * @param maxAttempts total attempts per request, first one included; 1 disables retries
 * @param initialBackoff wait before the first retry
 * @param multiplier growth factor per retry, at least 1
 * @param maxBackoff longest wait between two attempts
 * @param randomizationFactor jitter from 0 (none) to below 1
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff,
        double randomizationFactor) {

    /** Default attempts per request. */
    public static final int DEFAULT_MAX_ATTEMPTS = 4;
    /** Default wait before the first retry. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);
    /** Default growth factor per retry. */
    public static final double DEFAULT_MULTIPLIER = 2.0;
    /** Default longest wait between attempts. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);
    /** Default jitter. */
    public static final double DEFAULT_RANDOMIZATION_FACTOR = 0.5;

    /** Validates the values. */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (initialBackoff == null || initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new IllegalArgumentException("initialBackoff must be positive, got " + initialBackoff);
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("multiplier must be at least 1, got " + multiplier);
        }
        if (maxBackoff == null || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff must be at least initialBackoff (" + initialBackoff
                    + "), got " + maxBackoff);
        }
        if (randomizationFactor < 0.0 || randomizationFactor >= 1.0) {
            throw new IllegalArgumentException("randomizationFactor must be in [0, 1), got " + randomizationFactor);
        }
    }

    /** Returns the default policy: 4 attempts, waits from 1 s doubling up to 30 s, with 50 % jitter. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_BACKOFF, DEFAULT_MULTIPLIER, DEFAULT_MAX_BACKOFF,
                DEFAULT_RANDOMIZATION_FACTOR);
    }

    /** Returns a policy that tries each request once. */
    public static RetryPolicy noRetries() {
        return defaults().withMaxAttempts(1);
    }

    /** Returns a copy with another number of attempts. */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, initialBackoff, multiplier, maxBackoff, randomizationFactor);
    }

    /** Returns a copy with other backoff values. */
    public RetryPolicy withBackoff(Duration initial, double growth, Duration max, double randomization) {
        return new RetryPolicy(maxAttempts, initial, growth, max, randomization);
    }

    /** Builds resilience4j's interval function, which maps the retry number (from 1) to a wait in milliseconds. */
    IntervalFunction intervalFunction() {
        if (randomizationFactor == 0.0) {
            return IntervalFunction.ofExponentialBackoff(initialBackoff, multiplier, maxBackoff);
        }
        return IntervalFunction.ofExponentialRandomBackoff(initialBackoff, multiplier, randomizationFactor,
                maxBackoff);
    }
}
