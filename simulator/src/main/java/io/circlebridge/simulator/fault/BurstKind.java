package io.circlebridge.simulator.fault;

/** The faults that hit a counted number of requests. */
enum BurstKind {
    SERVER_ERROR,
    RATE_LIMIT,
    MALFORMED_BODY
}
