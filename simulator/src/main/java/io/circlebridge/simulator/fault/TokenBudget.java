package io.circlebridge.simulator.fault;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/** A requests-per-minute budget per API token, counted in fixed clock minutes. */
final class TokenBudget {

    private final Clock clock;
    private final Map<String, long[]> windowsByToken = new HashMap<>();
    private int requestsPerMinute;

    TokenBudget(Clock clock) {
        this.clock = clock;
    }

    /** Sets the budget; 0 turns the limit off. Counting starts afresh. */
    synchronized void setLimit(int requestsPerMinute) {
        if (requestsPerMinute < 0) {
            throw new IllegalArgumentException("requestsPerMinute must not be negative, got " + requestsPerMinute);
        }
        this.requestsPerMinute = requestsPerMinute;
        windowsByToken.clear();
    }

    /**
     * Counts one request for {@code token}.
     *
     * @return empty when the request fits the budget, else the seconds until the current minute ends
     */
    synchronized OptionalLong charge(String token) {
        if (requestsPerMinute == 0) {
            return OptionalLong.empty();
        }
        long epochSecond = clock.instant().getEpochSecond();
        long minute = Math.floorDiv(epochSecond, 60);
        long[] window = windowsByToken.computeIfAbsent(token, key -> new long[] {minute, 0});
        if (window[0] != minute) {
            window[0] = minute;
            window[1] = 0;
        }
        window[1]++;
        if (window[1] <= requestsPerMinute) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(60 - Math.floorMod(epochSecond, 60));
    }
}
