package io.circlebridge.schema.evolution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.apache.avro.Schema;

/**
 * Edited copies of a record schema, made on its JSON form, for tests that need a version of a schema that the
 * repository does not hold: a future one, or a deliberately incompatible one. Named types are found wherever
 * {@link Schema#toString()} defines them, nested records and enums included.
 */
final class SchemaVariants {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaVariants() {
    }

    /** Appends the field given as JSON, such as {@code {"name": "x", "type": "string"}}, to the top-level record. */
    static Schema withField(Schema record, String fieldJson) {
        return edit(record, root -> ((ArrayNode) root.get("fields")).add(parse(fieldJson)));
    }

    /** Removes the top-level field {@code fieldName}. */
    static Schema withoutField(Schema record, String fieldName) {
        return edit(record, root -> {
            ArrayNode fields = (ArrayNode) root.get("fields");
            fields.remove(indexOfField(fields, fieldName));
        });
    }

    /** Replaces the type of the top-level field {@code fieldName} with the type given as JSON. */
    static Schema withFieldType(Schema record, String fieldName, String typeJson) {
        return edit(record, root -> {
            ArrayNode fields = (ArrayNode) root.get("fields");
            ObjectNode field = (ObjectNode) fields.get(indexOfField(fields, fieldName));
            field.set("type", parse(typeJson));
            field.remove("default");
        });
    }

    /** Appends {@code symbol} to the enum named {@code enumName}, such as {@code JobStatus}. */
    static Schema withEnumSymbol(Schema record, String enumName, String symbol) {
        return edit(record, root -> ((ArrayNode) findEnum(root, enumName).get("symbols")).add(symbol));
    }

    /** Removes {@code symbol} from the enum named {@code enumName}. */
    static Schema withoutEnumSymbol(Schema record, String enumName, String symbol) {
        return edit(record, root -> {
            ArrayNode symbols = (ArrayNode) findEnum(root, enumName).get("symbols");
            for (int i = 0; i < symbols.size(); i++) {
                if (symbols.get(i).asText().equals(symbol)) {
                    symbols.remove(i);
                    return;
                }
            }
            throw new IllegalArgumentException("Enum " + enumName + " has no symbol " + symbol);
        });
    }

    /** Removes the default symbol of the enum named {@code enumName}, and the defaults of fields of that type. */
    static Schema withoutEnumDefault(Schema record, String enumName) {
        return edit(record, root -> {
            findEnum(root, enumName).remove("default");
            removeDefaultsOfType(root, enumName);
        });
    }

    private static Schema edit(Schema record, Consumer<ObjectNode> change) {
        ObjectNode root = (ObjectNode) parse(record.toString());
        change.accept(root);
        return new Schema.Parser().parse(root.toString());
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid JSON in a schema variant: " + json, e);
        }
    }

    private static int indexOfField(ArrayNode fields, String fieldName) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).path("name").asText().equals(fieldName)) {
                return i;
            }
        }
        throw new IllegalArgumentException("Record has no field " + fieldName);
    }

    private static ObjectNode findEnum(JsonNode node, String enumName) {
        if (node.isObject() && node.path("type").asText().equals("enum") && isNamed(node, enumName)) {
            return (ObjectNode) node;
        }
        for (JsonNode child : node) {
            if (child.isContainerNode()) {
                try {
                    return findEnum(child, enumName);
                } catch (IllegalArgumentException notInThisBranch) {
                    // Keep looking in the next child.
                }
            }
        }
        throw new IllegalArgumentException("Schema defines no enum " + enumName);
    }

    private static void removeDefaultsOfType(JsonNode node, String typeName) {
        if (node.isObject() && node.has("name") && node.has("default") && refersTo(node.get("type"), typeName)) {
            ((ObjectNode) node).remove("default");
        }
        for (JsonNode child : node) {
            if (child.isContainerNode()) {
                removeDefaultsOfType(child, typeName);
            }
        }
    }

    private static boolean refersTo(JsonNode type, String typeName) {
        if (type == null) {
            return false;
        }
        return type.isTextual() ? nameMatches(type.asText(), typeName) : type.isObject() && isNamed(type, typeName);
    }

    private static boolean isNamed(JsonNode node, String typeName) {
        return nameMatches(node.path("name").asText(), typeName);
    }

    private static boolean nameMatches(String name, String typeName) {
        return name.equals(typeName) || name.endsWith("." + typeName);
    }
}
