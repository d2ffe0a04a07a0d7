package io.circlebridge.simulator.api;

import static io.circlebridge.simulator.support.SimulatorFixture.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.circlebridge.simulator.model.PipelineSnapshot;
import io.circlebridge.simulator.support.SimulatorClient.Reply;
import io.circlebridge.simulator.support.SimulatorFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LegacyTriggerTest {

    private static final String TRIGGER = "/project/" + PROJECT + "/pipeline";

    private SimulatorFixture fixture;

    @BeforeEach
    void start() {
        fixture = SimulatorFixture.start(2);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void shouldCreatePendingPipeline() {
        Reply reply = fixture.client().postJson(TRIGGER, "{\"branch\":\"feature/dark-mode\",\"parameters\":{\"deploy_prod\":true}}");

        JsonNode body = reply.json();
        assertThat(reply.status()).isEqualTo(201);
        assertThat(body.get("state").asText()).isEqualTo("pending");
        assertThat(body.get("number").asLong()).isEqualTo(3);
        assertThat(body.get("created_at").asText()).isEqualTo("2025-03-10T09:15:01.902Z");
        assertThat(body.get("id").asText()).hasSize(36);
    }

    @Test
    void shouldProgressTriggeredPipelineLikeAnyOther() {
        String id = fixture.client().postJson(TRIGGER, "{\"branch\":\"main\"}").json().get("id").asText();

        fixture.advanceUntil(() -> fixture.client().get("/pipeline/" + id + "/workflow").json().get("items").size() > 0);

        Reply pipeline = fixture.client().get("/pipeline/" + id);
        assertThat(pipeline.json().get("state").asText()).isEqualTo("created");
        assertThat(pipeline.json().get("trigger").get("type").asText()).isEqualTo("api");
        assertThat(pipeline.json().get("vcs").get("branch").asText()).isEqualTo("main");
    }

    @Test
    void shouldBuildDefaultBranchWithoutBody() {
        Reply reply = fixture.client().post(TRIGGER, "application/json", "");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(snapshot(reply.json().get("id").asText()).branch()).isEqualTo("main");
    }

    @Test
    void shouldBuildTag() {
        Reply reply = fixture.client().postJson(TRIGGER, "{\"tag\":\"v1.2.3\"}");

        PipelineSnapshot pipeline = snapshot(reply.json().get("id").asText());
        assertThat(pipeline.tag()).isEqualTo("v1.2.3");
        assertThat(pipeline.branch()).isNull();
    }

    @Test
    void shouldRejectUnknownBranch() {
        Reply reply = fixture.client().postJson(TRIGGER, "{\"branch\":\"no-such-branch\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).isEqualTo("{\"message\":\"Branch not found\"}");
    }

    @Test
    void shouldRejectBranchTogetherWithTag() {
        Reply reply = fixture.client().postJson(TRIGGER, "{\"branch\":\"main\",\"tag\":\"v1\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("message").asText()).isEqualTo("Only one of branch or tag can be specified.");
    }

    @Test
    void shouldRejectUnknownProject() {
        Reply reply = fixture.client().postJson("/project/gh/example-org/missing-repo/pipeline", "{}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).isEqualTo("{\"message\":\"Project not found\"}");
    }

    @Test
    void shouldRejectCircleciSlug() {
        String slug = fixture.simulator().circleciSlug(PROJECT);

        Reply reply = fixture.client().postJson("/project/" + slug + "/pipeline", "{}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("message").asText()).isEqualTo("Project not found");
    }

    @Test
    void shouldRejectBodyThatIsNotJson() {
        Reply reply = fixture.client().post(TRIGGER, "text/plain", "branch=main");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("message").asText()).isEqualTo("Content-Type must be application/json.");
    }

    @Test
    void shouldRejectParameterOfWrongType() {
        Reply reply = fixture.client().postJson(TRIGGER, "{\"parameters\":{\"nested\":{\"a\":1}}}");

        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void shouldRejectUnknownScenario() {
        Reply reply = fixture.client().postJson(TRIGGER, "{\"parameters\":{\"simulator_scenario\":\"chaos\"}}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("message").asText()).startsWith("Invalid simulator_scenario 'chaos'");
    }

    private PipelineSnapshot snapshot(String id) {
        return fixture.simulator().pipelines().stream().filter(pipeline -> pipeline.id().equals(id)).findFirst()
                .orElseThrow();
    }
}
