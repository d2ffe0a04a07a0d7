package io.circlebridge.poller.circleci;

import static io.circlebridge.poller.circleci.Fixtures.fixture;
import static io.circlebridge.poller.circleci.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CircleCiClientTriggerTest {

    private static final String STANDALONE_SLUG = "circleci/43G3lM5RtfFE7v5sa4nWAU/44n9wujWcTnVZ2b5S8Fnat";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MockWebServer server;
    private CircleCiClient client;

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
    void shouldTriggerGitHubProjectThroughLegacyEndpoint() throws Exception {
        server.enqueue(fixture(201, "trigger-response.json"));
        TriggerRequest request = new TriggerRequest("feature/design-new-api", null, Map.of("deploy_prod", true));

        TriggeredPipeline triggered = client.triggerPipeline("gh/example-org/example-repo", request);

        assertThat(triggered).isEqualTo(new TriggeredPipeline("291a1550-f977-560a-9c43-300a75a02f9a", 2L, "pending",
                Instant.parse("2020-01-15T15:32:36.605Z"), true, null));
        RecordedRequest recorded = server.takeRequest();
        assertThat(recorded.getMethod()).isEqualTo("POST");
        assertThat(recorded.getUrl().encodedPath()).isEqualTo("/api/v2/project/gh/example-org/example-repo/pipeline");
        assertThat(body(recorded)).isEqualTo(MAPPER.readTree(Fixtures.read("trigger-request.json")));
    }

    @Test
    void shouldSendJsonHeadersOnPost() throws InterruptedException {
        server.enqueue(fixture(201, "trigger-response.json"));

        client.triggerPipeline("gh/example-org/example-repo", TriggerRequest.forBranch("main"));

        RecordedRequest recorded = server.takeRequest();
        assertThat(recorded.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(recorded.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(recorded.getHeaders().get("Circle-Token")).isEqualTo(TestClients.TOKEN);
    }

    @ParameterizedTest
    @CsvSource({
        "gh/example-org/example-repo, /api/v2/project/gh/example-org/example-repo/pipeline",
        "github/example-org/example-repo, /api/v2/project/gh/example-org/example-repo/pipeline",
        "bb/example-org/example-repo, /api/v2/project/bb/example-org/example-repo/pipeline",
        "bitbucket/example-org/example-repo, /api/v2/project/bb/example-org/example-repo/pipeline",
        "circleci/43G3lM5RtfFE7v5sa4nWAU/44n9wujWcTnVZ2b5S8Fnat,"
                + " /api/v2/project/circleci/43G3lM5RtfFE7v5sa4nWAU/44n9wujWcTnVZ2b5S8Fnat/pipeline/run"
    })
    void shouldChooseEndpointBySlugForm(String slug, String expectedPath) throws InterruptedException {
        server.enqueue(fixture(201, "trigger-run-response-201.json"));

        client.triggerPipeline(slug, TriggerRequest.forBranch("main"));

        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo(expectedPath);
    }

    @Test
    void shouldSendConfigAndCheckoutToPipelineRun() throws Exception {
        server.enqueue(fixture(201, "trigger-run-response-201.json"));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("example_param", "my value");
        parameters.put("example_param2", true);
        parameters.put("example_param3", 3);

        TriggeredPipeline triggered = client.triggerPipeline(STANDALONE_SLUG,
                new TriggerRequest("main", null, parameters));

        assertThat(triggered).isEqualTo(new TriggeredPipeline("26a7c5a1-1816-5a02-abf0-69b289f019cb", 25L, "created",
                Instant.parse("2025-10-01T12:00:00Z"), true, null));
        assertThat(body(server.takeRequest())).isEqualTo(MAPPER.readTree("{\"config\": {\"branch\": \"main\"},"
                + " \"checkout\": {\"branch\": \"main\"}, \"parameters\": {\"example_param\": \"my value\","
                + " \"example_param2\": true, \"example_param3\": 3}}"));
    }

    @Test
    void shouldSendTagToPipelineRun() throws Exception {
        server.enqueue(fixture(201, "trigger-run-response-201.json"));

        client.triggerPipeline(STANDALONE_SLUG, TriggerRequest.forTag("v2"));

        assertThat(body(server.takeRequest()))
                .isEqualTo(MAPPER.readTree("{\"config\": {\"tag\": \"v2\"}, \"checkout\": {\"tag\": \"v2\"}}"));
    }

    @Test
    void shouldSendEmptyBodyForDefaultBranch() throws Exception {
        server.enqueue(fixture(201, "trigger-response.json"));

        client.triggerPipeline("gh/example-org/example-repo", new TriggerRequest(null, null, null));

        assertThat(body(server.takeRequest())).isEqualTo(MAPPER.readTree("{}"));
    }

    @Test
    void shouldReportPipelineRunMessageAsNotCreated() {
        server.enqueue(fixture(200, "trigger-run-response-200-not-created.json"));

        TriggeredPipeline triggered = client.triggerPipeline(STANDALONE_SLUG, TriggerRequest.forBranch("main"));

        assertThat(triggered.created()).isFalse();
        assertThat(triggered.message()).isEqualTo("Ignoring pipeline due to CI skip in the commit");
        assertThat(triggered.id()).isNull();
        assertThat(triggered.number()).isNull();
    }

    @Test
    void shouldRejectInvalidSlugWithoutRequest() {
        assertThatThrownBy(() -> client.triggerPipeline("gitlab/example-org/example-repo",
                TriggerRequest.forBranch("main")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown provider 'gitlab'");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void shouldRejectBranchAndTagTogether() {
        assertThatThrownBy(() -> new TriggerRequest("main", "v1", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("branch or a tag, not both");
    }

    @Test
    void shouldRejectParameterOfUnsupportedType() {
        assertThatThrownBy(() -> new TriggerRequest("main", null, Map.of("ratio", 0.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ratio'")
                .hasMessageContaining("Double");
    }

    @Test
    void shouldNotRetryTriggerAfterServerError() {
        server.enqueue(json(502, "{\"message\": \"Bad gateway\"}"));
        server.enqueue(fixture(201, "trigger-response.json"));
        TriggerRequest request = TriggerRequest.forBranch("main");

        assertThatThrownBy(() -> client.triggerPipeline("gh/example-org/example-repo", request))
                .isInstanceOfSatisfying(CircleCiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CircleCiException.Kind.SERVER_ERROR);
                    assertThat(e.isOutcomeUnknown()).isTrue();
                    assertThat(e.isRetriable()).isTrue();
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void shouldNotRetryTriggerAfterConnectionDrop() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(fixture(201, "trigger-response.json"));
        TriggerRequest request = TriggerRequest.forBranch("main");

        assertThatThrownBy(() -> client.triggerPipeline("gh/example-org/example-repo", request))
                .isInstanceOfSatisfying(CircleCiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CircleCiException.Kind.IO);
                    assertThat(e.isOutcomeUnknown()).isTrue();
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void shouldRetryTriggerAfterRateLimit() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3")
                .body("{\"message\": \"Rate limit exceeded.\"}").build());
        server.enqueue(fixture(201, "trigger-response.json"));

        TriggeredPipeline triggered = client.triggerPipeline("gh/example-org/example-repo",
                TriggerRequest.forBranch("main"));

        assertThat(triggered.created()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void shouldRetryTriggerWhenConnectionIsRefused() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        CircleCiClient refused = CircleCiClient.builder()
                .baseUrl("http://127.0.0.1:" + closedPort + "/api/v2")
                .token(CircleCiToken.of(TestClients.TOKEN))
                .clock(new FakeTime())
                .sleeper(new FakeTime())
                .retryPolicy(TestClients.FIXED_BACKOFF.withMaxAttempts(3))
                .build();

        try (refused) {
            assertThatThrownBy(() -> refused.triggerPipeline("gh/example-org/example-repo",
                    TriggerRequest.forBranch("main")))
                    .isInstanceOfSatisfying(CircleCiException.class, e -> {
                        assertThat(e.kind()).isEqualTo(CircleCiException.Kind.IO);
                        assertThat(e.isOutcomeUnknown()).isFalse();
                    });
            assertThat(refused.metrics().requests()).isEqualTo(3);
            assertThat(refused.metrics().retries()).isEqualTo(2);
        }
    }

    private static JsonNode body(RecordedRequest request) throws IOException {
        return MAPPER.readTree(request.getBody().utf8());
    }
}
