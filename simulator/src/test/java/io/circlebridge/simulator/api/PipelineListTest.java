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

class PipelineListTest {

    private static final int INITIAL_PIPELINES = 45;

    private SimulatorFixture fixture;

    @BeforeEach
    void start() {
        fixture = SimulatorFixture.start(INITIAL_PIPELINES);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void shouldPageNewestFirstByNumber() {
        List<Long> numbers = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String token = null;

        do {
            Reply page = fixture.client().get("/project/" + PROJECT + "/pipeline" + (token == null ? "" : "?page-token=" + token));
            assertThat(page.status()).isEqualTo(200);
            page.json().get("items").forEach(item -> numbers.add(item.get("number").asLong()));
            pageSizes.add(page.json().get("items").size());
            JsonNode next = page.json().get("next_page_token");
            token = next.isNull() ? null : next.asText();
        } while (token != null);

        assertThat(pageSizes).containsExactly(20, 20, 5);
        assertThat(numbers).hasSize(INITIAL_PIPELINES).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(numbers.get(0)).isEqualTo(INITIAL_PIPELINES);
    }

    @Test
    void shouldKeepPagesStableOnNewPipelines() {
        Reply first = fixture.client().get("/project/" + PROJECT + "/pipeline");
        String token = first.json().get("next_page_token").asText();
        fixture.trigger("success");

        Reply second = fixture.client().get("/project/" + PROJECT + "/pipeline?page-token=" + token);

        long lastOfFirst = first.json().get("items").get(19).get("number").asLong();
        assertThat(second.json().get("items").get(0).get("number").asLong()).isEqualTo(lastOfFirst - 1);
    }

    @Test
    void shouldAnswer404ForUnknownPageToken() {
        Reply reply = fixture.client().get("/project/" + PROJECT + "/pipeline?page-token=not-a-token");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("message").asText()).isEqualTo("Not Found");
    }

    @Test
    void shouldAnswer404ForPageTokenOfAnotherList() {
        String token = fixture.client().get("/project/" + PROJECT + "/pipeline").json().get("next_page_token").asText();

        Reply reply = fixture.client().get("/project/" + SimulatorFixture.OTHER_PROJECT + "/pipeline?page-token=" + token);

        assertThat(reply.status()).isEqualTo(404);
    }

    @Test
    void shouldFilterByBranch() {
        Reply reply = fixture.client().get("/project/" + PROJECT + "/pipeline?branch=main");

        assertThat(reply.json().get("items")).isNotEmpty()
                .allSatisfy(item -> assertThat(item.get("vcs").get("branch").asText()).isEqualTo("main"));
    }

    @Test
    void shouldAcceptEveryFormOfTheProjectSlug() {
        String circleciSlug = fixture.simulator().circleciSlug(PROJECT);
        List<String> slugs = List.of(PROJECT, "gh%2Fexample-org%2Fexample-repo", "github/example-org/example-repo",
                "GH/Example-Org/example-repo", circleciSlug);

        for (String slug : slugs) {
            Reply reply = fixture.client().get("/project/" + slug + "/pipeline");
            assertThat(reply.status()).as(slug).isEqualTo(200);
            assertThat(reply.json().get("items").get(0).get("project_slug").asText()).as(slug).isEqualTo(PROJECT);
        }
        assertThat(circleciSlug).matches("circleci/[0-9A-Za-z]{22}/[0-9A-Za-z]{22}");
    }

    @Test
    void shouldAnswer404ForUnknownProject() {
        Reply reply = fixture.client().get("/project/gh/example-org/missing-repo/pipeline");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("message").asText()).isEqualTo("Project not found");
    }

    @Test
    void shouldListOrganizationPipelinesAcrossProjects() {
        Reply reply = fixture.client().get("/pipeline?org-slug=gh/example-org");

        List<String> slugs = new ArrayList<>();
        reply.json().get("items").forEach(item -> slugs.add(item.get("project_slug").asText()));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(slugs).hasSize(20).contains(PROJECT, SimulatorFixture.OTHER_PROJECT);
    }

    @Test
    void shouldListOwnPipelinesWhenMine() {
        String triggered = fixture.trigger("success");

        Reply reply = fixture.client().get("/pipeline?org-slug=gh/example-org&mine=true");

        assertThat(reply.json().get("items")).hasSize(1);
        assertThat(reply.json().get("items").get(0).get("id").asText()).isEqualTo(triggered);
    }

    @Test
    void shouldListNothingForAnotherOrganization() {
        Reply reply = fixture.client().get("/pipeline?org-slug=gh/other-org");

        assertThat(reply.json().get("items")).isEmpty();
        assertThat(reply.json().get("next_page_token").isNull()).isTrue();
    }
}
