package io.circlebridge.simulator.fault;

import io.circlebridge.simulator.model.EntityKind;
import java.time.Duration;
import java.util.Objects;

/**
 * Switches faults on and off while the simulator runs. Every method returns {@code this} for chaining.
 *
 * <p>Faults apply to every path unless set through {@link #at(String)}, which scopes them to requests whose path
 * (relative to {@code /api/v2}) starts with a prefix. Faults change only what responses contain or how they arrive;
 * the simulation and its ground-truth log go on unchanged.
 *
 * <pre>{@code
 * sim.faults().rateLimit(3, RateLimitStyle.RETRY_AFTER);
 * sim.faults().at("/workflow/").serverErrors(2, 502, 503);
 * }</pre>
 */
public final class FaultModes {

    private static final String API_ROOT = "/api/v2";

    private final FaultRules rules;
    private final String prefix;

    public FaultModes(FaultRules rules) {
        this(rules, "");
    }

    private FaultModes(FaultRules rules, String prefix) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.prefix = prefix;
    }

    /**
     * Returns a view whose faults hit only paths that start with {@code pathPrefix}, such as {@code /workflow/}
     * or {@code /project/gh/example-org/example-repo/pipeline}. A leading {@code /api/v2} is ignored.
     */
    public FaultModes at(String pathPrefix) {
        String relative = pathPrefix.startsWith(API_ROOT) ? pathPrefix.substring(API_ROOT.length()) : pathPrefix;
        return new FaultModes(rules, relative.startsWith("/") ? relative : "/" + relative);
    }

    /** Responds to the next {@code count} requests with 429 in {@code style}, announcing a retry after one second. */
    public FaultModes rateLimit(int count, RateLimitStyle style) {
        return rateLimit(count, style, Duration.ofSeconds(1));
    }

    /** Responds to the next {@code count} requests with 429 in {@code style}, announcing {@code retryAfter} in whole seconds. */
    public FaultModes rateLimit(int count, RateLimitStyle style, Duration retryAfter) {
        rules.addBurst(Burst.rateLimit(prefix, count, Objects.requireNonNull(style, "style"), retryAfter));
        return this;
    }

    /**
     * Responds to the next {@code count} requests with server errors, cycling through {@code statuses} (500, 502,
     * 503 when none are given). A 500 carries CircleCI's JSON body, and the gateway statuses carry a proxy's HTML page.
     */
    public FaultModes serverErrors(int count, int... statuses) {
        rules.addBurst(Burst.serverErrors(prefix, count, statuses));
        return this;
    }

    /** Holds every response for {@code delay} of real time before sending it; {@link Duration#ZERO} turns it off. */
    public FaultModes slowResponses(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, got " + delay);
        }
        rules.setDelay(prefix, delay);
        return this;
    }

    /** Breaks the body of the next {@code count} responses in the way {@code kind} describes. */
    public FaultModes malformedBodies(int count, MalformedBody kind) {
        rules.addBurst(Burst.malformedBodies(prefix, count, Objects.requireNonNull(kind, "kind")));
        return this;
    }

    /**
     * Reports {@code value}, such as {@code quantum_superposition}, as the status (or, for pipelines, the state) of
     * every entity of {@code kind} in responses; {@code null} turns it off.
     */
    public FaultModes unknownStatus(EntityKind kind, String value) {
        rules.setUnknownStatus(prefix, Objects.requireNonNull(kind, "kind"), value);
        return this;
    }

    /** Drops fields from pipelines, workflows and jobs at the given level; {@link MissingFields#NONE} turns it off. */
    public FaultModes missingFields(MissingFields level) {
        rules.setMissingFields(prefix, Objects.requireNonNull(level, "level"));
        return this;
    }

    /** Makes the cursors of paged lists misbehave; {@link PagingFault#NONE} turns it off. */
    public FaultModes paging(PagingFault mode) {
        rules.setPaging(prefix, Objects.requireNonNull(mode, "mode"));
        return this;
    }

    /**
     * Limits each API token to {@code requestsPerMinute} requests per clock minute on every path (the prefix does
     * not apply); requests over it get 429 with {@code Retry-After} up to the next minute. 0 turns it off.
     */
    public FaultModes tokenBudget(int requestsPerMinute) {
        rules.setTokenBudget(requestsPerMinute);
        return this;
    }

    /** Turns every fault off, on every path, including unused bursts and the token budget. */
    public FaultModes clear() {
        rules.clear();
        return this;
    }
}
