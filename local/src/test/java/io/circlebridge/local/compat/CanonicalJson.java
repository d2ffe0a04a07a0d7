package io.circlebridge.local.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;

/**
 * One JSON form for an Avro value, whichever library decoded it, so that records read by different clients compare
 * exactly. In that form a record is an object with its fields in schema order, a union value is the bare value of its
 * branch, an enum is its symbol, {@code timestamp-millis} is epoch milliseconds, a map is an object, bytes and fixed
 * are base64 text, {@code int} and {@code long} are JSON integers.
 *
 * <p>The JavaScript side is mapped with the schema the Java side read with. Unions may arrive wrapped as
 * {@code {"<branch name>": value}} (avsc's {@code wrapUnions}) or bare; timestamps as epoch milliseconds (the scripts
 * turn a {@code Date} into that). Anything else that does not fit the schema is left as it is, so it shows up as a
 * difference instead of being forced into shape.
 */
final class CanonicalJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Resolves union branches of values that the bridge's deserializer converted to {@link Instant}. */
    private static final SpecificData JAVA_MODEL = javaModel();

    private CanonicalJson() {
    }

    /** Converts a value read by the bridge's own Avro deserializer (generated classes, {@link Instant}s). */
    static JsonNode fromJava(Object value, Schema schema) {
        if (value == null) {
            return NODES.nullNode();
        }
        return switch (schema.getType()) {
            case RECORD -> fromJavaRecord((IndexedRecord) value, schema);
            case UNION -> fromJava(value, schema.getTypes().get(JAVA_MODEL.resolveUnion(schema, value)));
            case ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                ((Collection<?>) value).forEach(element -> array.add(fromJava(element, schema.getElementType())));
                yield array;
            }
            case MAP -> {
                ObjectNode map = NODES.objectNode();
                ((Map<?, ?>) value).forEach((key, entry) ->
                        map.set(key.toString(), fromJava(entry, schema.getValueType())));
                yield map;
            }
            case LONG -> NODES.numberNode(longOrEpochMillis(value));
            case INT -> NODES.numberNode((int) (Integer) value);
            case FLOAT -> NODES.numberNode(((Float) value).doubleValue());
            case DOUBLE -> NODES.numberNode((Double) value);
            case BOOLEAN -> NODES.booleanNode((Boolean) value);
            case BYTES -> NODES.textNode(base64((ByteBuffer) value));
            case FIXED -> NODES.textNode(Base64.getEncoder().encodeToString(((GenericFixed) value).bytes()));
            case STRING, ENUM -> NODES.textNode(value.toString());
            case NULL -> NODES.nullNode();
        };
    }

    /** Converts the JSON a JavaScript deserializer's value was printed as. */
    static JsonNode fromJavaScript(JsonNode value, Schema schema) {
        if (value == null || value.isNull()) {
            return NODES.nullNode();
        }
        return switch (schema.getType()) {
            case RECORD -> fromJavaScriptRecord(value, schema);
            case UNION -> fromJavaScriptUnion(value, schema);
            case ARRAY -> {
                if (!value.isArray()) {
                    yield value;
                }
                ArrayNode array = NODES.arrayNode();
                value.forEach(element -> array.add(fromJavaScript(element, schema.getElementType())));
                yield array;
            }
            case MAP -> {
                if (!value.isObject()) {
                    yield value;
                }
                ObjectNode map = NODES.objectNode();
                value.properties().forEach(entry ->
                        map.set(entry.getKey(), fromJavaScript(entry.getValue(), schema.getValueType())));
                yield map;
            }
            case LONG -> value.isIntegralNumber() && value.canConvertToLong()
                    ? NODES.numberNode(value.longValue()) : value;
            case INT -> value.isIntegralNumber() && value.canConvertToInt()
                    ? NODES.numberNode(value.intValue()) : value;
            case FLOAT, DOUBLE -> value.isNumber() ? NODES.numberNode(value.doubleValue()) : value;
            default -> value;
        };
    }

    /**
     * Lists where {@code actual} differs from {@code expected}, one line per differing leaf with its path (such as
     * {@code workflows[0].status_raw}); empty when they are equal.
     */
    static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> found = new ArrayList<>();
        collectDifferences("", expected, actual, found);
        return found;
    }

    private static ObjectNode fromJavaRecord(IndexedRecord record, Schema schema) {
        ObjectNode object = NODES.objectNode();
        for (Schema.Field field : schema.getFields()) {
            object.set(field.name(), fromJava(record.get(field.pos()), field.schema()));
        }
        return object;
    }

    private static JsonNode fromJavaScriptRecord(JsonNode value, Schema schema) {
        if (!value.isObject()) {
            return value;
        }
        ObjectNode object = NODES.objectNode();
        for (Schema.Field field : schema.getFields()) {
            if (value.has(field.name())) {
                object.set(field.name(), fromJavaScript(value.get(field.name()), field.schema()));
            }
        }
        // Fields the schema does not have are kept, so that they show up as differences.
        value.properties().forEach(entry -> object.putIfAbsent(entry.getKey(), entry.getValue()));
        return object;
    }

    private static JsonNode fromJavaScriptUnion(JsonNode value, Schema union) {
        List<Schema> branches = union.getTypes().stream()
                .filter(branch -> branch.getType() != Schema.Type.NULL)
                .toList();
        if (value.isObject() && value.size() == 1) {
            String wrapper = value.properties().iterator().next().getKey();
            for (Schema branch : branches) {
                if (branchName(branch).equals(wrapper)) {
                    return fromJavaScript(value.get(wrapper), branch);
                }
            }
        }
        if (branches.size() != 1) {
            throw new IllegalArgumentException("Cannot tell which branch of the union " + union + " the unwrapped "
                    + "value " + value + " belongs to: only unions of null and one other type can be read unwrapped.");
        }
        return fromJavaScript(value, branches.get(0));
    }

    /** Returns the name avsc wraps a union branch in: the full name of a named type, else the type name. */
    private static String branchName(Schema branch) {
        return switch (branch.getType()) {
            case RECORD, ENUM, FIXED -> branch.getFullName();
            default -> branch.getType().getName();
        };
    }

    private static void collectDifferences(String path, JsonNode expected, JsonNode actual, List<String> found) {
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            expected.properties().forEach(entry -> names.add(entry.getKey()));
            actual.properties().forEach(entry -> names.add(entry.getKey()));
            for (String name : names) {
                String fieldPath = path.isEmpty() ? name : path + "." + name;
                if (!actual.has(name)) {
                    found.add(fieldPath + ": missing, expected " + expected.get(name));
                } else if (!expected.has(name)) {
                    found.add(fieldPath + ": unexpected field with " + actual.get(name));
                } else {
                    collectDifferences(fieldPath, expected.get(name), actual.get(name), found);
                }
            }
            return;
        }
        if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            Iterator<JsonNode> actualElements = actual.elements();
            int index = 0;
            for (JsonNode element : expected) {
                collectDifferences(path + "[" + index++ + "]", element, actualElements.next(), found);
            }
            return;
        }
        if (!expected.equals(actual)) {
            found.add((path.isEmpty() ? "value" : path) + ": expected " + expected + " but was " + actual);
        }
    }

    /** Returns a long as it is and an {@link Instant} (a {@code timestamp-millis} value) as epoch milliseconds. */
    private static long longOrEpochMillis(Object value) {
        return value instanceof Instant instant ? instant.toEpochMilli() : (Long) value;
    }

    private static SpecificData javaModel() {
        SpecificData model = new SpecificData();
        model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        return model;
    }

    private static String base64(ByteBuffer bytes) {
        ByteBuffer copy = bytes.duplicate();
        byte[] array = new byte[copy.remaining()];
        copy.get(array);
        return Base64.getEncoder().encodeToString(array);
    }
}
