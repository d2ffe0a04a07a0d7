package io.circlebridge.poller.circleci;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import javax.net.ServerSocketFactory;
import mockwebserver3.MockWebServer;

/** Shared setup of the client tests. */
final class TestClients {

    /** A token that must never show up in logs, messages or string forms. */
    static final String TOKEN = "cci-test-token-7f3a9c2e51d84b06";
    /**
     * A budget so large that its waits stay in the microseconds, below every backoff and pause the tests check.
     * Tests of the budget itself set their own.
     */
    static final int UNLIMITED_REQUESTS_PER_MINUTE = 1_000_000;
    /** Retries without jitter: waits of exactly 1 s, 2 s, 4 s, ... */
    static final RetryPolicy FIXED_BACKOFF = RetryPolicy.defaults()
            .withBackoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30), 0.0);

    private TestClients() {
    }

    /** Starts a MockWebServer on the loopback address. */
    static MockWebServer startServer() {
        MockWebServer server = new MockWebServer();
        server.setServerSocketFactory(new NoDelayServerSocketFactory());
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }

    /**
     * Returns a builder aimed at the server's {@code /api/v2}, with the test token, fake time, fixed backoff and a
     * budget that does not get in the way.
     */
    static CircleCiClient.Builder builder(MockWebServer server, FakeTime time) {
        return CircleCiClient.builder()
                .baseUrl(server.url("/api/v2").toString())
                .token(CircleCiToken.of(TOKEN))
                .clock(time)
                .sleeper(time)
                .retryPolicy(FIXED_BACKOFF)
                .requestsPerMinute(UNLIMITED_REQUESTS_PER_MINUTE);
    }

    /**
     * Accepts connections with Nagle's algorithm off. MockWebServer writes a response in several small writes, and
     * without this each response waits about 40 ms for the client's delayed acknowledgement.
     */
    private static final class NoDelayServerSocketFactory extends ServerSocketFactory {

        @Override
        public ServerSocket createServerSocket() throws IOException {
            return new ServerSocket() {
                @Override
                public Socket accept() throws IOException {
                    Socket socket = super.accept();
                    socket.setTcpNoDelay(true);
                    return socket;
                }
            };
        }

        @Override
        public ServerSocket createServerSocket(int port) {
            throw new UnsupportedOperationException("MockWebServer binds through createServerSocket()");
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) {
            throw new UnsupportedOperationException("MockWebServer binds through createServerSocket()");
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) {
            throw new UnsupportedOperationException("MockWebServer binds through createServerSocket()");
        }
    }
}
