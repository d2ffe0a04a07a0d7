package io.circlebridge.poller.circleci;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import mockwebserver3.MockWebServer;

/** Shared setup of the client tests. */
final class TestClients {

    /** A token that must never show up in logs, messages or string forms. */
    static final String TOKEN = "cci-test-token-7f3a9c2e51d84b06";
    /** Retries without jitter: waits of exactly 1 s, 2 s, 4 s, ... */
    static final RetryPolicy FIXED_BACKOFF = RetryPolicy.defaults()
            .withBackoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30), 0.0);

    private TestClients() {
    }

    /** Starts a MockWebServer on the loopback address. */
    static MockWebServer startServer() {
        MockWebServer server = new MockWebServer();
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }

    /** Returns a builder aimed at the server's {@code /api/v2}, with the test token, fake time and fixed backoff. */
    static CircleCiClient.Builder builder(MockWebServer server, FakeTime time) {
        return CircleCiClient.builder()
                .baseUrl(server.url("/api/v2").toString())
                .token(CircleCiToken.of(TOKEN))
                .clock(time)
                .sleeper(time)
                .retryPolicy(FIXED_BACKOFF);
    }
}
