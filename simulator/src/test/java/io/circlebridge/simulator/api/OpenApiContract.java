package io.circlebridge.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The response schemas of CircleCI's OpenAPI 3.0 spec, turned into JSON Schema (draft 4) for validation.
 *
 * <p>The conversion inlines {@code $ref}s, reads the spec's {@code x-nullable: true} (and {@code nullable: true})
 * as "null is allowed", and closes every object that lists its properties ({@code additionalProperties: false}),
 * so a misspelled or invented field fails too. {@link #REAL_API_NULLABLE} widens the few places where the real
 * API sends {@code null} although the spec forbids it; the simulator copies the real API there.
 */
final class OpenApiContract {

    /**
     * Fields that the real API sends as {@code null} against the spec: jobs that have not started have a null
     * {@code started_at} in the job list and in job details.
     */
    static final Map<String, List<String>> REAL_API_NULLABLE = Map.of(
            "GET /workflow/{id}/job", List.of("/properties/items/items/properties/started_at"),
            "GET /project/{project-slug}/job/{job-number}", List.of("/properties/started_at"));

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> OPENAPI_ONLY_KEYWORDS =
            Set.of("example", "examples", "nullable", "discriminator", "readOnly", "writeOnly", "xml", "externalDocs",
                    "deprecated");

    private final JsonNode spec;
    private final Map<String, Schema> schemas = new HashMap<>();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    OpenApiContract() {
        try (InputStream input = OpenApiContract.class.getResourceAsStream("/openapi-v2.json")) {
            if (input == null) {
                throw new IllegalStateException("openapi-v2.json is missing from the test resources");
            }
            spec = MAPPER.readTree(input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the JSON Schema for a response: the one declared for {@code status}, else the {@code default} one.
     *
     * @param pathTemplate the spec's path, such as {@code /pipeline/{pipeline-id}}
     */
    JsonNode responseSchema(String method, String pathTemplate, int status) {
        JsonNode operation = spec.path("paths").path(pathTemplate).path(method.toLowerCase());
        if (operation.isMissingNode()) {
            throw new IllegalArgumentException("The spec has no operation " + method + " " + pathTemplate);
        }
        JsonNode responses = operation.path("responses");
        JsonNode response = responses.has(Integer.toString(status)) ? responses.get(Integer.toString(status))
                : responses.get("default");
        if (response == null) {
            throw new IllegalArgumentException("The spec declares neither " + status + " nor default for " + method
                    + " " + pathTemplate);
        }
        JsonNode schema = resolve(response).path("content").path("application/json").path("schema");
        ObjectNode converted = (ObjectNode) convert(resolve(schema).deepCopy());
        for (String pointer : REAL_API_NULLABLE.getOrDefault(method + " " + pathTemplate, List.of())) {
            // Error schemas of the same operation lack the field, so only the success schema changes.
            if (converted.at(pointer) instanceof ObjectNode field) {
                allowNull(field);
            }
        }
        return converted;
    }

    /** Returns the schema violations of {@code body}; empty when it conforms. */
    List<String> violations(String method, String pathTemplate, int status, String body) {
        JsonNode instance;
        try {
            instance = MAPPER.readTree(body);
        } catch (IOException e) {
            return List.of("The body is not JSON: " + e.getMessage());
        }
        return violations(method, pathTemplate, status, instance);
    }

    /** Returns the schema violations of an already parsed body; empty when it conforms. */
    List<String> violations(String method, String pathTemplate, int status, JsonNode instance) {
        Schema schema = schemas.computeIfAbsent(method + " " + pathTemplate + " " + status,
                key -> registry.getSchema(responseSchema(method, pathTemplate, status)));
        List<String> messages = new ArrayList<>();
        for (Error error : schema.validate(instance)) {
            messages.add(error.toString());
        }
        return messages;
    }

    /** Follows a {@code $ref} within the spec, repeatedly. */
    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#")) {
                throw new IllegalArgumentException("Only local references are supported, got " + ref);
            }
            current = spec.at(ref.substring(1));
        }
        return current;
    }

    /** Rewrites an OpenAPI schema node into draft-4 JSON Schema, in place, and returns it. */
    private JsonNode convert(JsonNode node) {
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, convert(resolve(array.get(i)).deepCopy()));
            }
            return array;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode object = (ObjectNode) node;
        boolean nullable = object.path("x-nullable").asBoolean(false) || object.path("nullable").asBoolean(false);
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode child = object.get(name);
            if (OPENAPI_ONLY_KEYWORDS.contains(name) || name.startsWith("x-")) {
                object.remove(name);
            } else if (name.equals("properties")) {
                convertEach((ObjectNode) child);
            } else if (child.isContainerNode() && !name.equals("enum") && !name.equals("required")) {
                object.set(name, convert(resolve(child).deepCopy()));
            }
        }
        if (object.has("properties") && !object.has("additionalProperties")) {
            object.put("additionalProperties", false);
        }
        if (nullable) {
            allowNull(object);
        }
        return object;
    }

    private void convertEach(ObjectNode properties) {
        for (Iterator<String> names = properties.fieldNames(); names.hasNext();) {
            String name = names.next();
            properties.set(name, convert(resolve(properties.get(name)).deepCopy()));
        }
    }

    /** Lets a schema node accept {@code null} as well. Untyped nodes accept it already. */
    private static void allowNull(ObjectNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) {
            schema.putArray("type").add(type.asText()).add("null");
        }
        if (schema.has("enum")) {
            ((ArrayNode) schema.get("enum")).addNull();
        }
    }
}
