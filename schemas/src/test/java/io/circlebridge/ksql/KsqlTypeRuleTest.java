package io.circlebridge.ksql;

import static org.assertj.core.api.Assertions.assertThat;

import io.circlebridge.topic.Topic;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KsqlTypeRuleTest {

    static Stream<Topic> avroTopics() {
        return Arrays.stream(Topic.values()).filter(topic -> topic.valueType() != null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("avroTopics")
    void shouldAcceptEveryTopicSchema(Topic topic) {
        Schema schema = SpecificData.get().getSchema(topic.valueType());

        List<String> violations = KsqlTypeRule.violations(schema);

        assertThat(violations).as("fields of %s that ksqlDB cannot read", schema.getName()).isEmpty();
    }

    @Test
    void shouldAcceptEveryKsqlReadableType() {
        Schema schema = parse(record("""
                {"name": "flag", "type": "boolean"},
                {"name": "count", "type": "int"},
                {"name": "total", "type": "long"},
                {"name": "ratio", "type": "float"},
                {"name": "mean", "type": "double"},
                {"name": "payload", "type": "bytes"},
                {"name": "label", "type": ["null", "string"], "default": null},
                {"name": "color", "type": {"type": "enum", "name": "Color", "symbols": ["RED", "UNKNOWN"]}},
                {"name": "at", "type": ["null", {"type": "long", "logicalType": "timestamp-millis"}], "default": null},
                {"name": "tags", "type": {"type": "map", "values": {"type": "array", "items": "string"}}},
                {"name": "inner", "type": {"type": "record", "name": "Inner", "fields": [{"name": "n", "type": "int"}]}}
                """));

        List<String> violations = KsqlTypeRule.violations(schema);

        assertThat(violations).isEmpty();
    }

    @Test
    void shouldReportUnionOfTwoTypesInArrayItem() {
        Schema schema = parse(record("""
                {"name": "steps", "type": {"type": "array", "items": {"type": "record", "name": "Step", "fields": [
                  {"name": "exit_code", "type": ["string", "int"]}
                ]}}}
                """));

        List<String> violations = KsqlTypeRule.violations(schema);

        assertThat(violations).singleElement().asString()
                .startsWith("Sample.steps[].exit_code: union [\"string\",\"int\"] is not a nullable union");
    }

    @Test
    void shouldReportUnionOfNullAndTwoTypes() {
        Schema schema = parse(record("""
                {"name": "exit_code", "type": ["null", "string", "int"], "default": null}
                """));

        List<String> violations = KsqlTypeRule.violations(schema);

        assertThat(violations).singleElement().asString().startsWith("Sample.exit_code: union");
    }

    @Test
    void shouldReportUnionWithNullAfterType() {
        Schema schema = parse(record("""
                {"name": "branch", "type": ["string", "null"], "default": "main"}
                """));

        List<String> violations = KsqlTypeRule.violations(schema);

        assertThat(violations).singleElement().asString().startsWith("Sample.branch: union");
    }

    @Test
    void shouldReportLogicalTypeInMapValue() {
        Schema schema = parse(record("""
                {"name": "costs", "type": {"type": "map", "values":
                  {"type": "bytes", "logicalType": "decimal", "precision": 9, "scale": 2}}}
                """));

        List<String> violations = KsqlTypeRule.violations(schema);

        assertThat(violations).containsExactly("Sample.costs{}: logical type decimal is not read by ksqlDB;"
                + " use timestamp-millis for times or the plain type");
    }

    @Test
    void shouldReportTimestampMicrosInNullableUnion() {
        Schema schema = parse(record("""
                {"name": "started_at", "type": ["null", {"type": "long", "logicalType": "timestamp-micros"}],
                 "default": null}
                """));

        List<String> violations = KsqlTypeRule.violations(schema);

        assertThat(violations).singleElement().asString()
                .startsWith("Sample.started_at: logical type timestamp-micros");
    }

    @Test
    void shouldReportFixedType() {
        Schema schema = parse(record("""
                {"name": "digest", "type": {"type": "fixed", "name": "Sha1", "size": 20}}
                """));

        List<String> violations = KsqlTypeRule.violations(schema);

        assertThat(violations).singleElement().asString().startsWith("Sample.digest: fixed type Sha1");
    }

    @Test
    void shouldReportRecursiveRecord() {
        Schema schema = parse("""
                {"type": "record", "name": "Node", "fields": [
                  {"name": "children", "type": {"type": "array", "items": "Node"}}
                ]}
                """);

        List<String> violations = KsqlTypeRule.violations(schema);

        assertThat(violations).singleElement().asString().startsWith("Node.children[]: record Node contains itself");
    }

    @Test
    void shouldReportValueSchemaThatIsNotRecord() {
        Schema schema = Schema.create(Schema.Type.STRING);

        List<String> violations = KsqlTypeRule.violations(schema);

        assertThat(violations).singleElement().asString().startsWith("string: the value schema is a STRING");
    }

    private static String record(String fields) {
        return "{\"type\": \"record\", \"name\": \"Sample\", \"fields\": [" + fields + "]}";
    }

    private static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }
}
