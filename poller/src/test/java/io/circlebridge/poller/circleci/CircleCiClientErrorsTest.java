package io.circlebridge.poller.circleci;

import static io.circlebridge.poller.circleci.Fixtures.fixture;
import static io.circlebridge.poller.circleci.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CircleCiClientErrorsTest {

    private static final String SLUG = "gh/example-org/example-repo";
    private static final String PIPELINES_PATH = "/api/v2/project/gh/example-org/example-repo/pipeline";

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
    void shouldMapBadRequestWithoutRetry() {
        server.enqueue(fixture(400, "error-400-branch-not-found.json"));

        CircleCiException error = triggerFailure();

        assertThat(error.kind()).isEqualTo(CircleCiException.Kind.BAD_REQUEST);
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.method()).isEqualTo("POST");
        assertThat(error.path()).isEqualTo(PIPELINES_PATH);
        assertThat(error.circleCiMessage()).isEqualTo("Branch not found");
        assertThat(error.isRetriable()).isFalse();
        assertThat(error.isConfigurationProblem()).isFalse();
        assertThat(error.getMessage())
                .isEqualTo("POST " + PIPELINES_PATH + " failed with 400 Bad Request: \"Branch not found\"");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void shouldReadErrorFieldOfErrorBody() {
        server.enqueue(json(400, "{\"error\": \"Unexpected request body provided.\"}"));

        CircleCiException error = listFailure();

        assertThat(error.kind()).isEqualTo(CircleCiException.Kind.BAD_REQUEST);
        assertThat(error.circleCiMessage()).isEqualTo("Unexpected request body provided.");
    }

    @ParameterizedTest
    @CsvSource({
        "error-401-invalid-token.json, Invalid token provided.",
        "error-401-old-token.json, New format tokens are needed to authenticate this API endpoint.",
        "error-401-query-auth.json, Support for query parameter authentication has been deprecated"
    })
    void shouldExplainRejectedToken(String fixture, String circleCiMessage) {
        server.enqueue(fixture(401, fixture));

        CircleCiException error = listFailure();

        assertThat(error.kind()).isEqualTo(CircleCiException.Kind.AUTHENTICATION);
        assertThat(error.status()).isEqualTo(401);
        assertThat(error.circleCiMessage()).startsWith(circleCiMessage);
        assertThat(error.isConfigurationProblem()).isTrue();
        assertThat(error.isRetriable()).isFalse();
        assertThat(error.getMessage()).startsWith("GET " + PIPELINES_PATH + " failed with 401 Unauthorized: \""
                + circleCiMessage);
        assertThat(error.getMessage()).contains("Fix the configuration: CircleCI rejected the API token. "
                + "Set CIRCLECI_TOKEN or the token file to a valid personal API token");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void shouldMapPermissionDenied() {
        server.enqueue(fixture(403, "error-403-permission-denied.json"));

        CircleCiException error = listFailure();

        assertThat(error.kind()).isEqualTo(CircleCiException.Kind.PERMISSION);
        assertThat(error.circleCiMessage()).isEqualTo("Permission denied.");
        assertThat(error.isConfigurationProblem()).isTrue();
        assertThat(error.getMessage()).contains("the token's user lacks permission");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void shouldExplainMissingProject() {
        server.enqueue(fixture(404, "error-404-project-not-found.json"));

        CircleCiException error = listFailure();

        assertThat(error.kind()).isEqualTo(CircleCiException.Kind.PROJECT_NOT_FOUND);
        assertThat(error.isConfigurationProblem()).isTrue();
        assertThat(error.getMessage()).isEqualTo("GET " + PIPELINES_PATH + " failed with 404 Not Found: "
                + "\"Project not found\". Fix the configuration: check the project slug " + SLUG + ". The project "
                + "must exist and be visible to the token's user; GitHub App, GitLab and Bitbucket Data Center "
                + "projects have circleci/<org-id>/<project-id> slugs.");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void shouldMapPlainNotFound() {
        server.enqueue(fixture(404, "error-404-not-found.json"));

        assertThatThrownBy(() -> client.getPipeline("unknown-id"))
                .isInstanceOfSatisfying(CircleCiException.class, error -> {
                    assertThat(error.kind()).isEqualTo(CircleCiException.Kind.NOT_FOUND);
                    assertThat(error.isConfigurationProblem()).isFalse();
                    assertThat(error.path()).isEqualTo("/api/v2/pipeline/unknown-id");
                    assertThat(error.getMessage())
                            .isEqualTo("GET /api/v2/pipeline/unknown-id failed with 404 Not Found: \"Not Found\"");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void shouldDescribeEmptyObjectErrorBody() {
        server.enqueue(json(404, "{}"));

        CircleCiException error = listFailure();

        assertThat(error.circleCiMessage()).isNull();
        assertThat(error.getMessage()).isEqualTo("GET " + PIPELINES_PATH
                + " failed with 404 Not Found: no message in the response body");
    }

    @Test
    void shouldDescribeEmptyErrorBody() {
        server.enqueue(json(403, ""));

        CircleCiException error = listFailure();

        assertThat(error.kind()).isEqualTo(CircleCiException.Kind.PERMISSION);
        assertThat(error.getMessage()).startsWith("GET " + PIPELINES_PATH
                + " failed with 403 Forbidden: response body: (empty body)");
    }

    @Test
    void shouldRetryServerErrorsWithBackoff() {
        server.enqueue(json(500, "{\"message\": \"Internal Server Error\"}"));
        server.enqueue(json(503, "<html><body>Service Unavailable</body></html>"));
        server.enqueue(fixture(200, "pipeline.json"));

        Pipeline pipeline = client.getPipeline("7d550385-29e7-58c8-b17f-3119b350ec26");

        assertThat(pipeline.number()).isEqualTo(154L);
        assertThat(client.metrics().retries()).isEqualTo(2);
        assertThat(client.metrics().requests()).isEqualTo(3);
        assertThat(time.sleepsOfAtLeast(Duration.ofSeconds(1)))
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void shouldGiveUpAfterMaxAttempts() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(json(503, "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>"));
        }

        CircleCiException error = listFailure();

        assertThat(error.kind()).isEqualTo(CircleCiException.Kind.SERVER_ERROR);
        assertThat(error.status()).isEqualTo(503);
        assertThat(error.isRetriable()).isTrue();
        assertThat(error.circleCiMessage()).isNull();
        assertThat(error.getMessage()).isEqualTo("GET " + PIPELINES_PATH + " failed with server error 503: "
                + "response body: <html><body><h1>503 Service Temporarily Unavailable</h1></body></html>");
        assertThat(server.getRequestCount()).isEqualTo(RetryPolicy.DEFAULT_MAX_ATTEMPTS);
        assertThat(client.metrics().retries()).isEqualTo(RetryPolicy.DEFAULT_MAX_ATTEMPTS - 1);
    }

    @Test
    void shouldReportNonJsonBody() {
        server.enqueue(json(200, "<!DOCTYPE html><html><head><title>Sign in</title></head></html>"));

        CircleCiException error = listFailure();

        assertThat(error.kind()).isEqualTo(CircleCiException.Kind.MALFORMED_RESPONSE);
        assertThat(error.status()).isEqualTo(200);
        assertThat(error.getMessage()).isEqualTo("GET " + PIPELINES_PATH + " returned status 200 with a body that "
                + "is not valid JSON: <!DOCTYPE html><html><head><title>Sign in</title></head></html>");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void shouldReportTruncatedJson() {
        String truncated = Fixtures.read("pipeline.json").substring(0, 300);
        server.enqueue(json(200, truncated));

        assertThatThrownBy(() -> client.getPipeline("7d550385-29e7-58c8-b17f-3119b350ec26"))
                .isInstanceOfSatisfying(CircleCiException.class, error -> {
                    assertThat(error.kind()).isEqualTo(CircleCiException.Kind.MALFORMED_RESPONSE);
                    assertThat(error.getMessage()).contains("is not valid JSON: {");
                });
    }

    @Test
    void shouldReportTrailingGarbage() {
        server.enqueue(json(200, "{\"items\": [], \"next_page_token\": null} <html>"));

        CircleCiException error = listFailure();

        assertThat(error.kind()).isEqualTo(CircleCiException.Kind.MALFORMED_RESPONSE);
    }

    @Test
    void shouldReportEmptySuccessBody() {
        server.enqueue(json(200, ""));

        CircleCiException error = listFailure();

        assertThat(error.kind()).isEqualTo(CircleCiException.Kind.MALFORMED_RESPONSE);
        assertThat(error.getMessage()).endsWith("returned status 200 with an empty body: (empty body)");
    }

    @Test
    void shouldCutLongExcerpts() {
        server.enqueue(json(200, "x".repeat(5000)));

        CircleCiException error = listFailure();

        assertThat(error.getMessage()).endsWith(": " + "x".repeat(Excerpts.MAX_LENGTH) + "...");
    }

    @Test
    void shouldReportBodyThatCannotBeRead() {
        server.enqueue(json(200, "{\"id\": \"p-1\", \"errors\": \"none\"}"));

        assertThatThrownBy(() -> client.getPipeline("p-1"))
                .isInstanceOfSatisfying(CircleCiException.class, error -> {
                    assertThat(error.kind()).isEqualTo(CircleCiException.Kind.MALFORMED_RESPONSE);
                    assertThat(error.getMessage()).isEqualTo("GET /api/v2/pipeline/p-1 returned a body that cannot "
                            + "be read: field 'errors' is string \"none\", expected an array");
                });
    }

    @Test
    void shouldMapUnexpectedStatus() {
        server.enqueue(json(405, "{\"message\": \"Method Not Allowed\"}"));

        CircleCiException error = listFailure();

        assertThat(error.kind()).isEqualTo(CircleCiException.Kind.UNEXPECTED_STATUS);
        assertThat(error.isRetriable()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void shouldRetryAfterDroppedConnection() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(fixture(200, "workflow-list.json"));

        PagedResult<Workflow> workflows = client.listPipelineWorkflows("7d550385-29e7-58c8-b17f-3119b350ec26");

        assertThat(workflows.items()).hasSize(1);
        assertThat(client.metrics().retries()).isEqualTo(1);
    }

    @Test
    void shouldFailWithIoErrorAfterRetries() {
        for (int i = 0; i < 2; i++) {
            server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                    .build());
        }
        CircleCiClient twoAttempts = TestClients.builder(server, time)
                .retryPolicy(TestClients.FIXED_BACKOFF.withMaxAttempts(2))
                .build();

        try (twoAttempts) {
            assertThatThrownBy(() -> twoAttempts.getWorkflow("w-1"))
                    .isInstanceOfSatisfying(CircleCiException.class, error -> {
                        assertThat(error.kind()).isEqualTo(CircleCiException.Kind.IO);
                        assertThat(error.status()).isEqualTo(CircleCiException.NO_STATUS);
                        assertThat(error.isRetriable()).isTrue();
                        assertThat(error.isOutcomeUnknown()).isFalse();
                        assertThat(error.getMessage()).startsWith("GET /api/v2/workflow/w-1 failed with an I/O error");
                    });
            assertThat(server.getRequestCount()).isEqualTo(2);
        }
    }

    @Test
    void shouldTimeOutStalledResponseAndRetry() {
        for (int i = 0; i < 2; i++) {
            server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        }
        CircleCiClient impatient = TestClients.builder(server, time)
                .readTimeout(Duration.ofMillis(100))
                .retryPolicy(TestClients.FIXED_BACKOFF.withMaxAttempts(2))
                .build();

        try (impatient) {
            assertThatThrownBy(() -> impatient.getWorkflow("w-1"))
                    .isInstanceOfSatisfying(CircleCiException.class, error -> {
                        assertThat(error.kind()).isEqualTo(CircleCiException.Kind.TIMEOUT);
                        assertThat(error.status()).isEqualTo(CircleCiException.NO_STATUS);
                        assertThat(error.isRetriable()).isTrue();
                        assertThat(error.getMessage()).startsWith("GET /api/v2/workflow/w-1 timed out");
                    });
            assertThat(impatient.metrics().retries()).isEqualTo(1);
        }
    }

    @Test
    void shouldApplyCallTimeout() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        CircleCiClient impatient = TestClients.builder(server, time)
                .callTimeout(Duration.ofMillis(100))
                .retryPolicy(RetryPolicy.noRetries())
                .build();

        try (impatient) {
            assertThatThrownBy(() -> impatient.getWorkflow("w-1"))
                    .isInstanceOfSatisfying(CircleCiException.class,
                            error -> assertThat(error.kind()).isEqualTo(CircleCiException.Kind.TIMEOUT));
        }
    }

    @Test
    void shouldRejectCallsAfterClose() {
        client.close();

        assertThatThrownBy(() -> client.getPipeline("p-1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("CircleCiClient is closed");
    }

    private CircleCiException listFailure() {
        try {
            client.listProjectPipelines(SLUG, null);
        } catch (CircleCiException e) {
            return e;
        }
        throw new AssertionError("Expected a CircleCiException");
    }

    private CircleCiException triggerFailure() {
        try {
            client.triggerPipeline(SLUG, TriggerRequest.forBranch("no-such-branch"));
        } catch (CircleCiException e) {
            return e;
        }
        throw new AssertionError("Expected a CircleCiException");
    }
}
