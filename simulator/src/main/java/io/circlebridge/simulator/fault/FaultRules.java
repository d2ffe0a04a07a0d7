package io.circlebridge.simulator.fault;

import io.circlebridge.simulator.model.EntityKind;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The active faults, and the per-request decisions the HTTP layer takes from them.
 *
 * <p>Paths and prefixes are relative to {@code /api/v2}, such as {@code /workflow/}. Bursts fire on the next
 * matching requests, oldest burst first. For the other modes the longest matching prefix decides.
 */
public final class FaultRules {

    private final List<Burst> bursts = new ArrayList<>();
    private final Map<String, Duration> delays = new HashMap<>();
    private final Map<String, Map<EntityKind, String>> unknownStatuses = new HashMap<>();
    private final Map<String, MissingFields> missingFields = new HashMap<>();
    private final Map<String, PagingFault> paging = new HashMap<>();
    private final TokenBudget tokenBudget;

    public FaultRules(Clock clock) {
        this.tokenBudget = new TokenBudget(clock);
    }

    /** Returns how long to hold the response to a request for {@code path}. */
    public synchronized Duration delay(String path) {
        return longestMatch(delays, path).orElse(Duration.ZERO);
    }

    /** Takes one request from a matching 5xx burst, if any, and returns the error to send. */
    public synchronized Optional<InjectedResponse> takeServerError(String path) {
        return take(BurstKind.SERVER_ERROR, path).map(shot -> InjectedResponses.serverError(shot.serverStatus()));
    }

    /** Takes one request from a matching 429 burst, if any, and returns the response to send. */
    public synchronized Optional<InjectedResponse> takeRateLimit(String path) {
        return take(BurstKind.RATE_LIMIT, path)
                .map(shot -> InjectedResponses.rateLimited(shot.style(), shot.retryAfter().toSeconds()));
    }

    /** Takes one request from a matching malformed-body burst, if any, and returns how to break the body. */
    public synchronized Optional<MalformedBody> takeMalformedBody(String path) {
        return take(BurstKind.MALFORMED_BODY, path).map(Burst.Shot::malformed);
    }

    /** Returns the faults that change the JSON of a response to {@code path}. */
    public synchronized ResponseFaults responseFaults(String path) {
        return new ResponseFaults(
                longestMatch(unknownStatuses, path).orElse(Map.of()),
                longestMatch(missingFields, path).orElse(MissingFields.NONE),
                longestMatch(paging, path).orElse(PagingFault.NONE));
    }

    /** Counts a request against the token's per-minute budget; returns the 429 to send when it is over. */
    public Optional<InjectedResponse> chargeToken(String token) {
        OptionalLong wait = tokenBudget.charge(token);
        return wait.isPresent() ? Optional.of(InjectedResponses.overBudget(wait.getAsLong())) : Optional.empty();
    }

    synchronized void addBurst(Burst burst) {
        bursts.add(burst);
    }

    synchronized void setDelay(String prefix, Duration delay) {
        putOrRemove(delays, prefix, delay.isZero() ? null : delay);
    }

    synchronized void setUnknownStatus(String prefix, EntityKind kind, String value) {
        Map<EntityKind, String> byKind = new EnumMap<>(EntityKind.class);
        byKind.putAll(unknownStatuses.getOrDefault(prefix, Map.of()));
        if (value == null) {
            byKind.remove(kind);
        } else {
            byKind.put(kind, value);
        }
        putOrRemove(unknownStatuses, prefix, byKind.isEmpty() ? null : byKind);
    }

    synchronized void setMissingFields(String prefix, MissingFields level) {
        putOrRemove(missingFields, prefix, level == MissingFields.NONE ? null : level);
    }

    synchronized void setPaging(String prefix, PagingFault mode) {
        putOrRemove(paging, prefix, mode == PagingFault.NONE ? null : mode);
    }

    void setTokenBudget(int requestsPerMinute) {
        tokenBudget.setLimit(requestsPerMinute);
    }

    synchronized void clear() {
        bursts.clear();
        delays.clear();
        unknownStatuses.clear();
        missingFields.clear();
        paging.clear();
        tokenBudget.setLimit(0);
    }

    private Optional<Burst.Shot> take(BurstKind kind, String path) {
        Iterator<Burst> iterator = bursts.iterator();
        while (iterator.hasNext()) {
            Burst burst = iterator.next();
            if (burst.kind() != kind || !path.startsWith(burst.prefix())) {
                continue;
            }
            Burst.Shot shot = burst.takeOne();
            if (burst.remaining() == 0) {
                iterator.remove();
            }
            return Optional.of(shot);
        }
        return Optional.empty();
    }

    private static <T> Optional<T> longestMatch(Map<String, T> byPrefix, String path) {
        String best = null;
        for (String prefix : byPrefix.keySet()) {
            if (path.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return Optional.ofNullable(best == null ? null : byPrefix.get(best));
    }

    private static <T> void putOrRemove(Map<String, T> map, String key, T value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }
}
