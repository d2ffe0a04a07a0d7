package io.circlebridge.simulator.api;

import static io.circlebridge.simulator.support.SimulatorFixture.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.circlebridge.simulator.support.SimulatorClient.Reply;
import io.circlebridge.simulator.support.SimulatorFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReadEndpointsTest {

    private static final String MILLIS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";
    private static final String SECONDS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";

    private SimulatorFixture fixture;

    @BeforeEach
    void start() {
        fixture = SimulatorFixture.start(0);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void shouldFormatTimesLikeRealApi() {
        String pipelineId = fixture.trigger("success");
        fixture.advanceUntil(() -> fixture.simulator().isQuiescent());

        JsonNode pipeline = fixture.client().get("/pipeline/" + pipelineId).json();
        JsonNode workflow = firstWorkflow(pipelineId);
        JsonNode job = fixture.client().get("/workflow/" + workflow.get("id").asText() + "/job").json().get("items").get(0);

        assertThat(pipeline.get("created_at").asText()).matches(MILLIS);
        assertThat(pipeline.get("updated_at").asText()).matches(MILLIS);
        assertThat(workflow.get("created_at").asText()).matches(SECONDS);
        assertThat(workflow.get("stopped_at").asText()).matches(SECONDS);
        assertThat(job.get("started_at").asText()).matches(SECONDS);
    }

    @Test
    void shouldMatchWorkflowListItem() {
        String pipelineId = fixture.trigger("success");
        fixture.advanceUntil(() -> !fixture.simulator().pipelines().get(0).workflows().isEmpty());
        JsonNode listed = firstWorkflow(pipelineId);

        Reply single = fixture.client().get("/workflow/" + listed.get("id").asText());

        assertThat(single.json()).isEqualTo(listed);
        assertThat(listed.get("stopped_at").isNull()).isTrue();
        assertThat(listed.get("pipeline_number").asLong()).isEqualTo(1);
    }

    @Test
    void shouldReportNullStartOfJobsNotStarted() {
        String pipelineId = fixture.trigger("success");
        fixture.advanceUntil(() -> !fixture.simulator().pipelines().get(0).workflows().isEmpty());

        JsonNode jobs = fixture.client().get("/workflow/" + firstWorkflow(pipelineId).get("id").asText() + "/job")
                .json().get("items");

        JsonNode blocked = jobs.get(4);
        assertThat(blocked.get("name").asText()).isEqualTo("package");
        assertThat(blocked.get("status").asText()).isEqualTo("blocked");
        assertThat(blocked.get("started_at").isNull()).isTrue();
        assertThat(blocked.has("job_number")).isFalse();
        assertThat(blocked.get("dependencies")).hasSize(3);
    }

    @Test
    void shouldServeJobDetailsForBuildJobs() {
        String pipelineId = fixture.trigger("success");
        fixture.advanceUntil(() -> fixture.simulator().isQuiescent());
        JsonNode job = jobNamed(pipelineId, "build");

        Reply details = fixture.client().get("/project/" + PROJECT + "/job/" + job.get("job_number").asLong());

        assertThat(details.status()).isEqualTo(200);
        assertThat(details.json().get("name").asText()).isEqualTo("build");
        assertThat(details.json().get("status").asText()).isEqualTo("success");
        assertThat(details.json().get("started_at").asText()).matches(MILLIS);
        assertThat(details.json().get("duration").asLong()).isPositive();
        assertThat(details.json().get("latest_workflow").get("name").asText()).isEqualTo("build-and-test");
    }

    @Test
    void shouldAnswer404ForApprovalJobDetails() {
        String pipelineId = fixture.trigger("approval");
        fixture.advanceUntil(() -> fixture.simulator().isQuiescent());
        JsonNode hold = jobNamed(pipelineId, "hold");

        Reply details = fixture.client().get("/project/" + PROJECT + "/job/" + hold.get("job_number").asLong());

        assertThat(hold.get("type").asText()).isEqualTo("approval");
        assertThat(hold.get("approval_request_id").asText()).isEqualTo(hold.get("id").asText());
        assertThat(details.status()).isEqualTo(404);
    }

    @Test
    void shouldAnswer404ForUnknownIds() {
        List<String> paths = List.of("/pipeline/8a1f7f34-0c1e-4d7e-9d43-111111111111",
                "/pipeline/8a1f7f34-0c1e-4d7e-9d43-111111111111/workflow",
                "/workflow/8a1f7f34-0c1e-4d7e-9d43-111111111111",
                "/workflow/8a1f7f34-0c1e-4d7e-9d43-111111111111/job",
                "/project/" + PROJECT + "/job/99999", "/project/" + PROJECT + "/job/abc");

        for (String path : paths) {
            assertThat(fixture.client().get(path).status()).as(path).isEqualTo(404);
        }
    }

    @Test
    void shouldReportApproverAfterApproval() {
        String pipelineId = fixture.trigger("approval");
        fixture.advanceUntil(() -> fixture.simulator().isQuiescent());

        fixture.simulator().approve(firstWorkflow(pipelineId).get("id").asText());

        JsonNode hold = jobNamed(pipelineId, "hold");
        assertThat(hold.get("status").asText()).isEqualTo("success");
        assertThat(hold.get("approved_by").asText()).hasSize(36);
        assertThat(firstWorkflow(pipelineId).get("status").asText()).isEqualTo("running");
    }

    @Test
    void shouldMaskEnvironmentVariables() {
        fixture.simulator().putEnvVar(PROJECT, "SECRET_KEY", "super-secret-value-1234");

        JsonNode items = fixture.client().get("/project/" + PROJECT + "/envvar").json().get("items");

        List<String> values = new ArrayList<>();
        items.forEach(item -> values.add(item.get("value").asText()));
        assertThat(values).hasSize(4).allMatch(value -> value.matches("xxxx.{4}")).contains("xxxx1234");
    }

    @Test
    void shouldDropRemovedEnvironmentVariable() {
        fixture.simulator().removeEnvVar(PROJECT, "NPM_TOKEN");

        JsonNode items = fixture.client().get("/project/" + PROJECT + "/envvar").json().get("items");

        assertThat(items).extracting(item -> item.get("name").asText()).containsExactly("AWS_ACCESS_KEY_ID", "DEPLOY_TOKEN");
    }

    @Test
    void shouldComputeInsightsFromFinishedRuns() {
        fixture.trigger("failure");
        fixture.trigger("success");
        fixture.advanceUntil(() -> fixture.simulator().isQuiescent());

        JsonNode items = fixture.client().get("/insights/" + PROJECT + "/workflows?reporting-window=last-7-days")
                .json().get("items");

        JsonNode metrics = items.get(0).get("metrics");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("name").asText()).isEqualTo("build-and-test");
        assertThat(metrics.get("total_runs").asLong()).isEqualTo(2);
        assertThat(metrics.get("successful_runs").asLong()).isEqualTo(1);
        assertThat(metrics.get("failed_runs").asLong()).isEqualTo(1);
        assertThat(metrics.get("success_rate").asDouble()).isEqualTo(0.5);
        assertThat(metrics.get("total_recoveries").asLong()).isEqualTo(1);
        assertThat(metrics.get("throughput").asDouble()).isEqualTo(2 / 7.0);
    }

    @Test
    void shouldLimitInsightsToDefaultBranch() {
        fixture.client().postJson("/project/" + PROJECT + "/pipeline",
                "{\"branch\":\"feature/dark-mode\",\"parameters\":{\"simulator_scenario\":\"success\"}}");
        fixture.advanceUntil(() -> fixture.simulator().isQuiescent());

        JsonNode main = fixture.client().get("/insights/" + PROJECT + "/workflows").json().get("items");
        JsonNode all = fixture.client().get("/insights/" + PROJECT + "/workflows?all-branches=true").json().get("items");

        assertThat(main).isEmpty();
        assertThat(all).hasSize(1);
    }

    @Test
    void shouldRejectInvalidReportingWindow() {
        Reply reply = fixture.client().get("/insights/" + PROJECT + "/workflows?reporting-window=last-year");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("message").asText()).startsWith("Invalid reporting-window 'last-year'");
    }

    private JsonNode firstWorkflow(String pipelineId) {
        return fixture.client().get("/pipeline/" + pipelineId + "/workflow").json().get("items").get(0);
    }

    private JsonNode jobNamed(String pipelineId, String name) {
        JsonNode jobs = fixture.client().get("/workflow/" + firstWorkflow(pipelineId).get("id").asText() + "/job")
                .json().get("items");
        for (JsonNode job : jobs) {
            if (job.get("name").asText().equals(name)) {
                return job;
            }
        }
        throw new AssertionError("No job named " + name + " in " + jobs);
    }
}
