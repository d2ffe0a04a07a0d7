package io.circlebridge.poller.circleci;

import static io.circlebridge.poller.circleci.Fixtures.fixture;
import static io.circlebridge.poller.circleci.Fixtures.json;
import static io.circlebridge.poller.circleci.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs every failure path with all log levels captured and checks that the token shows up nowhere. */
class TokenSecrecyTest {

    private static final String SLUG = "gh/example-org/example-repo";

    private MockWebServer server;
    private CircleCiClient client;
    private final List<CircleCiException> failures = new ArrayList<>();

    @BeforeEach
    void startServer() {
        server = TestClients.startServer();
        client = TestClients.builder(server, new FakeTime()).build();
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.close();
    }

    @Test
    void shouldNeverExposeToken() {
        try (LogCapture logs = LogCapture.start()) {
            server.enqueue(fixture(401, "error-401-invalid-token.json"));
            expectFailure(() -> client.listProjectPipelines(SLUG, null));

            server.enqueue(json(401, "{\"message\": \"Token " + TestClients.TOKEN + " is not valid\"}"));
            expectFailure(() -> client.getPipeline("p-1"));

            server.enqueue(json(200, "<html>Signed in with " + TestClients.TOKEN + "</html>"));
            expectFailure(() -> client.getWorkflow("w-1"));

            for (int i = 0; i < RetryPolicy.DEFAULT_MAX_ATTEMPTS; i++) {
                server.enqueue(json(503, "upstream said " + TestClients.TOKEN));
            }
            expectFailure(() -> client.listWorkflowJobs("w-1"));

            server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "2").body("{}").build());
            server.enqueue(page("next", "{\"id\": \"p-1\", \"trigger\": 7}"));
            server.enqueue(fixture(404, "error-404-project-not-found.json"));
            client.listProjectPipelines(SLUG, null);

            server.enqueue(json(502, "{\"message\": \"Bad gateway\"}"));
            expectFailure(() -> client.triggerPipeline(SLUG, TriggerRequest.forBranch("main")));

            // OkHttp silently repeats a request whose pooled connection drops, so each attempt may use two of these
            // responses. The spares stay unused because this is the last scenario.
            for (int i = 0; i < 2 * RetryPolicy.DEFAULT_MAX_ATTEMPTS; i++) {
                server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                        .build());
            }
            expectFailure(() -> client.getJobDetails(SLUG, 1));

            assertThat(failures).hasSize(6);
            assertThat(logs.lines("WARN")).hasSizeGreaterThanOrEqualTo(5);
            assertThat(logs.all()).doesNotContain(TestClients.TOKEN);
        }
        for (CircleCiException failure : failures) {
            assertThat(failure.getMessage()).doesNotContain(TestClients.TOKEN);
            assertThat(String.valueOf(failure.circleCiMessage())).doesNotContain(TestClients.TOKEN);
            assertThat(stackTrace(failure)).doesNotContain(TestClients.TOKEN);
        }
        assertThat(failures.get(1).circleCiMessage()).isEqualTo("Token [hidden] is not valid");
        assertThat(failures.get(2).getMessage()).contains("Signed in with [hidden]");
        assertThat(client.toString()).doesNotContain(TestClients.TOKEN).contains("token=[hidden]");
        assertThat(TestClients.builder(server, new FakeTime()).toString()).doesNotContain(TestClients.TOKEN);
        assertThat(client.metrics().toString()).doesNotContain(TestClients.TOKEN);
    }

    private void expectFailure(Runnable call) {
        try {
            call.run();
        } catch (CircleCiException e) {
            failures.add(e);
            return;
        }
        throw new AssertionError("Expected a CircleCiException");
    }

    private static String stackTrace(Throwable throwable) {
        StringWriter trace = new StringWriter();
        throwable.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
