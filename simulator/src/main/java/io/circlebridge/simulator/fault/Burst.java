package io.circlebridge.simulator.fault;

import java.time.Duration;

/** A fault that hits the next {@code count} requests whose path starts with a prefix. */
final class Burst {

    /**
     * The response details of one request that a burst hits.
     *
     * @param serverStatus the 5xx status, for server-error bursts
     */
    record Shot(int serverStatus, RateLimitStyle style, Duration retryAfter, MalformedBody malformed) {
    }

    private final BurstKind kind;
    private final String prefix;
    private final int[] serverStatuses;
    private final RateLimitStyle style;
    private final Duration retryAfter;
    private final MalformedBody malformed;
    private int remaining;
    private int served;

    private Burst(BurstKind kind, String prefix, int count, int[] serverStatuses, RateLimitStyle style,
            Duration retryAfter, MalformedBody malformed) {
        if (count < 1) {
            throw new IllegalArgumentException("A fault burst needs a count of at least 1, got " + count);
        }
        this.kind = kind;
        this.prefix = prefix;
        this.remaining = count;
        this.serverStatuses = serverStatuses.clone();
        this.style = style;
        this.retryAfter = retryAfter;
        this.malformed = malformed;
    }

    static Burst serverErrors(String prefix, int count, int[] statuses) {
        for (int status : statuses) {
            if (status < 500 || status > 599) {
                throw new IllegalArgumentException("Server error statuses must be 5xx, got " + status);
            }
        }
        int[] cycle = statuses.length == 0 ? new int[] {500, 502, 503} : statuses;
        return new Burst(BurstKind.SERVER_ERROR, prefix, count, cycle, null, null, null);
    }

    static Burst rateLimit(String prefix, int count, RateLimitStyle style, Duration retryAfter) {
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative, got " + retryAfter);
        }
        return new Burst(BurstKind.RATE_LIMIT, prefix, count, new int[0], style, retryAfter, null);
    }

    static Burst malformedBodies(String prefix, int count, MalformedBody malformed) {
        return new Burst(BurstKind.MALFORMED_BODY, prefix, count, new int[0], null, null, malformed);
    }

    BurstKind kind() {
        return kind;
    }

    String prefix() {
        return prefix;
    }

    int remaining() {
        return remaining;
    }

    /** Uses up one request of the burst; server errors cycle through the configured statuses. */
    Shot takeOne() {
        int status = serverStatuses.length == 0 ? 0 : serverStatuses[served % serverStatuses.length];
        served++;
        remaining--;
        return new Shot(status, style, retryAfter, malformed);
    }
}
