package io.circlebridge.poller.circleci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Lenient readers for fields of CircleCI's JSON.
 *
 * <p>A missing field and an explicit {@code null} both read as null, numbers written as strings are accepted, and
 * timestamps that cannot be parsed read as null. A value of the wrong shape (an object where text belongs, or text
 * that is not a number) raises {@link MalformedItemException}, so that list parsing can skip the one bad item.
 */
final class JsonFields {

    private JsonFields() {
    }

    /** Reads a text field; numbers and booleans are returned as their text. */
    static String text(JsonNode parent, String field) {
        JsonNode node = value(parent, field);
        if (node == null) {
            return null;
        }
        if (node.isContainerNode()) {
            throw wrongType(field, node, "text");
        }
        return node.asText();
    }

    /** Reads a text field and returns null for an empty or blank text. */
    static String nonBlankText(JsonNode parent, String field) {
        String text = text(parent, field);
        return text == null || text.isBlank() ? null : text;
    }

    /** Reads a whole number; a number with a zero fraction and a numeric text are accepted. */
    static Long integer(JsonNode parent, String field) {
        JsonNode node = value(parent, field);
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber() && node.doubleValue() == Math.rint(node.doubleValue())) {
            return (long) node.doubleValue();
        }
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.asText().strip());
            } catch (NumberFormatException e) {
                throw wrongType(field, node, "a whole number");
            }
        }
        throw wrongType(field, node, "a whole number");
    }

    /** Reads a decimal number; a numeric text is accepted. */
    static Double decimal(JsonNode parent, String field) {
        JsonNode node = value(parent, field);
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            try {
                return Double.parseDouble(node.asText().strip());
            } catch (NumberFormatException e) {
                throw wrongType(field, node, "a number");
            }
        }
        throw wrongType(field, node, "a number");
    }

    /** Reads a timestamp; text that is not a recognizable timestamp reads as null. */
    static Instant instant(JsonNode parent, String field) {
        JsonNode node = value(parent, field);
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            return Timestamps.fromEpochNumber(node.doubleValue());
        }
        if (node.isTextual()) {
            return Timestamps.parse(node.asText());
        }
        throw wrongType(field, node, "a timestamp");
    }

    /** Reads a nested object; a missing or null field reads as a missing node, on which every read returns null. */
    static JsonNode object(JsonNode parent, String field) {
        JsonNode node = value(parent, field);
        if (node == null) {
            return MissingNode.getInstance();
        }
        if (!node.isObject()) {
            throw wrongType(field, node, "an object");
        }
        return node;
    }

    /** Reads an array of items; a missing or null field reads as an empty list. */
    static <T> List<T> list(JsonNode parent, String field, Function<JsonNode, T> itemReader) {
        JsonNode node = value(parent, field);
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw wrongType(field, node, "an array");
        }
        List<T> items = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            items.add(itemReader.apply(item));
        }
        return items;
    }

    /** Reads an array of texts; null entries are dropped. */
    static List<String> texts(JsonNode parent, String field) {
        List<String> texts = new ArrayList<>();
        for (JsonNode item : list(parent, field, node -> node)) {
            if (item.isContainerNode()) {
                throw wrongType(field, item, "an array of text");
            }
            if (!item.isNull()) {
                texts.add(item.asText());
            }
        }
        return texts;
    }

    /** Checks that a list item or response body is an object. */
    static JsonNode requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new MalformedItemException(what + " is " + describe(node) + ", expected an object");
        }
        return node;
    }

    private static JsonNode value(JsonNode parent, String field) {
        if (parent == null) {
            return null;
        }
        JsonNode node = parent.get(field);
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    private static MalformedItemException wrongType(String field, JsonNode node, String expected) {
        return new MalformedItemException("field '" + field + "' is " + describe(node) + ", expected " + expected);
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "null";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + Excerpts.of(node.toString());
    }
}
