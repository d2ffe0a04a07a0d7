package io.circlebridge.local.compat;

import com.fasterxml.jackson.databind.JsonNode;
import io.circlebridge.local.compat.BridgeTopicReader.DecodedRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares the records a JavaScript client printed (JSON lines with topic, partition, offset, key and value, or error)
 * with the records the bridge's own deserializer read, field by field in {@link CanonicalJson}'s form.
 */
final class RecordComparison {

    private final Map<String, Integer> matchedByTopic = new LinkedHashMap<>();
    private final List<String> decodeErrors = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();
    private final List<String> unexpected = new ArrayList<>();
    private final List<String> differences = new ArrayList<>();

    private RecordComparison() {
    }

    /**
     * @param expected the records read by the bridge's deserializer, by topic
     * @param printed  the JSON lines the JavaScript client printed, one per record
     */
    static RecordComparison compare(Map<String, List<DecodedRecord>> expected, List<JsonNode> printed) {
        RecordComparison comparison = new RecordComparison();
        Map<String, JsonNode> printedByPosition = new LinkedHashMap<>();
        for (JsonNode line : printed) {
            String position = line.path("topic").asText() + "/" + line.path("partition").asText() + "/"
                    + line.path("offset").asText();
            if (printedByPosition.put(position, line) != null) {
                comparison.unexpected.add(position + " was printed twice");
            }
        }

        expected.forEach((topic, records) -> {
            comparison.matchedByTopic.put(topic, 0);
            for (DecodedRecord record : records) {
                comparison.compareOne(record, printedByPosition.remove(record.position()));
            }
        });
        printedByPosition.keySet().forEach(position ->
                comparison.unexpected.add(position + " was not read by the bridge's deserializer"));
        return comparison;
    }

    /** Records whose every field matched, by topic. */
    Map<String, Integer> matchedByTopic() {
        return matchedByTopic;
    }

    /** Records the JavaScript client could not decode, with its error. */
    List<String> decodeErrors() {
        return decodeErrors;
    }

    /** Records the bridge's deserializer read and the JavaScript client did not print. */
    List<String> missing() {
        return missing;
    }

    /** Records the JavaScript client printed and the bridge's deserializer did not read, or printed twice. */
    List<String> unexpected() {
        return unexpected;
    }

    /** Fields, keys included, whose values differ, one line each with the record's position and the field's path. */
    List<String> differences() {
        return differences;
    }

    private void compareOne(DecodedRecord record, JsonNode line) {
        if (line == null) {
            missing.add(record.position());
            return;
        }
        if (line.has("error")) {
            decodeErrors.add(record.position() + ": " + line.get("error").asText());
            return;
        }

        List<String> found = new ArrayList<>();
        String printedKey = line.path("key").isNull() ? null : line.path("key").asText();
        if (!Objects.equals(record.key(), printedKey)) {
            found.add("key: expected " + record.key() + " but was " + printedKey);
        }
        JsonNode expectedValue = CanonicalJson.fromJava(record.value(), record.value().getSchema());
        JsonNode printedValue = CanonicalJson.fromJavaScript(line.get("value"), record.value().getSchema());
        found.addAll(CanonicalJson.differences(expectedValue, printedValue));

        if (found.isEmpty()) {
            matchedByTopic.merge(record.topic(), 1, Integer::sum);
        } else {
            found.forEach(difference -> differences.add(record.position() + " " + difference));
        }
    }
}
