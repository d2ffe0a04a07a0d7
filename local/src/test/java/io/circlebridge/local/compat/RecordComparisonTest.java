package io.circlebridge.local.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circlebridge.local.compat.BridgeTopicReader.DecodedRecord;
import io.circlebridge.schema.CommandOutcome;
import io.circlebridge.schema.CommandResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordComparisonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "circleci.command-results";

    private final DecodedRecord first = result("command-1", 0);
    private final DecodedRecord second = result("command-2", 1);

    @Test
    void shouldCountRecordsWhoseFieldsAllMatch() {
        List<JsonNode> printed = List.of(printedAs(first), printedAs(second));

        RecordComparison comparison = RecordComparison.compare(Map.of(TOPIC, List.of(first, second)), printed);

        assertThat(comparison.matchedByTopic()).isEqualTo(Map.of(TOPIC, 2));
        assertThat(comparison.differences()).isEmpty();
        assertThat(comparison.missing()).isEmpty();
        assertThat(comparison.unexpected()).isEmpty();
        assertThat(comparison.decodeErrors()).isEmpty();
    }

    @Test
    void shouldReportRecordNotPrinted() {
        List<JsonNode> printed = List.of(printedAs(first));

        RecordComparison comparison = RecordComparison.compare(Map.of(TOPIC, List.of(first, second)), printed);

        assertThat(comparison.missing()).containsExactly(TOPIC + "/0/1");
        assertThat(comparison.matchedByTopic()).isEqualTo(Map.of(TOPIC, 1));
    }

    @Test
    void shouldReportRecordPrintedButNotRead() {
        List<JsonNode> printed = List.of(printedAs(first), printedAs(second));

        RecordComparison comparison = RecordComparison.compare(Map.of(TOPIC, List.of(first)), printed);

        assertThat(comparison.unexpected()).containsExactly(TOPIC + "/0/1 was not read by the bridge's deserializer");
    }

    @Test
    void shouldReportRecordPrintedTwice() {
        List<JsonNode> printed = List.of(printedAs(first), printedAs(first));

        RecordComparison comparison = RecordComparison.compare(Map.of(TOPIC, List.of(first)), printed);

        assertThat(comparison.unexpected()).containsExactly(TOPIC + "/0/0 was printed twice");
    }

    @Test
    void shouldReportDecodeError() {
        ObjectNode failed = printedAs(first);
        failed.remove("value");
        failed.put("error", "Error: unknown schema id 7");

        RecordComparison comparison = RecordComparison.compare(Map.of(TOPIC, List.of(first)), List.of(failed));

        assertThat(comparison.decodeErrors()).containsExactly(TOPIC + "/0/0: Error: unknown schema id 7");
        assertThat(comparison.matchedByTopic()).isEqualTo(Map.of(TOPIC, 0));
    }

    @Test
    void shouldReportDifferentKeyAndField() {
        ObjectNode changed = printedAs(first);
        changed.put("key", "command-9");
        ((ObjectNode) changed.get("value")).put("outcome", "REJECTED");

        RecordComparison comparison = RecordComparison.compare(Map.of(TOPIC, List.of(first)), List.of(changed));

        assertThat(comparison.differences()).containsExactly(
                TOPIC + "/0/0 key: expected command-1 but was command-9",
                TOPIC + "/0/0 outcome: expected \"ACCEPTED\" but was \"REJECTED\"");
        assertThat(comparison.matchedByTopic()).isEqualTo(Map.of(TOPIC, 0));
    }

    private static DecodedRecord result(String commandId, long offset) {
        CommandResult value = CommandResult.newBuilder()
                .setCommandId(commandId)
                .setOutcome(CommandOutcome.ACCEPTED)
                .setProjectSlug("gh/org/repo")
                .setPipelineId("pipeline-" + offset)
                .setPipelineNumber(offset + 1)
                .setHttpStatus(201)
                .setCompletedAt(Instant.ofEpochMilli(1_796_415_649_410L + offset))
                .build();
        return new DecodedRecord(TOPIC, 0, offset, commandId, value);
    }

    /** Builds the line that read-topics.js prints for {@code record} when its library decodes it as the bridge does. */
    private static ObjectNode printedAs(DecodedRecord record) {
        ObjectNode line = JSON.createObjectNode()
                .put("topic", record.topic())
                .put("partition", record.partition())
                .put("offset", record.offset())
                .put("key", record.key());
        line.set("value", CanonicalJson.fromJava(record.value(), record.value().getSchema()));
        return line;
    }
}
