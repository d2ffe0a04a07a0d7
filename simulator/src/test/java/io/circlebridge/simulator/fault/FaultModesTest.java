package io.circlebridge.simulator.fault;

import static io.circlebridge.simulator.support.SimulatorFixture.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.circlebridge.simulator.model.EntityKind;
import io.circlebridge.simulator.support.SimulatorClient.Reply;
import io.circlebridge.simulator.support.SimulatorFixture;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultModesTest {

    private static final String PIPELINES = "/project/" + PROJECT + "/pipeline";

    private SimulatorFixture fixture;
    private FaultModes faults;

    @BeforeEach
    void start() {
        fixture = SimulatorFixture.start(3);
        faults = fixture.simulator().faults();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void shouldRateLimitWithRetryAfter() {
        faults.rateLimit(2, RateLimitStyle.RETRY_AFTER, Duration.ofSeconds(7));

        List<Reply> replies = List.of(get(PIPELINES), get(PIPELINES), get(PIPELINES));

        assertThat(replies).extracting(Reply::status).containsExactly(429, 429, 200);
        assertThat(replies.get(0).header("Retry-After")).isEqualTo("7");
        assertThat(replies.get(0).body()).isEqualTo("{\"message\":\"Rate limit exceeded.\"}");
    }

    @Test
    void shouldRateLimitWithRateLimitHeaders() {
        faults.rateLimit(1, RateLimitStyle.RATE_LIMIT_HEADERS, Duration.ofSeconds(30));

        Reply reply = get(PIPELINES);

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.header("Retry-After")).isNull();
        assertThat(reply.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(reply.header("RateLimit-Reset")).isEqualTo("30");
        assertThat(reply.header("X-RateLimit-Remaining-Minute")).isEqualTo("0");
        assertThat(reply.header("X-RateLimit-Reset-Minute")).isEqualTo("30");
    }

    @Test
    void shouldRateLimitWithoutHeadersAndEmptyBody() {
        faults.rateLimit(1, RateLimitStyle.NO_HEADERS);

        Reply reply = get(PIPELINES);

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.body()).isEqualTo("{}");
        assertThat(reply.headers().map().keySet()).noneMatch(name -> name.toLowerCase().contains("ratelimit")
                || name.equalsIgnoreCase("Retry-After"));
    }

    @Test
    void shouldCycleThroughServerErrorStatuses() {
        faults.serverErrors(3, 500, 502, 503);

        List<Reply> replies = List.of(get(PIPELINES), get(PIPELINES), get(PIPELINES), get(PIPELINES));

        assertThat(replies).extracting(Reply::status).containsExactly(500, 502, 503, 200);
        assertThat(replies.get(0).json().get("message").asText()).isEqualTo("Internal Server Error");
        assertThat(replies.get(1).header("Content-Type")).isEqualTo("text/html");
    }

    @Test
    void shouldRejectServerErrorStatusOutside5xx() {
        assertThatThrownBy(() -> faults.serverErrors(1, 404))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Server error statuses must be 5xx, got 404");
    }

    @Test
    void shouldHitOnlyPathsUnderTheScopePrefix() {
        faults.at("/api/v2/pipeline/").serverErrors(1, 503);
        String pipelineId = fixture.simulator().pipelines().get(0).id();

        Reply outside = get(PIPELINES);
        Reply inside = get("/pipeline/" + pipelineId);

        assertThat(outside.status()).isEqualTo(200);
        assertThat(inside.status()).isEqualTo(503);
    }

    @Test
    void shouldHoldSlowResponsesPastTheClientTimeout() {
        faults.slowResponses(Duration.ofSeconds(5));

        Exception failure = fixture.client().sendExpectingFailure(
                fixture.client().request(PIPELINES).timeout(Duration.ofMillis(200)).GET().build());

        assertThat(failure).isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void shouldStopDelayingWhenTheDelayIsZero() {
        faults.slowResponses(Duration.ofSeconds(30)).slowResponses(Duration.ZERO);

        Exception failure = fixture.client().sendExpectingFailure(
                fixture.client().request(PIPELINES).timeout(Duration.ofSeconds(10)).GET().build());

        assertThat(failure).isNull();
    }

    @Test
    void shouldSendBodyThatIsNotJson() {
        faults.malformedBodies(1, MalformedBody.NOT_JSON);

        Reply broken = get(PIPELINES);
        Reply next = get(PIPELINES);

        assertThat(broken.status()).isEqualTo(200);
        assertThat(broken.body()).startsWith("<html>");
        assertThatThrownBy(broken::json).isInstanceOf(UncheckedIOException.class);
        assertThat(next.json().get("items")).hasSize(3);
    }

    @Test
    void shouldTruncateJsonBody() {
        Reply whole = get(PIPELINES);
        faults.malformedBodies(1, MalformedBody.TRUNCATED_JSON);

        Reply truncated = get(PIPELINES);

        assertThat(whole.body()).startsWith(truncated.body());
        assertThat(truncated.body()).hasSize(whole.body().length() / 2);
        assertThatThrownBy(truncated::json).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void shouldReportUnknownStatusOnlyInResponses() {
        fixture.advanceUntil(() -> !fixture.simulator().pipelines().get(2).workflows().isEmpty());
        faults.unknownStatus(EntityKind.WORKFLOW, "quantum_superposition").unknownStatus(EntityKind.JOB, "limbo");
        String pipelineId = fixture.simulator().pipelines().get(2).id();

        JsonNode workflow = get("/pipeline/" + pipelineId + "/workflow").json().get("items").get(0);
        JsonNode job = get("/workflow/" + workflow.get("id").asText() + "/job").json().get("items").get(0);

        assertThat(workflow.get("status").asText()).isEqualTo("quantum_superposition");
        assertThat(job.get("status").asText()).isEqualTo("limbo");
        assertThat(fixture.simulator().groundTruth()).noneMatch(change -> change.newStatus().equals("limbo"));
    }

    @Test
    void shouldDropOptionalFields() {
        faults.missingFields(MissingFields.OPTIONAL);

        JsonNode pipeline = get(PIPELINES).json().get("items").get(0);

        assertThat(pipeline.has("updated_at")).isFalse();
        assertThat(pipeline.get("vcs").has("commit")).isFalse();
        assertThat(pipeline.has("vcs")).isTrue();
        assertThat(pipeline.get("trigger").get("actor").has("avatar_url")).isTrue();
    }

    @Test
    void shouldDropRequiredFieldsRealResponsesLacked() {
        faults.missingFields(MissingFields.REQUIRED);
        fixture.advanceUntil(() -> fixture.simulator().isQuiescent());
        String pipelineId = fixture.simulator().pipelines().get(0).id();

        JsonNode pipeline = get("/pipeline/" + pipelineId).json();
        JsonNode workflow = get("/pipeline/" + pipelineId + "/workflow").json().get("items").get(0);
        JsonNode job = get("/workflow/" + workflow.get("id").asText() + "/job").json().get("items").get(0);

        assertThat(pipeline.has("vcs")).isFalse();
        assertThat(pipeline.get("trigger").get("actor").has("avatar_url")).isFalse();
        assertThat(workflow.has("stopped_at")).isFalse();
        assertThat(job.has("started_at")).isFalse();
        assertThat(job.has("job_number")).isFalse();
    }

    @Test
    void shouldRepeatTheSameCursor() {
        faults.paging(PagingFault.REPEATING_CURSOR);

        Reply first = get(PIPELINES);
        String token = first.json().get("next_page_token").asText();
        Reply second = get(PIPELINES + "?page-token=" + token);

        assertThat(second.json().get("items")).isEqualTo(first.json().get("items"));
        assertThat(second.json().get("next_page_token").asText()).isEqualTo(token);
    }

    @Test
    void shouldAnswer404ForCursorItIssued() {
        faults.paging(PagingFault.NOT_FOUND_CURSOR);

        String token = get(PIPELINES).json().get("next_page_token").asText();
        Reply next = get(PIPELINES + "?page-token=" + token);

        assertThat(next.status()).isEqualTo(404);
        assertThat(next.json().get("message").asText()).isEqualTo("Not Found");
    }

    @Test
    void shouldNeverEndTheCursor() {
        faults.paging(PagingFault.ENDLESS_CURSOR);
        List<String> tokens = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();

        String token = null;
        for (int page = 0; page < 4; page++) {
            JsonNode body = get(PIPELINES + (token == null ? "" : "?page-token=" + token)).json();
            sizes.add(body.get("items").size());
            token = body.get("next_page_token").asText();
            tokens.add(token);
        }

        assertThat(sizes).containsExactly(3, 0, 0, 0);
        assertThat(tokens).doesNotHaveDuplicates().doesNotContainNull();
    }

    @Test
    void shouldLimitRequestsPerTokenPerMinute() {
        faults.tokenBudget(3);

        List<Reply> replies = List.of(get(PIPELINES), get(PIPELINES), get(PIPELINES), get(PIPELINES));
        fixture.clock().advance(Duration.ofSeconds(60));
        Reply nextMinute = get(PIPELINES);

        assertThat(replies).extracting(Reply::status).containsExactly(200, 200, 200, 429);
        assertThat(replies.get(3).header("Retry-After")).isEqualTo("59");
        assertThat(nextMinute.status()).isEqualTo(200);
    }

    @Test
    void shouldClearEveryFault() {
        faults.serverErrors(5).rateLimit(5, RateLimitStyle.NO_HEADERS).tokenBudget(1)
                .paging(PagingFault.NOT_FOUND_CURSOR).missingFields(MissingFields.REQUIRED);

        faults.clear();

        JsonNode body = get(PIPELINES).json();
        assertThat(get(PIPELINES).status()).isEqualTo(200);
        assertThat(body.get("next_page_token").isNull()).isTrue();
        assertThat(body.get("items").get(0).has("vcs")).isTrue();
    }

    private Reply get(String path) {
        return fixture.client().get(path);
    }
}
