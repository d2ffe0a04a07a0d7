package io.circlebridge.poller.circleci;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;

/**
 * The rate-limit headers of one CircleCI response.
 *
 * <p>CircleCI sends, depending on the endpoint, {@code Retry-After} (seconds or an HTTP date), the
 * {@code RateLimit-Limit}/{@code -Remaining}/{@code -Reset} family, and {@code X-RateLimit-Limit},
 * {@code -Remaining} and {@code -Reset}, optionally suffixed with {@code -Second}, {@code -Minute}, {@code -Hour} or
 * {@code -Day}. Each family and window becomes one {@link Quota}. Where the quotas disagree, the more restrictive one
 * wins: an exhausted quota beats one with requests left, the longest reset among exhausted quotas is the one to wait
 * for, and among quotas with requests left the lowest limit counts.
 *
 * @param retryAfter wait from {@code Retry-After}, or null
 * @param quotas quotas found, possibly none
 */
record RateLimitHeaders(Duration retryAfter, List<Quota> quotas) {

    private static final Pattern X_RATE_LIMIT =
            Pattern.compile("x-ratelimit-(limit|remaining|reset)(?:-(second|minute|hour|day))?");
    private static final Map<String, Duration> WINDOWS = Map.of(
            "second", Duration.ofSeconds(1),
            "minute", Duration.ofMinutes(1),
            "hour", Duration.ofHours(1),
            "day", Duration.ofDays(1));
    /** Reset values from here on are Unix times, not seconds to wait: 10^9 seconds is about 31 years. */
    private static final double EPOCH_SECONDS_THRESHOLD = 1_000_000_000d;

    /** Copies the quota list. */
    RateLimitHeaders {
        quotas = List.copyOf(quotas);
    }

    /**
     * One rate-limit quota.
     *
     * @param name header family and window, for example {@code X-RateLimit-*-Minute}
     * @param limit requests allowed in the window, or null
     * @param remaining requests left in the window, or null
     * @param resetAfter time until the window resets, or null
     */
    record Quota(String name, Long limit, Long remaining, Duration resetAfter) {

        boolean exhausted() {
            return remaining != null && remaining <= 0;
        }
    }

    /** Reads the headers; values that cannot be parsed are ignored. */
    static RateLimitHeaders parse(Headers headers, Instant now) {
        Duration retryAfter = retryAfter(headers.get("Retry-After"), now);
        List<Quota> quotas = new ArrayList<>();

        Duration standardReset = reset(headers.get("RateLimit-Reset"), now);
        Long standardLimit = leadingNumber(headers.get("RateLimit-Limit"));
        Long standardRemaining = leadingNumber(headers.get("RateLimit-Remaining"));
        if (standardLimit != null || standardRemaining != null || standardReset != null) {
            quotas.add(new Quota("RateLimit-*", standardLimit, standardRemaining, standardReset));
        }

        Map<String, String[]> windows = new TreeMap<>();
        for (String name : headers.names()) {
            Matcher matcher = X_RATE_LIMIT.matcher(name.toLowerCase(Locale.ROOT));
            if (matcher.matches()) {
                String window = matcher.group(2) == null ? "" : matcher.group(2);
                String[] values = windows.computeIfAbsent(window, key -> new String[3]);
                values[List.of("limit", "remaining", "reset").indexOf(matcher.group(1))] = headers.get(name);
            }
        }
        for (Map.Entry<String, String[]> window : windows.entrySet()) {
            quotas.add(xRateLimitQuota(window.getKey(), window.getValue(), standardReset, now));
        }
        return new RateLimitHeaders(retryAfter, quotas);
    }

    /** Returns true when no rate-limit header was present. */
    boolean isEmpty() {
        return retryAfter == null && quotas.isEmpty();
    }

    /**
     * Returns how long to pause after a 429: the longest of {@code Retry-After} and the resets of exhausted quotas.
     * When neither is present, the reset of the quota with the lowest limit is used, because a 429 means some quota
     * ran out even if no header names it. Empty when no header gives a wait, so the caller backs off.
     */
    Optional<Duration> waitAfterRejection() {
        Optional<Duration> exhausted = longest(retryAfter, exhaustedReset().orElse(null));
        if (exhausted.isPresent()) {
            return exhausted;
        }
        return quotas.stream()
                .filter(quota -> quota.resetAfter() != null)
                .min(Comparator.comparing(Quota::limit, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(Quota::resetAfter);
    }

    /** Returns how long to pause before the next request although this one succeeded: until exhausted quotas reset. */
    Optional<Duration> exhaustedReset() {
        return quotas.stream()
                .filter(Quota::exhausted)
                .map(Quota::resetAfter)
                .filter(reset -> reset != null)
                .max(Comparator.naturalOrder());
    }

    /** Returns the quota that binds first: the fewest remaining requests, then the lowest limit. */
    Optional<Quota> mostRestrictive() {
        return quotas.stream().min(Comparator
                .comparing(Quota::remaining, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Quota::limit, Comparator.nullsLast(Comparator.naturalOrder())));
    }

    private static Quota xRateLimitQuota(String window, String[] values, Duration standardReset, Instant now) {
        Long limit = leadingNumber(values[0]);
        Long remaining = leadingNumber(values[1]);
        Duration reset = reset(values[2], now);
        if (reset == null) {
            // Without its own reset header, the RateLimit-Reset time applies; failing that, one whole window is
            // the longest the quota can take to refill.
            reset = standardReset != null ? standardReset : WINDOWS.get(window);
        }
        String name = window.isEmpty() ? "X-RateLimit-*" : "X-RateLimit-*-" + capitalize(window);
        return new Quota(name, limit, remaining, reset);
    }

    private static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Duration seconds = seconds(value.strip());
        if (seconds != null) {
            return seconds;
        }
        try {
            Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return nonNegative(Duration.between(now, at));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Duration reset(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String first = firstToken(value);
        try {
            double number = Double.parseDouble(first);
            if (number >= EPOCH_SECONDS_THRESHOLD) {
                return nonNegative(Duration.between(now, Instant.ofEpochMilli((long) (number * 1000))));
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return seconds(first);
    }

    private static Duration seconds(String value) {
        try {
            double seconds = Double.parseDouble(value);
            if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
                return null;
            }
            return nonNegative(Duration.ofMillis((long) Math.ceil(seconds * 1000)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Reads the first number of a value such as {@code 100} or the structured {@code 100, 100;w=60}. */
    private static Long leadingNumber(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(firstToken(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String firstToken(String value) {
        return value.strip().split("[,;\\s]", 2)[0];
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    private static Optional<Duration> longest(Duration first, Duration second) {
        if (first == null) {
            return Optional.ofNullable(second);
        }
        if (second == null) {
            return Optional.of(first);
        }
        return Optional.of(first.compareTo(second) >= 0 ? first : second);
    }

    private static String capitalize(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
