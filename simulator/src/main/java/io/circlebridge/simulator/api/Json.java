package io.circlebridge.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The JSON mapper and the two timestamp precisions the real API uses. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());

    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Returns CircleCI's error body. */
    static ObjectNode message(String message) {
        return object().put("message", message);
    }

    /** Formats with milliseconds, as pipelines, job details and insights report times. */
    static String millis(Instant instant) {
        return instant == null ? null : MILLIS.format(instant);
    }

    /** Formats in whole seconds, as the workflow and job lists report times. */
    static String seconds(Instant instant) {
        return instant == null ? null : SECONDS.format(instant);
    }

    /** Puts a string, or JSON {@code null} when {@code value} is null. */
    static void putNullable(ObjectNode node, String field, String value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Could not serialize a response body", e);
        }
    }
}
