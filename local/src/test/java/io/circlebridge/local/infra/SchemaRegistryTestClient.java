package io.circlebridge.local.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Calls the Confluent Schema Registry API the way a serde does, with plain HTTP and JSON. */
final class SchemaRegistryTestClient {

    static final String USER_SCHEMA = "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"it\","
            + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"}]}";

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final String baseUrl;

    SchemaRegistryTestClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Registers {@code schema} under {@code subject} and returns the schema id. */
    int register(String subject, String schema) throws IOException, InterruptedException {
        String body = mapper.writeValueAsString(Map.of("schema", schema));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/subjects/" + subject + "/versions"))
                .timeout(TIMEOUT)
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return send(request).path("id").asInt();
    }

    /** Returns the schema text stored under {@code id}. */
    String schemaById(int id) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/schemas/ids/" + id)).timeout(TIMEOUT).GET().build();
        return send(request).path("schema").asText();
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(request.method() + " " + request.uri() + " returned " + response.statusCode() + ": " + response.body());
        }
        return mapper.readTree(response.body());
    }
}
