package io.circlebridge.simulator.fault;

/** Styles of simulated 429 response, which differ in the headers that announce when to retry. */
public enum RateLimitStyle {
    /** A {@code Retry-After} header in seconds and the body {@code {"message":"Rate limit exceeded."}}. */
    RETRY_AFTER,
    /** {@code RateLimit-*} and {@code X-RateLimit-*-Minute} headers, no {@code Retry-After}, and the message body. */
    RATE_LIMIT_HEADERS,
    /** No rate-limit header at all and the body {@code {}}, as CircleCI has been seen to send. */
    NO_HEADERS
}
