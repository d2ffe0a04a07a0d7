package io.circlebridge.ksql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * The Avro types that ksqlDB infers columns from when a stream or table is declared over a topic without columns:
 * records (as STRUCT), arrays, maps (Avro map keys are always strings), enums (as STRING), the primitives boolean,
 * int, long, float, double, bytes and string, nullable unions written {@code ["null", T]}, and the logical type
 * {@code timestamp-millis} (as TIMESTAMP). Anything else in a value schema is reported with the path of the field.
 * CircleBridge's schema rules allow only these types, even where a ksqlDB version reads more.
 */
public final class KsqlTypeRule {

    private KsqlTypeRule() {
    }

    /**
     * Returns one message per field that ksqlDB cannot read, such as
     * {@code PipelineStatus.workflows[].created_at: union ["string","long"] ...}. Array items add {@code []} to the
     * path and map values add {@code {}}. An empty list means that ksqlDB reads every field.
     */
    public static List<String> violations(Schema valueSchema) {
        List<String> violations = new ArrayList<>();
        if (valueSchema.getType() != Schema.Type.RECORD) {
            violations.add(valueSchema.getName() + ": the value schema is a " + valueSchema.getType()
                    + ", not a record; ksqlDB reads a record's fields as columns");
            return violations;
        }
        visit(valueSchema, valueSchema.getName(), new HashSet<>(), violations);
        return violations;
    }

    private static void visit(Schema schema, String path, Set<String> recordsOnPath, List<String> violations) {
        LogicalType logicalType = schema.getLogicalType();
        if (logicalType != null) {
            if (!(logicalType instanceof LogicalTypes.TimestampMillis)) {
                violations.add(path + ": logical type " + logicalType.getName()
                        + " is not read by ksqlDB; use timestamp-millis for times or the plain type");
            }
            return;
        }

        switch (schema.getType()) {
            case RECORD -> visitRecord(schema, path, recordsOnPath, violations);
            case ARRAY -> visit(schema.getElementType(), path + "[]", recordsOnPath, violations);
            case MAP -> visit(schema.getValueType(), path + "{}", recordsOnPath, violations);
            case UNION -> visitUnion(schema, path, recordsOnPath, violations);
            case ENUM, STRING, BYTES, INT, LONG, FLOAT, DOUBLE, BOOLEAN -> {
                // ksqlDB reads these as they are; an enum becomes a STRING column.
            }
            case FIXED -> violations.add(path + ": fixed type " + schema.getFullName()
                    + " is not read by ksqlDB; use bytes");
            case NULL -> violations.add(path + ": a field of type null holds nothing; ksqlDB cannot type its column");
        }
    }

    private static void visitRecord(Schema record, String path, Set<String> recordsOnPath, List<String> violations) {
        if (!recordsOnPath.add(record.getFullName())) {
            violations.add(path + ": record " + record.getFullName()
                    + " contains itself; ksqlDB cannot read recursive types");
            return;
        }
        for (Schema.Field field : record.getFields()) {
            visit(field.schema(), path + "." + field.name(), recordsOnPath, violations);
        }
        recordsOnPath.remove(record.getFullName());
    }

    private static void visitUnion(Schema union, String path, Set<String> recordsOnPath, List<String> violations) {
        List<Schema> branches = union.getTypes();
        boolean nullable = branches.size() == 2
                && branches.get(0).getType() == Schema.Type.NULL
                && branches.get(1).getType() != Schema.Type.NULL;
        if (!nullable) {
            violations.add(path + ": union " + union + " is not a nullable union [\"null\", T];"
                    + " ksqlDB reads no other unions");
            return;
        }
        visit(branches.get(1), path, recordsOnPath, violations);
    }
}
