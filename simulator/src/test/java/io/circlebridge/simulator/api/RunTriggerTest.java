package io.circlebridge.simulator.api;

import static io.circlebridge.simulator.support.SimulatorFixture.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import io.circlebridge.simulator.model.PipelineSnapshot;
import io.circlebridge.simulator.support.SimulatorClient.Reply;
import io.circlebridge.simulator.support.SimulatorFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunTriggerTest {

    private static final String RUN = "/project/gh/example-org/example-repo/pipeline/run";

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
    void shouldCreatePipelineFromFullBody() {
        Reply reply = fixture.client().postJson(RUN, "{\"definition_id\":\"2338d0ae-5541-4bbf-88a2-55e9f7281f80\","
                + "\"config\":{\"branch\":\"main\"},\"checkout\":{\"tag\":\"v2\"},"
                + "\"parameters\":{\"example_param\":\"my value\",\"example_param2\":true,\"example_param3\":3}}");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("state").asText()).isEqualTo("pending");
        assertThat(reply.json().get("number").asLong()).isEqualTo(1);
        assertThat(snapshot(reply.json().get("id").asText()).tag()).isEqualTo("v2");
    }

    @Test
    void shouldBuildConfigBranchWithoutCheckout() {
        Reply reply = fixture.client().postJson(RUN, "{\"config\":{\"branch\":\"fix/flaky-tests\"}}");

        assertThat(snapshot(reply.json().get("id").asText()).branch()).isEqualTo("fix/flaky-tests");
    }

    @Test
    void shouldAcceptLongProviderAndCircleciForms() {
        String[] ids = fixture.simulator().circleciSlug(PROJECT).split("/");

        Reply github = fixture.client().postJson("/project/github/example-org/example-repo/pipeline/run", "{}");
        Reply circleci = fixture.client().postJson("/project/circleci/" + ids[1] + "/" + ids[2] + "/pipeline/run", "{}");

        assertThat(github.status()).isEqualTo(201);
        assertThat(circleci.status()).isEqualTo(201);
    }

    @Test
    void shouldCreateNothingWhenAskedToSkip() {
        Reply reply = fixture.client().postJson(RUN, "{\"parameters\":{\"simulator_skip\":true}}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"message\":\"Ignoring pipeline due to CI skip in the commit\"}");
        assertThat(fixture.simulator().pipelines()).isEmpty();
    }

    @Test
    void shouldRejectUnknownTopLevelField() {
        Reply reply = fixture.client().postJson(RUN, "{\"branch\":\"main\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).isEqualTo("{\"message\":\"Unexpected request body provided.\"}");
    }

    @Test
    void shouldRejectUnknownNestedField() {
        Reply reply = fixture.client().postJson(RUN, "{\"config\":{\"revision\":\"abc\"}}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("message").asText()).isEqualTo("Unexpected request body provided.");
    }

    @Test
    void shouldRejectDefinitionIdThatIsNotUuid() {
        Reply reply = fixture.client().postJson(RUN, "{\"definition_id\":\"definition-1\"}");

        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void shouldRejectBranchTogetherWithTag() {
        Reply reply = fixture.client().postJson(RUN, "{\"checkout\":{\"branch\":\"main\",\"tag\":\"v2\"}}");

        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void shouldRejectUnknownBranch() {
        Reply reply = fixture.client().postJson(RUN, "{\"checkout\":{\"branch\":\"gone\"}}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("message").asText()).isEqualTo("Branch not found");
    }

    @Test
    void shouldRejectBodyThatIsNotJson() {
        Reply reply = fixture.client().post(RUN, "text/plain", "{}");

        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void shouldRejectUnknownProject() {
        Reply reply = fixture.client().postJson("/project/gh/example-org/missing-repo/pipeline/run", "{}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).isEqualTo("{\"message\":\"Project does not exist.\"}");
    }

    @Test
    void shouldRejectUnsupportedProvider() {
        Reply reply = fixture.client().postJson("/project/gitlab/example-org/example-repo/pipeline/run", "{}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("message").asText()).isEqualTo("Project does not exist.");
    }

    @Test
    void shouldRejectEncodedSlug() {
        Reply reply = fixture.client().postJson("/project/gh%2Fexample-org%2Fexample-repo/pipeline/run", "{}");

        assertThat(reply.status()).isEqualTo(404);
    }

    private PipelineSnapshot snapshot(String id) {
        return fixture.simulator().pipelines().stream().filter(pipeline -> pipeline.id().equals(id)).findFirst()
                .orElseThrow();
    }
}
