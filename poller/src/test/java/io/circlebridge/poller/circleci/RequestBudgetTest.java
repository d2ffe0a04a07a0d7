package io.circlebridge.poller.circleci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Proves the client-side request budget without sleeping. The sleeper only records how long each request would have
 * waited. An interceptor adds that wait to the moment the request leaves, which is when the request would have been
 * sent on the limiter's own timeline. The tests count those send times in every sliding window.
 */
@Timeout(60)
class RequestBudgetTest {

    private static final String WORKFLOW_ID = "785c63f4-264b-5a8e-91db-202ec100d60a";

    private final List<Long> sendTimesNanos = Collections.synchronizedList(new ArrayList<>());
    private final ThreadLocal<Long> pendingWaitNanos = ThreadLocal.withInitial(() -> 0L);
    private MockWebServer server;
    private OkHttpClient http;

    @BeforeEach
    void startServer() {
        server = TestClients.startServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return Fixtures.fixture(200, "workflow.json");
            }
        });
        http = new OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    sendTimesNanos.add(System.nanoTime() + pendingWaitNanos.get());
                    pendingWaitNanos.set(0L);
                    return chain.proceed(chain.request());
                })
                .build();
    }

    @AfterEach
    void stopServer() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        server.close();
    }

    @Test
    void shouldNeverExceedDefaultBudgetInAnyMinute() {
        CircleCiClient client = budgetedClient().build();

        try (client) {
            for (int i = 0; i < 250; i++) {
                client.getWorkflow(WORKFLOW_ID);
            }
        }

        assertThat(server.getRequestCount()).isEqualTo(250);
        assertThat(client.metrics().requests()).isEqualTo(250);
        assertThat(maxRequestsInAnyWindow(Duration.ofMinutes(1)))
                .isEqualTo(CircleCiClient.DEFAULT_REQUESTS_PER_MINUTE);
        assertThat(client.metrics().limiterWaits()).isGreaterThanOrEqualTo(249 - 100);
    }

    @Test
    void shouldShareBudgetAcrossCallers() throws Exception {
        CircleCiClient client = budgetedClient().requestsPerMinute(10).build();
        ExecutorService callers = Executors.newFixedThreadPool(4);

        try (client) {
            List<Future<?>> results = new ArrayList<>();
            for (int caller = 0; caller < 4; caller++) {
                results.add(callers.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        client.getWorkflow(WORKFLOW_ID);
                    }
                }));
            }
            for (Future<?> result : results) {
                result.get(30, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdown();
        }

        assertThat(server.getRequestCount()).isEqualTo(60);
        assertThat(maxRequestsInAnyWindow(Duration.ofMinutes(1))).isEqualTo(10);
    }

    @Test
    void shouldKeepLongerWindowBudget() {
        CircleCiClient client = budgetedClient().rateLimit(5, Duration.ofHours(1)).build();

        try (client) {
            for (int i = 0; i < 12; i++) {
                client.getWorkflow(WORKFLOW_ID);
            }
        }

        assertThat(maxRequestsInAnyWindow(Duration.ofHours(1))).isEqualTo(5);
        List<Long> sorted = sortedSendTimes();
        Duration span = Duration.ofNanos(sorted.get(sorted.size() - 1) - sorted.get(0));
        assertThat(span).isGreaterThanOrEqualTo(Duration.ofMinutes(15 * 11).minusSeconds(1));
    }

    @Test
    void shouldLogBudgetWaitsOncePerEpisode() {
        CircleCiClient client = budgetedClient().build();

        try (client; LogCapture logs = LogCapture.start()) {
            for (int i = 0; i < 5; i++) {
                client.getWorkflow(WORKFLOW_ID);
            }

            assertThat(logs.lines("INFO")).singleElement().asString()
                    .startsWith("INFO Client-side budget of 100 CircleCI requests per 60.0 s is in use");
        }
    }

    @Test
    void shouldFailWhenBudgetQueueExceedsMaxWait() {
        CircleCiClient client = budgetedClient()
                .requestsPerMinute(2)
                .maxRateLimitWait(Duration.ofSeconds(90))
                .build();

        try (client) {
            client.getWorkflow(WORKFLOW_ID);
            client.getWorkflow(WORKFLOW_ID);

            assertThatThrownBy(() -> client.getWorkflow(WORKFLOW_ID))
                    .isInstanceOfSatisfying(CircleCiException.class, error -> {
                        assertThat(error.kind()).isEqualTo(CircleCiException.Kind.RATE_LIMITED);
                        assertThat(error.status()).isEqualTo(CircleCiException.NO_STATUS);
                        assertThat(error.getMessage()).contains("client-side budget of 2 requests per 60.0 s");
                    });
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void shouldRejectBudgetBelowTwo() {
        assertThatThrownBy(() -> CircleCiClient.builder().requestsPerMinute(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Request budget must be at least 2 per window, got 1");
    }

    private CircleCiClient.Builder budgetedClient() {
        return CircleCiClient.builder()
                .baseUrl(server.url("/api/v2").toString())
                .token(CircleCiToken.of(TestClients.TOKEN))
                .httpClient(http)
                .clock(new FakeTime())
                .sleeper(duration -> pendingWaitNanos.set(pendingWaitNanos.get() + duration.toNanos()))
                // Real time barely moves while the sleeper only records, so every reservation queues behind the
                // previous ones, and the max wait must cover the whole test's queue.
                .maxRateLimitWait(Duration.ofDays(1));
    }

    private int maxRequestsInAnyWindow(Duration window) {
        List<Long> sorted = sortedSendTimes();
        int max = 0;
        int end = 0;
        for (int start = 0; start < sorted.size(); start++) {
            while (end < sorted.size() && sorted.get(end) - sorted.get(start) < window.toNanos()) {
                end++;
            }
            max = Math.max(max, end - start);
        }
        return max;
    }

    private List<Long> sortedSendTimes() {
        List<Long> sorted;
        synchronized (sendTimesNanos) {
            sorted = new ArrayList<>(sendTimesNanos);
        }
        Collections.sort(sorted);
        return sorted;
    }
}
