package io.circlebridge.simulator.fault;

import java.util.LinkedHashMap;
import java.util.Map;

/** The bodies and headers of the error responses that faults send. */
final class InjectedResponses {

    /** The limit the rate-limit headers announce; CircleCI publishes none, so this is only a plausible number. */
    static final int ANNOUNCED_LIMIT_PER_MINUTE = 100;

    private static final String RATE_LIMIT_BODY = "{\"message\":\"Rate limit exceeded.\"}";

    private InjectedResponses() {
    }

    /** Returns a 500 with CircleCI's JSON error body, or a proxy's HTML page for the gateway statuses. */
    static InjectedResponse serverError(int status) {
        if (status == 500) {
            return InjectedResponse.json(status, Map.of(), "{\"message\":\"Internal Server Error\"}");
        }
        String reason = switch (status) {
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Server Error";
        };
        return InjectedResponse.html(status,
                "<html><head><title>" + status + " " + reason + "</title></head><body><h1>" + status + " "
                        + reason + "</h1></body></html>");
    }

    /** Returns a 429 in the given style; {@code retryAfterSeconds} is what the headers announce. */
    static InjectedResponse rateLimited(RateLimitStyle style, long retryAfterSeconds) {
        return switch (style) {
            case RETRY_AFTER -> InjectedResponse.json(429,
                    Map.of("Retry-After", Long.toString(retryAfterSeconds)), RATE_LIMIT_BODY);
            case RATE_LIMIT_HEADERS -> InjectedResponse.json(429, rateLimitHeaders(retryAfterSeconds), RATE_LIMIT_BODY);
            case NO_HEADERS -> InjectedResponse.json(429, Map.of(), "{}");
        };
    }

    /** Returns the 429 for a token that spent its per-minute budget. */
    static InjectedResponse overBudget(long retryAfterSeconds) {
        return rateLimited(RateLimitStyle.RETRY_AFTER, retryAfterSeconds);
    }

    private static Map<String, String> rateLimitHeaders(long resetSeconds) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("RateLimit-Limit", Integer.toString(ANNOUNCED_LIMIT_PER_MINUTE));
        headers.put("RateLimit-Remaining", "0");
        headers.put("RateLimit-Reset", Long.toString(resetSeconds));
        headers.put("X-RateLimit-Limit-Minute", Integer.toString(ANNOUNCED_LIMIT_PER_MINUTE));
        headers.put("X-RateLimit-Remaining-Minute", "0");
        headers.put("X-RateLimit-Reset-Minute", Long.toString(resetSeconds));
        return headers;
    }
}
