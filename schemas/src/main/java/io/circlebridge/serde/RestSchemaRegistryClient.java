package io.circlebridge.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SchemaRegistryClient} over the Confluent Schema Registry REST API, which Confluent's registry and
 * Apicurio's {@code /apis/ccompat/v7} both serve.
 *
 * <p>While the registry cannot be reached or responds with 5xx, calls wait with exponential backoff for up to
 * {@code maxOutageWait} and then fail; the outage is logged once when it starts and once when it ends, not per call.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private static final Logger log = LoggerFactory.getLogger(RestSchemaRegistryClient.class);

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final URI baseUri;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Duration maxOutageWait;
    private final Sleeper sleeper;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final AtomicBoolean inOutage = new AtomicBoolean();

    /** Pauses the calling thread; tests replace it to run backoff without real waiting. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public RestSchemaRegistryClient(String baseUrl, Duration requestTimeout, Duration maxOutageWait) {
        this(baseUrl, requestTimeout, maxOutageWait, duration -> Thread.sleep(duration.toMillis()));
    }

    public RestSchemaRegistryClient(String baseUrl, Duration requestTimeout, Duration maxOutageWait, Sleeper sleeper) {
        this.baseUri = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.requestTimeout = requestTimeout;
        this.maxOutageWait = maxOutageWait;
        this.sleeper = sleeper;
        this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
    }

    @Override
    public int register(String subject, Schema schema) {
        Map<Schema, Integer> ids = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        Integer cached = ids.get(schema);
        if (cached != null) {
            return cached;
        }

        String body = json.createObjectNode().put("schema", schema.toString()).toString();
        JsonNode answer = call("POST", "subjects/" + encode(subject) + "/versions", body);
        int id = answer.path("id").asInt(-1);
        if (id < 0) {
            throw new SchemaRegistryException("Schema registry at " + baseUri + " returned no id when registering "
                    + "subject '" + subject + "': " + answer, 200);
        }
        ids.put(schema, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }

        JsonNode answer = call("GET", "schemas/ids/" + id, null);
        Schema schema = new Schema.Parser().parse(answer.path("schema").asText());
        schemasById.put(id, schema);
        return schema;
    }

    @Override
    public void setCompatibility(String subject, String level) {
        String body = json.createObjectNode().put("compatibility", level).toString();
        call("PUT", "config/" + encode(subject), body);
    }

    private JsonNode call(String method, String path, String body) {
        long deadline = System.nanoTime() + maxOutageWait.toNanos();
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                JsonNode answer = send(method, path, body);
                if (inOutage.compareAndSet(true, false)) {
                    log.info("Schema registry at {} is reachable again.", baseUri);
                }
                return answer;
            } catch (SchemaRegistryException e) {
                if (!e.isRetriable() || System.nanoTime() + backoff.toNanos() > deadline) {
                    throw e;
                }
                if (inOutage.compareAndSet(false, true)) {
                    log.warn("Schema registry at {} is unavailable; retrying for up to {} s. Cause: {}",
                            baseUri, maxOutageWait.toSeconds(), e.getMessage());
                }
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private JsonNode send(String method, String path, String body) {
        URI uri = baseUri.resolve(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Accept", CONTENT_TYPE);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", CONTENT_TYPE).method(method, HttpRequest.BodyPublishers.ofString(body));
        }

        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SchemaRegistryException(method + " " + uri + " failed: " + e, SchemaRegistryException.NO_RESPONSE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(method + " " + uri + " was interrupted", SchemaRegistryException.NO_RESPONSE, e);
        }

        if (response.statusCode() / 100 != 2) {
            throw new SchemaRegistryException(method + " " + uri + " returned HTTP " + response.statusCode() + ": "
                    + excerpt(response.body()), response.statusCode());
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new SchemaRegistryException(method + " " + uri + " returned a body that is not JSON: "
                    + excerpt(response.body()), response.statusCode(), e);
        }
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("Interrupted while waiting for the schema registry at " + baseUri,
                    SchemaRegistryException.NO_RESPONSE, e);
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8);
    }

    private static String excerpt(String body) {
        String text = body == null ? "" : body.strip();
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
