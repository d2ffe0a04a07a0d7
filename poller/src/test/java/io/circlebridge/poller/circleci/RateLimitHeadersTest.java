package io.circlebridge.poller.circleci;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {

    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

    @Test
    void shouldReadRetryAfterSeconds() {
        RateLimitHeaders headers = parse("Retry-After", "30");

        assertThat(headers.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(headers.waitAfterRejection()).contains(Duration.ofSeconds(30));
    }

    @Test
    void shouldReadRetryAfterHttpDate() {
        RateLimitHeaders headers = parse("Retry-After", "Wed, 01 Jan 2025 12:00:45 GMT");

        assertThat(headers.retryAfter()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void shouldReadPastRetryAfterAsZero() {
        RateLimitHeaders headers = parse("Retry-After", "Wed, 01 Jan 2025 11:59:00 GMT");

        assertThat(headers.retryAfter()).isEqualTo(Duration.ZERO);
    }

    @Test
    void shouldIgnoreUnparseableValues() {
        RateLimitHeaders headers = parse("Retry-After", "soon", "RateLimit-Remaining", "many", "RateLimit-Reset", "-");

        assertThat(headers.isEmpty()).isTrue();
        assertThat(headers.waitAfterRejection()).isEmpty();
    }

    @Test
    void shouldReadStandardFamily() {
        RateLimitHeaders headers = parse("RateLimit-Limit", "100", "RateLimit-Remaining", "0", "RateLimit-Reset", "17");

        assertThat(headers.quotas()).containsExactly(
                new RateLimitHeaders.Quota("RateLimit-*", 100L, 0L, Duration.ofSeconds(17)));
        assertThat(headers.exhaustedReset()).contains(Duration.ofSeconds(17));
    }

    @Test
    void shouldReadStructuredLimitValue() {
        RateLimitHeaders headers = parse("RateLimit-Limit", "100, 100;w=60", "RateLimit-Remaining", "42");

        assertThat(headers.quotas()).containsExactly(new RateLimitHeaders.Quota("RateLimit-*", 100L, 42L, null));
    }

    @Test
    void shouldReadWindowedXRateLimitHeaders() {
        RateLimitHeaders headers = parse(
                "X-RateLimit-Limit-Minute", "60", "X-RateLimit-Remaining-Minute", "0",
                "x-ratelimit-limit-hour", "1000", "x-ratelimit-remaining-hour", "900");

        assertThat(headers.quotas()).containsExactlyInAnyOrder(
                new RateLimitHeaders.Quota("X-RateLimit-*-Minute", 60L, 0L, Duration.ofMinutes(1)),
                new RateLimitHeaders.Quota("X-RateLimit-*-Hour", 1000L, 900L, Duration.ofHours(1)));
        assertThat(headers.exhaustedReset()).contains(Duration.ofMinutes(1));
    }

    @Test
    void shouldFallBackToStandardReset() {
        RateLimitHeaders headers = parse("X-RateLimit-Remaining-Minute", "0", "RateLimit-Reset", "9");

        assertThat(headers.exhaustedReset()).contains(Duration.ofSeconds(9));
    }

    @Test
    void shouldReadResetAsUnixTime() {
        long resetAt = NOW.plusSeconds(25).getEpochSecond();
        RateLimitHeaders headers = parse("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", Long.toString(resetAt));

        assertThat(headers.exhaustedReset()).contains(Duration.ofSeconds(25));
    }

    @Test
    void shouldPreferExhaustedQuota() {
        RateLimitHeaders headers = parse(
                "RateLimit-Limit", "100", "RateLimit-Remaining", "40", "RateLimit-Reset", "5",
                "X-RateLimit-Limit", "50", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "30");

        assertThat(headers.waitAfterRejection()).contains(Duration.ofSeconds(30));
        assertThat(headers.exhaustedReset()).contains(Duration.ofSeconds(30));
        assertThat(headers.mostRestrictive()).map(RateLimitHeaders.Quota::name).contains("X-RateLimit-*");
    }

    @Test
    void shouldPreferLowerLimit() {
        RateLimitHeaders headers = parse(
                "RateLimit-Limit", "100", "RateLimit-Remaining", "3", "RateLimit-Reset", "8",
                "X-RateLimit-Limit", "50", "X-RateLimit-Remaining", "3", "X-RateLimit-Reset", "40");

        assertThat(headers.waitAfterRejection()).contains(Duration.ofSeconds(40));
        assertThat(headers.exhaustedReset()).isEmpty();
        assertThat(headers.mostRestrictive()).map(RateLimitHeaders.Quota::limit).contains(50L);
    }

    @Test
    void shouldWaitForLongestHeader() {
        RateLimitHeaders headers = parse("Retry-After", "50", "RateLimit-Remaining", "0", "RateLimit-Reset", "10");

        assertThat(headers.waitAfterRejection()).contains(Duration.ofSeconds(50));
    }

    @Test
    void shouldWaitForAllExhaustedQuotas() {
        RateLimitHeaders headers = parse(
                "X-RateLimit-Remaining-Second", "0", "X-RateLimit-Reset-Second", "1",
                "X-RateLimit-Remaining-Minute", "0", "X-RateLimit-Reset-Minute", "35");

        assertThat(headers.exhaustedReset()).contains(Duration.ofSeconds(35));
    }

    @Test
    void shouldRoundFractionalSecondsUp() {
        RateLimitHeaders headers = parse("Retry-After", "1.2001");

        assertThat(headers.retryAfter()).isEqualTo(Duration.ofMillis(1201));
    }

    private static RateLimitHeaders parse(String... namesAndValues) {
        return RateLimitHeaders.parse(Headers.of(namesAndValues), NOW);
    }
}
