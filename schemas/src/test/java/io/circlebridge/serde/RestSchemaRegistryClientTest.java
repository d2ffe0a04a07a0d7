package io.circlebridge.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.circlebridge.schema.JobEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST client against a local HTTP server that plays the registry and records requests. */
class RestSchemaRegistryClientTest {

    private static final Schema SCHEMA = JobEvent.getClassSchema();

    private HttpServer server;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<Integer> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger registrations = new AtomicInteger();
    private final List<Duration> sleeps = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void shouldRegisterUnderSubjectAndCacheTheId() {
        RestSchemaRegistryClient client = client(Duration.ofSeconds(5));

        int first = client.register("circleci.jobs-value", SCHEMA);
        int second = client.register("circleci.jobs-value", SCHEMA);

        assertThat(first).isEqualTo(7);
        assertThat(second).isEqualTo(7);
        assertThat(requests).containsExactly("POST /subjects/circleci.jobs-value/versions");
    }

    @Test
    void shouldFetchSchemaByIdOnce() {
        RestSchemaRegistryClient client = client(Duration.ofSeconds(5));

        Schema first = client.schemaById(7);
        Schema second = client.schemaById(7);

        assertThat(first).isEqualTo(SCHEMA);
        assertThat(second).isSameAs(first);
        assertThat(requests).containsExactly("GET /schemas/ids/7");
    }

    @Test
    void shouldRetryWithBackoffWhileRegistryAnswers5xx() {
        failures.add(503);
        failures.add(503);
        RestSchemaRegistryClient client = client(Duration.ofSeconds(60));

        int id = client.register("circleci.jobs-value", SCHEMA);

        assertThat(id).isEqualTo(7);
        assertThat(requests).hasSize(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void shouldGiveUpWhenOutageOutlastsMaxWait() {
        for (int i = 0; i < 100; i++) {
            failures.add(503);
        }
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(baseUrl(), Duration.ofSeconds(5),
                Duration.ZERO, sleeps::add);

        assertThatThrownBy(() -> client.register("circleci.jobs-value", SCHEMA))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("returned HTTP 503")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).isRetriable()).isTrue());
    }

    @Test
    void shouldNotRetryAnIncompatibleSchema() {
        failures.add(409);
        RestSchemaRegistryClient client = client(Duration.ofSeconds(60));

        assertThatThrownBy(() -> client.register("circleci.jobs-value", SCHEMA))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("returned HTTP 409");
        assertThat(requests).hasSize(1);
    }

    @Test
    void shouldReportUnreachableRegistryAsRetriable() {
        String url = baseUrl();
        server.stop(0);
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(url, Duration.ofSeconds(2), Duration.ZERO,
                sleeps::add);

        assertThatThrownBy(() -> client.schemaById(7))
                .isInstanceOf(SchemaRegistryException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).httpStatus())
                        .isEqualTo(SchemaRegistryException.NO_RESPONSE));
    }

    @Test
    void shouldSetSubjectCompatibility() {
        RestSchemaRegistryClient client = client(Duration.ofSeconds(5));

        client.setCompatibility("circleci.jobs-value", "BACKWARD_TRANSITIVE");

        assertThat(requests).containsExactly("PUT /config/circleci.jobs-value {\"compatibility\":\"BACKWARD_TRANSITIVE\"}");
    }

    private RestSchemaRegistryClient client(Duration maxOutageWait) {
        return new RestSchemaRegistryClient(baseUrl(), Duration.ofSeconds(5), maxOutageWait, sleeps::add);
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        requests.add(method + " " + path + (method.equals("PUT") ? " " + body : ""));

        Integer failure = failures.poll();
        if (failure != null) {
            respond(exchange, failure, "{\"error_code\":" + failure + ",\"message\":\"injected failure\"}");
        } else if (method.equals("POST")) {
            registrations.incrementAndGet();
            respond(exchange, 200, "{\"id\":7}");
        } else if (method.equals("GET")) {
            String schema = SCHEMA.toString().replace("\\", "\\\\").replace("\"", "\\\"");
            respond(exchange, 200, "{\"schema\":\"" + schema + "\"}");
        } else {
            respond(exchange, 200, body);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
