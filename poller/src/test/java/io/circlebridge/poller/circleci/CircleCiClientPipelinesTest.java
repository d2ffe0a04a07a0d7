package io.circlebridge.poller.circleci;

import static io.circlebridge.poller.circleci.Fixtures.fixture;
import static io.circlebridge.poller.circleci.Fixtures.json;
import static io.circlebridge.poller.circleci.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CircleCiClientPipelinesTest {

    private static final String PIPELINE_ID = "7d550385-29e7-58c8-b17f-3119b350ec26";
    private static final String SECOND_PAGE_TOKEN =
            "P0_BCW_pulJyqBjxqzko-PRIhrQ-s_HxXhTFiYyjg6Yec32kYRQB8GHst6wBrIIp_yk0nGS6HCzAv7WQttXkOz9PwQlv6bpScqgY8as5"
                    + "KPj0SIa0PrPx8V4UxYmMo4OmHnN9pGEUAfBh7L";

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
    void shouldParseEveryPipelineField() {
        server.enqueue(fixture(200, "pipeline.json"));

        Pipeline pipeline = client.getPipeline(PIPELINE_ID);

        assertThat(pipeline.id()).isEqualTo(PIPELINE_ID);
        assertThat(pipeline.projectSlug()).isEqualTo("gh/example-org/example-repo");
        assertThat(pipeline.number()).isEqualTo(154L);
        assertThat(pipeline.state()).isEqualTo("created");
        assertThat(pipeline.createdAt()).isEqualTo(Instant.parse("2020-12-24T12:59:23.906Z"));
        assertThat(pipeline.updatedAt()).isEqualTo(Instant.parse("2020-12-24T12:59:23.906Z"));
        assertThat(pipeline.triggerType()).isEqualTo("webhook");
        assertThat(pipeline.actorLogin()).isEqualTo("example-user");
        assertThat(pipeline.branch()).isEqualTo("master");
        assertThat(pipeline.tag()).isNull();
        assertThat(pipeline.revision()).isEqualTo("7bd1af7951c33c19341b2fb99242e218144e46b6");
        assertThat(pipeline.errors()).isEmpty();
    }

    @Test
    void shouldSendTokenAndAcceptHeadersOnGet() throws InterruptedException {
        server.enqueue(fixture(200, "pipeline.json"));

        client.getPipeline(PIPELINE_ID);

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v2/pipeline/" + PIPELINE_ID);
        assertThat(request.getHeaders().get("Circle-Token")).isEqualTo(TestClients.TOKEN);
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(request.getUrl().querySize()).isZero();
    }

    @Test
    void shouldListProjectPipelinesAcrossPagesWithBranch() throws InterruptedException {
        server.enqueue(fixture(200, "pipeline-list.json"));
        server.enqueue(page(null));

        PagedResult<Pipeline> result = client.listProjectPipelines("gh/example-org/example-repo", "main");

        assertThat(result.complete()).isTrue();
        assertThat(result.stopReason()).isNull();
        assertThat(result.items()).extracting(Pipeline::number).containsExactly(97132L, 97131L);
        RecordedRequest first = server.takeRequest();
        assertThat(first.getUrl().encodedPath()).isEqualTo("/api/v2/project/gh/example-org/example-repo/pipeline");
        assertThat(first.getUrl().queryParameter("branch")).isEqualTo("main");
        assertThat(first.getUrl().queryParameter("page-token")).isNull();
        RecordedRequest second = server.takeRequest();
        assertThat(second.getUrl().queryParameter("branch")).isEqualTo("main");
        assertThat(second.getUrl().queryParameter("page-token")).isEqualTo(SECOND_PAGE_TOKEN);
    }

    @Test
    void shouldParsePipelineListItems() {
        server.enqueue(fixture(200, "pipeline-list.json"));
        server.enqueue(page(null));

        List<Pipeline> pipelines = client.listProjectPipelines("gh/example-org/example-repo", null).items();

        Pipeline first = pipelines.get(0);
        assertThat(first.id()).isEqualTo("36eea095-29de-5f48-82bb-109867eb31b5");
        assertThat(first.actorLogin()).isEqualTo("example-user-1");
        assertThat(first.branch()).isEqualTo("feature-branch-1");
        assertThat(first.revision()).isEqualTo("b892bb03c21ddbef5919d20f55d641de6a88bde2");
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2021-06-28T13:42:55.306Z"));
        Pipeline second = pipelines.get(1);
        assertThat(second.id()).isEqualTo("6394085d-6151-5e46-81a2-d91c677c80e1");
        assertThat(second.actorLogin()).isEqualTo("example-user-2");
        assertThat(second.branch()).isEqualTo("master");
    }

    @Test
    void shouldOmitBranchQueryWhenBranchIsNull() throws InterruptedException {
        server.enqueue(page(null));

        client.listProjectPipelines("gh/example-org/example-repo", null);

        assertThat(server.takeRequest().getUrl().queryParameterNames()).isEmpty();
    }

    @Test
    void shouldNormalizeLongSlugInPath() throws InterruptedException {
        server.enqueue(page(null));

        client.listProjectPipelines("bitbucket/example-org/example-repo", null);

        assertThat(server.takeRequest().getUrl().encodedPath())
                .isEqualTo("/api/v2/project/bb/example-org/example-repo/pipeline");
    }

    @Test
    void shouldListOrganizationPipelinesWithOrgSlug() throws InterruptedException {
        server.enqueue(fixture(200, "pipeline-list.json"));
        server.enqueue(page(null));

        PagedResult<Pipeline> result = client.listOrganizationPipelines("github/example-org");

        assertThat(result.items()).hasSize(2);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v2/pipeline");
        assertThat(request.getUrl().queryParameter("org-slug")).isEqualTo("gh/example-org");
        assertThat(server.takeRequest().getUrl().queryParameter("org-slug")).isEqualTo("gh/example-org");
    }

    @Test
    void shouldKeepPipelineErrors() {
        server.enqueue(fixture(200, "pipeline-errored.synthetic.json"));

        Pipeline pipeline = client.getPipeline("a867a321-fac1-5733-8a33-eed366cd1373");

        assertThat(pipeline.state()).isEqualTo("errored");
        assertThat(pipeline.errors()).containsExactly(
                new PipelineError("config",
                        "Config does not conform to schema: {:workflows {:build {:jobs [{:test (not (map? nil))}]}}}"),
                new PipelineError("config-fetch", "Failed to fetch config from the repository"));
    }

    @Test
    void shouldReadTriggerParametersWithoutVcs() {
        server.enqueue(fixture(200, "pipeline-without-vcs.synthetic.json"));

        Pipeline pipeline = client.getPipeline("52fc9744-5e2d-5bf8-bf86-a916592dbf76");

        assertThat(pipeline.branch()).isEqualTo("main");
        assertThat(pipeline.tag()).isNull();
        assertThat(pipeline.revision()).isEqualTo("7e6f8e487ae3cc2425a37059425d51d4c4fcaee9");
        assertThat(pipeline.triggerType()).isEqualTo("gitlab");
        assertThat(pipeline.projectSlug()).isEqualTo("circleci/AbCdEfGhIjKlMnOpQrStUv/ZyXwVuTsRqPoNmLkJiHgFe");
    }

    @Test
    void shouldKeepUnknownStateAndTypeValues() {
        String body = Fixtures.read("pipeline.json")
                .replace("\"state\": \"created\"", "\"state\": \"setup-queued\"")
                .replace("\"type\": \"webhook\"", "\"type\": \"github_app_rerun\"");
        server.enqueue(json(200, body));

        Pipeline pipeline = client.getPipeline(PIPELINE_ID);

        assertThat(pipeline.state()).isEqualTo("setup-queued");
        assertThat(pipeline.triggerType()).isEqualTo("github_app_rerun");
    }

    @Test
    void shouldReadPipelineWithRequiredFieldsMissing() {
        server.enqueue(json(200, "{\"id\": \"p-1\", \"vcs\": null, \"errors\": null, \"trigger\": {}}"));

        Pipeline pipeline = client.getPipeline("p-1");

        assertThat(pipeline).isEqualTo(new Pipeline("p-1", null, null, null, null, null, null, null, null, null,
                null, List.of()));
    }

    @Test
    void shouldIgnoreUnknownFields() {
        String body = Fixtures.read("pipeline.json")
                .replaceFirst("\\{", "{\"brand_new_field\": {\"nested\": [1, 2, 3]}, \"another\": true,");
        server.enqueue(json(200, body));

        Pipeline pipeline = client.getPipeline(PIPELINE_ID);

        assertThat(pipeline.number()).isEqualTo(154L);
    }

    @Test
    void shouldSkipMalformedItemAndKeepTheRest() {
        String good = "{\"id\": \"p-1\", \"number\": 3}";
        String wrongShape = "{\"id\": \"p-2\", \"number\": 2, \"trigger\": \"webhook\"}";
        String notAnObject = "\"p-3\"";
        String alsoGood = "{\"id\": \"p-4\", \"number\": \"1\"}";
        server.enqueue(page(null, good, wrongShape, notAnObject, alsoGood));

        try (LogCapture logs = LogCapture.start()) {
            PagedResult<Pipeline> result = client.listProjectPipelines("gh/example-org/example-repo", null);

            assertThat(result.items()).extracting(Pipeline::id).containsExactly("p-1", "p-4");
            assertThat(result.items()).extracting(Pipeline::number).containsExactly(3L, 1L);
            assertThat(result.complete()).isTrue();
            assertThat(client.metrics().skippedItems()).isEqualTo(2);
            assertThat(logs.lines("WARN")).hasSize(2);
            assertThat(logs.lines("WARN").get(0)).contains("Skipped item 1 on page 1", "field 'trigger'");
        }
    }
}
