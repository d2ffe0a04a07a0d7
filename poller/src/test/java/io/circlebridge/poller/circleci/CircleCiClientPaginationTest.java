package io.circlebridge.poller.circleci;

import static io.circlebridge.poller.circleci.Fixtures.json;
import static io.circlebridge.poller.circleci.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CircleCiClientPaginationTest {

    private static final String SLUG = "gh/example-org/example-repo";

    private MockWebServer server;
    private CircleCiClient client;

    @BeforeEach
    void startServer() {
        server = TestClients.startServer();
        client = TestClients.builder(server, new FakeTime()).maxPages(3).build();
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.close();
    }

    @Test
    void shouldFollowCursorsToLastPage() throws InterruptedException {
        server.enqueue(page("token-2", "{\"id\": \"p-1\"}"));
        server.enqueue(page("token-3", "{\"id\": \"p-2\"}"));
        server.enqueue(page(null, "{\"id\": \"p-3\"}"));

        PagedResult<Pipeline> result = client.listProjectPipelines(SLUG, null);

        assertThat(result.items()).extracting(Pipeline::id).containsExactly("p-1", "p-2", "p-3");
        assertThat(result.complete()).isTrue();
        assertThat(result.stopReason()).isNull();
        assertThat(server.takeRequest().getUrl().queryParameter("page-token")).isNull();
        assertThat(server.takeRequest().getUrl().queryParameter("page-token")).isEqualTo("token-2");
        assertThat(server.takeRequest().getUrl().queryParameter("page-token")).isEqualTo("token-3");
    }

    @Test
    void shouldTreatEmptyTokenAsLastPage() {
        server.enqueue(page("", "{\"id\": \"p-1\"}"));

        PagedResult<Pipeline> result = client.listProjectPipelines(SLUG, null);

        assertThat(result.complete()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void shouldStopAtRepeatedCursorAndKeepItems() {
        server.enqueue(page("token-2", "{\"id\": \"p-1\"}"));
        server.enqueue(page("token-2", "{\"id\": \"p-2\"}"));
        server.enqueue(page(null, "{\"id\": \"never-read\"}"));

        try (LogCapture logs = LogCapture.start()) {
            PagedResult<Pipeline> result = client.listProjectPipelines(SLUG, null);

            assertThat(result.items()).extracting(Pipeline::id).containsExactly("p-1", "p-2");
            assertThat(result.complete()).isFalse();
            assertThat(result.stopReason())
                    .isEqualTo("CircleCI returned page token 'token-2' a second time after page 2");
            assertThat(server.getRequestCount()).isEqualTo(2);
            assertThat(logs.lines("WARN")).singleElement().asString()
                    .contains("Listing pipelines of " + SLUG + " stopped", "keeping the 2 items read");
        }
    }

    @Test
    void shouldKeepPagesBeforeFailedPage() {
        server.enqueue(page("token-2", "{\"id\": \"p-1\"}", "{\"id\": \"p-2\"}"));
        server.enqueue(Fixtures.fixture(404, "error-404-not-found.json"));

        try (LogCapture logs = LogCapture.start()) {
            PagedResult<Pipeline> result = client.listProjectPipelines(SLUG, null);

            assertThat(result.items()).extracting(Pipeline::id).containsExactly("p-1", "p-2");
            assertThat(result.complete()).isFalse();
            assertThat(result.stopReason()).isEqualTo("page 2 failed: GET /api/v2/project/gh/example-org/example-repo/"
                    + "pipeline failed with 404 Not Found: \"Not Found\"");
            assertThat(logs.lines("WARN")).singleElement().asString()
                    .startsWith("WARN Listing pipelines of " + SLUG + " stopped at page 2, which failed; keeping the "
                            + "2 items of the pages before it");
        }
    }

    @Test
    void shouldKeepPagesBeforeServerErrors() {
        server.enqueue(page("token-2", "{\"id\": \"p-1\"}"));
        for (int i = 0; i < RetryPolicy.DEFAULT_MAX_ATTEMPTS; i++) {
            server.enqueue(json(500, "{\"message\": \"Internal Server Error\"}"));
        }

        PagedResult<Pipeline> result = client.listProjectPipelines(SLUG, null);

        assertThat(result.items()).extracting(Pipeline::id).containsExactly("p-1");
        assertThat(result.complete()).isFalse();
        assertThat(result.stopReason()).startsWith("page 2 failed:").contains("server error 500");
        assertThat(server.getRequestCount()).isEqualTo(1 + RetryPolicy.DEFAULT_MAX_ATTEMPTS);
    }

    @Test
    void shouldKeepPagesBeforeMalformedPage() {
        server.enqueue(page("token-2", "{\"id\": \"p-1\"}"));
        server.enqueue(json(200, "{\"items\": [{\"id\": \"p-2\""));

        PagedResult<Pipeline> result = client.listProjectPipelines(SLUG, null);

        assertThat(result.items()).extracting(Pipeline::id).containsExactly("p-1");
        assertThat(result.complete()).isFalse();
        assertThat(result.stopReason()).contains("not valid JSON");
    }

    @Test
    void shouldStopEndlessCursorAtPageCap() {
        for (int i = 1; i <= 5; i++) {
            server.enqueue(page("token-" + (i + 1), "{\"id\": \"p-" + i + "\"}"));
        }

        PagedResult<Pipeline> result = client.listProjectPipelines(SLUG, null);

        assertThat(result.items()).extracting(Pipeline::id).containsExactly("p-1", "p-2", "p-3");
        assertThat(result.complete()).isFalse();
        assertThat(result.stopReason()).isEqualTo("stopped at the cap of 3 pages; more pages exist");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void shouldApplyPageCapOfOneCall() {
        server.enqueue(page("token-2", "{\"id\": \"p-1\"}"));
        server.enqueue(page("token-3", "{\"id\": \"p-2\"}"));

        PagedResult<Pipeline> result = client.listProjectPipelines(SLUG, null, 1);

        assertThat(result.items()).extracting(Pipeline::id).containsExactly("p-1");
        assertThat(result.complete()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void shouldThrowWhenFirstPageFails() {
        server.enqueue(Fixtures.fixture(404, "error-404-project-not-found.json"));

        assertThatThrownBy(() -> client.listProjectPipelines(SLUG, null))
                .isInstanceOfSatisfying(CircleCiException.class,
                        error -> assertThat(error.kind()).isEqualTo(CircleCiException.Kind.PROJECT_NOT_FOUND));
    }

    @Test
    void shouldRejectPageWithoutItemsArray() {
        server.enqueue(json(200, "{\"items\": \"none\", \"next_page_token\": null}"));

        assertThatThrownBy(() -> client.listProjectPipelines(SLUG, null))
                .isInstanceOfSatisfying(CircleCiException.class, error -> {
                    assertThat(error.kind()).isEqualTo(CircleCiException.Kind.MALFORMED_RESPONSE);
                    assertThat(error.getMessage()).contains("without an items array");
                });
    }

    @Test
    void shouldReadPageWithoutItemsAsEmpty() {
        server.enqueue(json(200, "{\"next_page_token\": null}"));

        PagedResult<Pipeline> result = client.listProjectPipelines(SLUG, null);

        assertThat(result.items()).isEmpty();
        assertThat(result.complete()).isTrue();
    }
}
