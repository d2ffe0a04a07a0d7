package io.circlebridge.poller.circleci;

import static io.circlebridge.poller.circleci.Fixtures.fixture;
import static io.circlebridge.poller.circleci.Fixtures.json;
import static io.circlebridge.poller.circleci.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CircleCiClientWorkflowsAndJobsTest {

    private static final String PIPELINE_ID = "7d550385-29e7-58c8-b17f-3119b350ec26";
    private static final String WORKFLOW_ID = "785c63f4-264b-5a8e-91db-202ec100d60a";

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
    void shouldParseEveryWorkflowField() throws InterruptedException {
        server.enqueue(fixture(200, "workflow-list.json"));

        PagedResult<Workflow> result = client.listPipelineWorkflows(PIPELINE_ID);

        assertThat(result.complete()).isTrue();
        assertThat(result.items()).containsExactly(new Workflow(WORKFLOW_ID, PIPELINE_ID, 154L,
                "gh/example-org/example-repo", "workflow", "success", Instant.parse("2020-12-24T12:59:23Z"),
                Instant.parse("2020-12-24T13:00:08Z"), null));
        assertThat(server.takeRequest().getUrl().encodedPath())
                .isEqualTo("/api/v2/pipeline/" + PIPELINE_ID + "/workflow");
    }

    @Test
    void shouldGetOneWorkflow() throws InterruptedException {
        server.enqueue(fixture(200, "workflow.json"));

        Workflow workflow = client.getWorkflow(WORKFLOW_ID);

        assertThat(workflow.id()).isEqualTo(WORKFLOW_ID);
        assertThat(workflow.status()).isEqualTo("success");
        assertThat(workflow.pipelineNumber()).isEqualTo(154L);
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v2/workflow/" + WORKFLOW_ID);
    }

    @Test
    void shouldKeepUnknownAndNewWorkflowStatuses() {
        String running = "{\"id\": \"w-1\", \"status\": \"queued\", \"stopped_at\": null, \"tag\": \"setup\"}";
        String future = "{\"id\": \"w-2\", \"status\": \"paused_for_review\"}";
        server.enqueue(page(null, running, future));

        List<Workflow> workflows = client.listPipelineWorkflows(PIPELINE_ID).items();

        assertThat(workflows).extracting(Workflow::status).containsExactly("queued", "paused_for_review");
        assertThat(workflows.get(0).stoppedAt()).isNull();
        assertThat(workflows.get(0).tag()).isEqualTo("setup");
    }

    @Test
    void shouldParseEveryJobField() throws InterruptedException {
        server.enqueue(fixture(200, "job-list.json"));

        List<Job> jobs = client.listWorkflowJobs(WORKFLOW_ID).items();

        assertThat(jobs).containsExactly(
                new Job("a90b7c58-c780-5a4a-85d6-5e8f37be05c9", "lint", "build", "success", 11256L,
                        "gh/example-org/example-repo", Instant.parse("2024-03-11T14:56:45Z"),
                        Instant.parse("2024-03-11T14:56:59Z"), List.of(), null),
                new Job("f36a3d2f-6653-5d75-854a-370124861231", "hold", "approval", "success", 11257L,
                        "gh/example-org/example-repo", Instant.parse("2024-03-11T14:56:43Z"),
                        Instant.parse("2024-03-11T14:57:08Z"), List.of(), "f36a3d2f-6653-5d75-854a-370124861231"));
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v2/workflow/" + WORKFLOW_ID + "/job");
    }

    @Test
    void shouldParseJobDependencies() {
        server.enqueue(fixture(200, "job-list-dependencies.json"));

        List<Job> jobs = client.listWorkflowJobs(WORKFLOW_ID).items();

        assertThat(jobs).hasSize(5);
        assertThat(jobs.get(0).dependencies()).isEmpty();
        assertThat(jobs.get(1).dependencies()).containsExactly("5c3f6129-f07a-5a18-af50-16f6dd33c2a4");
        assertThat(jobs.get(4).dependencies()).containsExactly("9e52ce87-cd08-5e6b-8bf9-951ffd4f7912");
        assertThat(jobs.get(4).status()).isEqualTo("failed");
        assertThat(jobs.get(4).jobNumber()).isEqualTo(2342345L);
    }

    @Test
    void shouldReadJobsThatHaveNotStarted() {
        String blocked = "{\"id\": \"j-1\", \"name\": \"deploy\", \"type\": \"build\", \"status\": \"blocked\","
                + " \"started_at\": null, \"dependencies\": [\"j-0\"]}";
        String newType = "{\"id\": \"j-2\", \"type\": \"release\", \"status\": \"terminated-unknown\"}";
        server.enqueue(page(null, blocked, newType));

        List<Job> jobs = client.listWorkflowJobs(WORKFLOW_ID).items();

        assertThat(jobs.get(0).startedAt()).isNull();
        assertThat(jobs.get(0).stoppedAt()).isNull();
        assertThat(jobs.get(0).jobNumber()).isNull();
        assertThat(jobs.get(1).type()).isEqualTo("release");
        assertThat(jobs.get(1).status()).isEqualTo("terminated-unknown");
        assertThat(jobs.get(1).dependencies()).isEmpty();
    }

    @Test
    void shouldPageJobList() throws InterruptedException {
        server.enqueue(page("jobs-page-2", "{\"id\": \"j-1\"}"));
        server.enqueue(page(null, "{\"id\": \"j-2\"}"));

        List<Job> jobs = client.listWorkflowJobs(WORKFLOW_ID).items();

        assertThat(jobs).extracting(Job::id).containsExactly("j-1", "j-2");
        server.takeRequest();
        assertThat(server.takeRequest().getUrl().queryParameter("page-token")).isEqualTo("jobs-page-2");
    }

    @Test
    void shouldParseEveryJobDetailsField() throws InterruptedException {
        server.enqueue(fixture(200, "job-details.json"));

        JobDetails details = client.getJobDetails("gh/example-org/example-repo", 155);

        assertThat(details).isEqualTo(new JobDetails(155L, "build", "success",
                "https://circleci.com/gh/example-org/example-repo/155", null, "gh/example-org/example-repo",
                "example-repo", "https://github.com/example-org/example-repo", "example-org",
                PIPELINE_ID, WORKFLOW_ID, "workflow", "docker", "medium", 1L,
                List.of(new JobDetails.ParallelRun(0L, "success")), Instant.parse("2020-12-24T12:59:24.233Z"),
                Instant.parse("2020-12-24T12:59:24.256Z"), Instant.parse("2020-12-24T12:59:27.236Z"),
                Instant.parse("2020-12-24T13:00:08.894Z"), 41658L, List.of(), List.of()));
        assertThat(server.takeRequest().getUrl().encodedPath())
                .isEqualTo("/api/v2/project/gh/example-org/example-repo/job/155");
    }

    @Test
    void shouldParseJobDetailsMessagesAndContexts() {
        String body = "{\"number\": 7, \"messages\": [{\"type\": \"warning\", \"message\": \"Image is old\","
                + " \"reason\": \"deprecated\"}], \"contexts\": [{\"name\": \"deploy\"}, {\"name\": \"aws\"}],"
                + " \"project\": {\"id\": \"b5ea625a-6311-521b-a770-91f37fcebfab\"}, \"duration\": null}";
        server.enqueue(json(200, body));

        JobDetails details = client.getJobDetails("gh/example-org/example-repo", 7);

        assertThat(details.messages()).containsExactly(new JobDetails.Message("warning", "Image is old", "deprecated"));
        assertThat(details.contexts()).containsExactly("deploy", "aws");
        assertThat(details.projectId()).isEqualTo("b5ea625a-6311-521b-a770-91f37fcebfab");
        assertThat(details.durationMillis()).isNull();
        assertThat(details.parallelRuns()).isEmpty();
    }

    @Test
    void shouldRejectDetailsOfApprovalJob() {
        Job approval = new Job("f36a", "hold", "approval", "success", 11257L, "gh/example-org/example-repo", null,
                null, List.of(), "f36a");

        assertThatThrownBy(() -> client.getJobDetails(approval))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only for build jobs");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void shouldGetDetailsOfBuildJobFromList() throws InterruptedException {
        server.enqueue(fixture(200, "job-details.json"));
        Job build = new Job("a90b", "build", "build", "success", 155L, "github/example-org/example-repo", null, null,
                List.of(), null);

        JobDetails details = client.getJobDetails(build);

        assertThat(details.number()).isEqualTo(155L);
        assertThat(server.takeRequest().getUrl().encodedPath())
                .isEqualTo("/api/v2/project/gh/example-org/example-repo/job/155");
    }
}
