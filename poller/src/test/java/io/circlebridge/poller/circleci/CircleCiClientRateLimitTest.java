package io.circlebridge.poller.circleci;

import static io.circlebridge.poller.circleci.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CircleCiClientRateLimitTest {

    private static final String PIPELINE_ID = "7d550385-29e7-58c8-b17f-3119b350ec26";
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    private MockWebServer server;
    private FakeTime time;
    private CircleCiClient client;

    @BeforeEach
    void startServer() {
        server = TestClients.startServer();
        time = new FakeTime();
        client = TestClients.builder(server, time).build();
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.close();
    }

    @Test
    void shouldPauseForRetryAfterThenRetry() {
        server.enqueue(rateLimited().setHeader("Retry-After", "30").build());
        server.enqueue(fixture(200, "pipeline.json"));

        try (LogCapture logs = LogCapture.start()) {
            Pipeline pipeline = client.getPipeline(PIPELINE_ID);

            assertThat(pipeline.number()).isEqualTo(154L);
            assertThat(time.sleepsOfAtLeast(ONE_SECOND)).containsExactly(Duration.ofSeconds(30));
            assertThat(logs.lines("WARN")).singleElement().asString().isEqualTo("WARN CircleCI returned 429 Too Many "
                    + "Requests to GET /api/v2/pipeline/" + PIPELINE_ID + "; pausing all requests for 30.0 s as its "
                    + "rate-limit headers request. Further 429 responses in this pause are logged at DEBUG.");
        }
        ClientMetrics metrics = client.metrics();
        assertThat(metrics.requests()).isEqualTo(2);
        assertThat(metrics.retries()).isEqualTo(1);
        assertThat(metrics.rateLimitedResponses()).isEqualTo(1);
        assertThat(metrics.rateLimitedWaits()).isEqualTo(1);
        assertThat(metrics.totalWaitTime()).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldBackOffExponentiallyWithoutHeaders() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(429).body("{}").build());
        }
        server.enqueue(fixture(200, "pipeline.json"));

        client.getPipeline(PIPELINE_ID);

        assertThat(time.sleepsOfAtLeast(ONE_SECOND))
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(client.metrics().rateLimitedResponses()).isEqualTo(3);
    }

    @Test
    void shouldJitterBackoffWithinBounds() {
        CircleCiClient jittered = TestClients.builder(server, time)
                .retryPolicy(RetryPolicy.defaults().withMaxAttempts(4))
                .build();
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(429).body("{}").build());
        }
        server.enqueue(fixture(200, "pipeline.json"));

        try (jittered) {
            jittered.getPipeline(PIPELINE_ID);
        }

        assertThat(time.sleepsOfAtLeast(Duration.ofMillis(100))).hasSize(3);
        assertThat(time.sleepsOfAtLeast(Duration.ofMillis(100)).get(0))
                .isBetween(Duration.ofMillis(500), Duration.ofMillis(1500));
        assertThat(time.sleepsOfAtLeast(Duration.ofMillis(100)).get(1))
                .isBetween(Duration.ofMillis(1000), Duration.ofMillis(3000));
        assertThat(time.sleepsOfAtLeast(Duration.ofMillis(100)).get(2))
                .isBetween(Duration.ofMillis(2000), Duration.ofMillis(6000));
    }

    @Test
    void shouldHonourRateLimitReset() {
        server.enqueue(rateLimited().setHeader("RateLimit-Reset", "12").build());
        server.enqueue(fixture(200, "pipeline.json"));

        client.getPipeline(PIPELINE_ID);

        assertThat(time.sleepsOfAtLeast(ONE_SECOND)).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void shouldWaitForMostRestrictiveQuota() {
        server.enqueue(rateLimited()
                .setHeader("Retry-After", "7")
                .setHeader("RateLimit-Limit", "100")
                .setHeader("RateLimit-Remaining", "5")
                .setHeader("RateLimit-Reset", "3")
                .setHeader("X-RateLimit-Limit-Minute", "60")
                .setHeader("X-RateLimit-Remaining-Minute", "0")
                .setHeader("X-RateLimit-Reset-Minute", "20")
                .build());
        server.enqueue(fixture(200, "pipeline.json"));

        try (LogCapture logs = LogCapture.start()) {
            client.getPipeline(PIPELINE_ID);

            assertThat(time.sleepsOfAtLeast(ONE_SECOND)).containsExactly(Duration.ofSeconds(20));
            assertThat(logs.lines("WARN")).singleElement().asString()
                    .contains("(X-RateLimit-*-Minute: limit 60, remaining 0)");
        }
    }

    @Test
    void shouldSlowDownEveryCallerAfter429() {
        CircleCiClient noRetries = TestClients.builder(server, time).retryPolicy(RetryPolicy.noRetries()).build();
        server.enqueue(rateLimited().setHeader("Retry-After", "15").build());
        server.enqueue(fixture(200, "pipeline.json"));

        try (noRetries) {
            assertThatThrownBy(() -> noRetries.listProjectPipelines("gh/example-org/example-repo", null))
                    .isInstanceOfSatisfying(CircleCiException.class, error -> {
                        assertThat(error.kind()).isEqualTo(CircleCiException.Kind.RATE_LIMITED);
                        assertThat(error.status()).isEqualTo(429);
                        assertThat(error.circleCiMessage()).isEqualTo("Rate limit exceeded.");
                        assertThat(error.isRetriable()).isTrue();
                    });
            assertThat(time.sleepsOfAtLeast(ONE_SECOND)).isEmpty();

            Pipeline pipeline = noRetries.getPipeline(PIPELINE_ID);

            assertThat(pipeline.number()).isEqualTo(154L);
            assertThat(time.sleepsOfAtLeast(ONE_SECOND)).containsExactly(Duration.ofSeconds(15));
            assertThat(noRetries.metrics().rateLimitedWaits()).isEqualTo(1);
        }
    }

    @Test
    void shouldFailFastWhenPauseExceedsMaxWait() {
        server.enqueue(rateLimited().setHeader("Retry-After", "600").build());
        server.enqueue(fixture(200, "pipeline.json"));

        assertThatThrownBy(() -> client.getPipeline(PIPELINE_ID))
                .isInstanceOfSatisfying(CircleCiException.class, error -> {
                    assertThat(error.kind()).isEqualTo(CircleCiException.Kind.RATE_LIMITED);
                    assertThat(error.status()).isEqualTo(CircleCiException.NO_STATUS);
                    assertThat(error.getMessage()).isEqualTo("GET /api/v2/pipeline/" + PIPELINE_ID + " was not sent: "
                            + "CircleCI requested a pause of another 600.0 s, longer than the max wait of "
                            + "120.0 s; try again later");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(time.sleepsOfAtLeast(ONE_SECOND)).isEmpty();

        time.advance(Duration.ofSeconds(600));

        assertThat(client.getPipeline(PIPELINE_ID).number()).isEqualTo(154L);
    }

    @Test
    void shouldPauseAheadWhenQuotaIsExhausted() {
        server.enqueue(new MockResponse.Builder().code(200).body(Fixtures.read("pipeline.json"))
                .setHeader("X-RateLimit-Limit", "100")
                .setHeader("X-RateLimit-Remaining", "0")
                .setHeader("X-RateLimit-Reset", "10")
                .build());
        server.enqueue(fixture(200, "pipeline.json"));

        try (LogCapture logs = LogCapture.start()) {
            client.getPipeline(PIPELINE_ID);
            client.getPipeline(PIPELINE_ID);

            assertThat(time.sleepsOfAtLeast(ONE_SECOND)).containsExactly(Duration.ofSeconds(10));
            assertThat(logs.lines("INFO")).anySatisfy(line -> assertThat(line)
                    .contains("CircleCI reports no requests left", "pausing all requests for 10.0 s"));
            assertThat(logs.lines("WARN")).isEmpty();
        }
        assertThat(client.metrics().rateLimitedResponses()).isZero();
    }

    @Test
    void shouldLogOncePerPauseEpisode() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(rateLimited().setHeader("Retry-After", "1").build());
        }
        server.enqueue(fixture(200, "pipeline.json"));

        try (LogCapture logs = LogCapture.start()) {
            client.getPipeline(PIPELINE_ID);

            assertThat(logs.lines("WARN")).hasSize(1);
            assertThat(logs.lines("INFO")).singleElement().asString()
                    .isEqualTo("INFO CircleCI requests resumed after a rate-limit pause of 3.0 s "
                            + "(3 responses were 429)");
        }
    }

    @Test
    void shouldGiveUpAfterRepeated429() {
        for (int i = 0; i < RetryPolicy.DEFAULT_MAX_ATTEMPTS; i++) {
            server.enqueue(rateLimited().setHeader("Retry-After", "2").build());
        }

        assertThatThrownBy(() -> client.getPipeline(PIPELINE_ID))
                .isInstanceOfSatisfying(CircleCiException.class, error -> {
                    assertThat(error.kind()).isEqualTo(CircleCiException.Kind.RATE_LIMITED);
                    assertThat(error.status()).isEqualTo(429);
                });
        assertThat(server.getRequestCount()).isEqualTo(RetryPolicy.DEFAULT_MAX_ATTEMPTS);
    }

    private static MockResponse.Builder rateLimited() {
        return new MockResponse.Builder()
                .code(429)
                .setHeader("Content-Type", "application/json")
                .body(Fixtures.read("error-429-rate-limit.json"));
    }
}
