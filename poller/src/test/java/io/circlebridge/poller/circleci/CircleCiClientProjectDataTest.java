package io.circlebridge.poller.circleci;

import static io.circlebridge.poller.circleci.Fixtures.fixture;
import static io.circlebridge.poller.circleci.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CircleCiClientProjectDataTest {

    private static final String SLUG = "gh/example-org/example-repo";
    private static final String PROJECT_ID = "dabcf5b9-2722-50d8-b54a-1e44e5798c0d";

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
    void shouldParseEnvVarsWithJodaTimestamp() throws InterruptedException {
        server.enqueue(fixture(200, "envvar-list.json"));

        PagedResult<EnvVar> result = client.listProjectEnvVars(SLUG);

        assertThat(result.items())
                .containsExactly(new EnvVar("foo", "xxxx1234", Instant.parse("2023-04-14T21:20:14Z")));
        assertThat(server.takeRequest().getUrl().encodedPath())
                .isEqualTo("/api/v2/project/gh/example-org/example-repo/envvar");
    }

    @Test
    void shouldReadUnparseableEnvVarTimeAsNull() {
        server.enqueue(page(null,
                "{\"name\": \"A\", \"value\": \"xxxxabcd\", \"created-at\": \"last tuesday\"}",
                "{\"name\": \"B\", \"value\": \"xxxx0000\", \"created-at\": null}",
                "{\"name\": \"C\", \"value\": \"xxxx1111\", \"created-at\": \"2024-01-02T03:04:05.123456Z\"}"));

        List<EnvVar> envVars = client.listProjectEnvVars(SLUG).items();

        assertThat(envVars).extracting(EnvVar::createdAt)
                .containsExactly(null, null, Instant.parse("2024-01-02T03:04:05.123456Z"));
    }

    @Test
    void shouldParseEveryWorkflowInsightsField() {
        server.enqueue(fixture(200, "insights-workflows.json"));

        List<WorkflowMetrics> metrics =
                client.getWorkflowInsights(SLUG, ReportingWindow.LAST_90_DAYS, BranchFilter.defaultBranch()).items();

        assertThat(metrics).hasSize(3);
        assertThat(metrics.get(0)).isEqualTo(new WorkflowMetrics("bucket_upload", PROJECT_ID,
                Instant.parse("2021-03-31T09:01:11.412Z"), Instant.parse("2021-06-28T23:42:38.647Z"), 181L, 136L, 43L,
                0.7513812154696132, 2.033707865168539, 93519L, 0L, 323000L,
                new WorkflowMetrics.DurationMetrics(202L, 8807L, 8606L, 11307L, 16317L, 1707.0)));
        assertThat(metrics).extracting(WorkflowMetrics::name)
                .containsExactly("bucket_upload", "upload_trigger", "commit");
        assertThat(metrics.get(2).totalRuns()).isEqualTo(997L);
        assertThat(metrics.get(2).duration().standardDeviation()).isEqualTo(1341.0);
    }

    @Test
    void shouldReadInsightsWithNullMetrics() {
        server.enqueue(page(null, "{\"name\": \"nightly\", \"metrics\": {\"mttr\": null, \"total_credits_used\": null,"
                + " \"duration_metrics\": {\"min\": null, \"standard_deviation\": null}}, \"project_id\": 42}"));

        PagedResult<WorkflowMetrics> result =
                client.getWorkflowInsights(SLUG, ReportingWindow.LAST_7_DAYS, BranchFilter.allBranches());

        WorkflowMetrics metrics = result.items().get(0);

        assertThat(metrics.mttrSeconds()).isNull();
        assertThat(metrics.totalCreditsUsed()).isNull();
        assertThat(metrics.totalRuns()).isNull();
        assertThat(metrics.duration()).isEqualTo(new WorkflowMetrics.DurationMetrics(null, null, null, null, null,
                null));
        assertThat(metrics.projectId()).isEqualTo("42");
    }

    @Test
    void shouldSendReportingWindowAndBranch() throws InterruptedException {
        server.enqueue(page(null));

        client.getWorkflowInsights(SLUG, ReportingWindow.LAST_30_DAYS, BranchFilter.branch("release/1.x"));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v2/insights/gh/example-org/example-repo/workflows");
        assertThat(request.getUrl().queryParameter("reporting-window")).isEqualTo("last-30-days");
        assertThat(request.getUrl().queryParameter("branch")).isEqualTo("release/1.x");
        assertThat(request.getUrl().queryParameter("all-branches")).isNull();
    }

    @Test
    void shouldSendAllBranches() throws InterruptedException {
        server.enqueue(page(null));

        client.getWorkflowInsights(SLUG, ReportingWindow.LAST_24_HOURS, BranchFilter.allBranches());

        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().queryParameter("reporting-window")).isEqualTo("last-24-hours");
        assertThat(request.getUrl().queryParameter("all-branches")).isEqualTo("true");
        assertThat(request.getUrl().queryParameter("branch")).isNull();
    }

    @Test
    void shouldSendNoBranchForDefaultBranch() throws InterruptedException {
        server.enqueue(page(null));

        client.getWorkflowInsights(SLUG, ReportingWindow.LAST_60_DAYS, BranchFilter.defaultBranch());

        assertThat(server.takeRequest().getUrl().queryParameterNames()).containsExactly("reporting-window");
    }

    @Test
    void shouldFollowInsightsPages() throws InterruptedException {
        server.enqueue(page("insights-2", "{\"name\": \"a\"}"));
        server.enqueue(page(null, "{\"name\": \"b\"}"));

        List<WorkflowMetrics> metrics =
                client.getWorkflowInsights(SLUG, ReportingWindow.LAST_90_DAYS, BranchFilter.allBranches()).items();

        assertThat(metrics).extracting(WorkflowMetrics::name).containsExactly("a", "b");
        server.takeRequest();
        RecordedRequest second = server.takeRequest();
        assertThat(second.getUrl().queryParameter("page-token")).isEqualTo("insights-2");
        assertThat(second.getUrl().queryParameter("all-branches")).isEqualTo("true");
    }
}
