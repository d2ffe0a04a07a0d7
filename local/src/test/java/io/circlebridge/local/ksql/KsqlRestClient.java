package io.circlebridge.local.ksql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A small client of ksqlDB's REST API for tests: statements go to {@code /ksql} and queries to {@code /query}, both
 * with {@code auto.offset.reset=earliest} so that queries read what was written before them. ksqlDB runs each
 * statement after the ones sent before it, because every request carries the latest command sequence number.
 */
final class KsqlRestClient {

    private static final String CONTENT_TYPE = "application/vnd.ksql.v1+json";

    private final URI baseUri;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private long commandSequenceNumber = -1;

    /** A statement or query that ksqlDB rejected or failed to run, with ksqlDB's message. */
    static final class KsqlRejectedException extends RuntimeException {

        KsqlRejectedException(String message) {
            super(message);
        }
    }

    KsqlRestClient(String baseUrl, Duration requestTimeout) {
        this.baseUri = URI.create(baseUrl);
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(requestTimeout).build();
    }

    /**
     * Runs a statement that is not a query, such as {@code CREATE STREAM}. Statements sent after it carry its command
     * sequence number, so ksqlDB runs them only after this one.
     *
     * @throws KsqlRejectedException when ksqlDB rejects the statement or reports that it failed
     */
    void execute(String statement) throws IOException, InterruptedException {
        JsonNode answer = post("/ksql", statement);

        for (JsonNode entity : answer) {
            JsonNode status = entity.path("commandStatus");
            if (status.path("status").asText().equals("ERROR")) {
                throw new KsqlRejectedException("ksqlDB failed to run the statement: " + status.path("message").asText()
                        + "\n" + statement);
            }
            commandSequenceNumber = Math.max(commandSequenceNumber, entity.path("commandSequenceNumber").asLong(-1));
        }
    }

    /**
     * Runs a pull query, or a push query with {@code LIMIT}, and returns its rows, each as the array of column values.
     *
     * @throws KsqlRejectedException when ksqlDB rejects the query or reports an error while running it
     */
    List<JsonNode> query(String query) throws IOException, InterruptedException {
        JsonNode answer = post("/query", query);

        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode element : answer) {
            if (element.has("errorMessage")) {
                throw new KsqlRejectedException("ksqlDB failed to run the query: "
                        + element.path("errorMessage").path("message").asText() + "\n" + query);
            }
            if (element.has("row")) {
                rows.add(element.path("row").path("columns"));
            }
        }
        return rows;
    }

    /** Sends one statement and returns the response's JSON values as one array, whether or not ksqlDB wrapped them. */
    private JsonNode post(String path, String statement) throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode().put("ksql", statement);
        body.putObject("streamsProperties").put("ksql.streams.auto.offset.reset", "earliest");
        if (commandSequenceNumber >= 0) {
            body.put("commandSequenceNumber", commandSequenceNumber);
        }
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve(path))
                .timeout(requestTimeout)
                .header("Content-Type", CONTENT_TYPE)
                .header("Accept", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new KsqlRejectedException("ksqlDB rejected the statement with HTTP " + response.statusCode() + ": "
                    + message(response.body()) + "\n" + statement);
        }
        return values(response.body());
    }

    private JsonNode values(String body) throws IOException {
        ArrayNode all = json.createArrayNode();
        try (MappingIterator<JsonNode> values = json.readerFor(JsonNode.class).readValues(body)) {
            while (values.hasNext()) {
                JsonNode value = values.next();
                if (value.isArray()) {
                    all.addAll((ArrayNode) value);
                } else {
                    all.add(value);
                }
            }
        }
        return all;
    }

    private String message(String body) {
        try {
            JsonNode error = json.readTree(body);
            return error.path("message").asText(body);
        } catch (IOException notJson) {
            return body;
        }
    }
}
