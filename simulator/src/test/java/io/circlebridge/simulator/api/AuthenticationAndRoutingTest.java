package io.circlebridge.simulator.api;

import static io.circlebridge.simulator.support.SimulatorFixture.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import io.circlebridge.simulator.support.SimulatorClient.Reply;
import io.circlebridge.simulator.support.SimulatorFixture;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticationAndRoutingTest {

    private static final String PIPELINES = "/project/" + PROJECT + "/pipeline";

    private SimulatorFixture fixture;

    @BeforeEach
    void start() {
        fixture = SimulatorFixture.start(1);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void shouldRejectRequestWithoutToken() {
        Reply reply = fixture.client().getWithoutToken(PIPELINES);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body()).isEqualTo("{\"message\":\"Invalid token provided.\"}");
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void shouldRejectWrongToken() {
        Reply reply = fixture.client().getWithToken(PIPELINES, "wrong-token");

        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void shouldRejectTokenInQueryParameter() {
        Reply reply = fixture.client().getWithoutToken(PIPELINES + "?circle-token=" + SimulatorFixture.TOKEN);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("message").asText()).startsWith("Support for query parameter authentication");
    }

    @Test
    void shouldAcceptBearerToken() {
        Reply reply = fixture.client().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(fixture.simulator().baseUrl() + PIPELINES))
                .header("Authorization", "Bearer " + SimulatorFixture.TOKEN));

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void shouldAcceptBasicAuth() {
        String credentials = Base64.getEncoder()
                .encodeToString((SimulatorFixture.TOKEN + ":").getBytes(StandardCharsets.UTF_8));

        Reply reply = fixture.client().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(fixture.simulator().baseUrl() + PIPELINES))
                .header("Authorization", "Basic " + credentials));

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void shouldAnswer404ForUnknownPath() {
        Reply reply = fixture.client().get("/no/such/path");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).isEqualTo("{\"message\":\"Not Found\"}");
    }

    @Test
    void shouldAnswer404OutsideTheApiRoot() {
        Reply reply = fixture.client().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://127.0.0.1:" + fixture.simulator().port() + "/api/v1.1/me")));

        assertThat(reply.status()).isEqualTo(404);
    }

    @Test
    void shouldAnswer405ForWrongMethod() {
        Reply reply = fixture.client().delete(PIPELINES);

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).isEqualTo("GET, POST");
        assertThat(reply.json().get("message").asText()).isEqualTo("Method Not Allowed");
    }

    @Test
    void shouldServeOnLoopbackOnly() {
        assertThat(fixture.simulator().baseUrl()).isEqualTo("http://127.0.0.1:" + fixture.simulator().port() + "/api/v2");
    }
}
