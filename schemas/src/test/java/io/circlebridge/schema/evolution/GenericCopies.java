package io.circlebridge.schema.evolution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.util.Utf8;

/**
 * Copies records into another version of their schema, matching fields by name, as test data for that version. The
 * copy has the form a {@code GenericDatumReader} returns, so it compares equal to a record read from bytes: strings
 * and map keys as {@link Utf8}, enums as {@link GenericData.EnumSymbol}, timestamps as epoch milliseconds.
 */
final class GenericCopies {

    private GenericCopies() {
    }

    /**
     * Copies {@code source}, a generated or generic record, into {@code target}. Fields that {@code source} lacks
     * take their default in {@code target}; fields that {@code target} lacks are dropped. Unions are taken to be
     * nullable, so a value goes to the union's first branch that is not null.
     */
    static GenericRecord copy(IndexedRecord source, Schema target) {
        return (GenericRecord) convert(source, target);
    }

    private static Object convert(Object value, Schema schema) {
        if (value == null) {
            return null;
        }
        return switch (schema.getType()) {
            case UNION -> convert(value, firstNonNullBranch(schema));
            case RECORD -> copyRecord((IndexedRecord) value, schema);
            case ENUM -> new GenericData.EnumSymbol(schema, value.toString());
            case ARRAY -> copyArray((List<?>) value, schema.getElementType());
            case MAP -> copyMap((Map<?, ?>) value, schema.getValueType());
            case STRING -> new Utf8(value.toString());
            case LONG -> value instanceof Instant instant ? instant.toEpochMilli() : value;
            default -> value;
        };
    }

    private static GenericRecord copyRecord(IndexedRecord source, Schema target) {
        GenericData.Record copy = new GenericData.Record(target);
        for (Schema.Field field : target.getFields()) {
            Schema.Field sourceField = source.getSchema().getField(field.name());
            Object value = sourceField == null
                    ? GenericData.get().getDefaultValue(field)
                    : convert(source.get(sourceField.pos()), field.schema());
            copy.put(field.pos(), value);
        }
        return copy;
    }

    private static List<Object> copyArray(List<?> source, Schema elementType) {
        List<Object> copy = new ArrayList<>(source.size());
        for (Object element : source) {
            copy.add(convert(element, elementType));
        }
        return copy;
    }

    private static Map<Utf8, Object> copyMap(Map<?, ?> source, Schema valueType) {
        Map<Utf8, Object> copy = new LinkedHashMap<>();
        source.forEach((key, value) -> copy.put(new Utf8(key.toString()), convert(value, valueType)));
        return copy;
    }

    private static Schema firstNonNullBranch(Schema union) {
        return union.getTypes().stream()
                .filter(branch -> branch.getType() != Schema.Type.NULL)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Union has only null: " + union));
    }
}
