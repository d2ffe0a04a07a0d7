package io.circlebridge.serde;

import java.util.ArrayList;
import java.util.Collection;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.specific.SpecificData;

/**
 * The Avro data model the deserializer reads with: generated classes, {@code timestamp-millis} as
 * {@link java.time.Instant}, and arrays as {@link ArrayList}.
 *
 * <p>Avro's own array type compares its elements with a model that lacks the logical type conversions, so two equal
 * records holding arrays of records with optional timestamps would not be equal; plain lists avoid that.
 */
final class AvroData extends SpecificData {

    static final AvroData INSTANCE = new AvroData();

    private AvroData() {
        super(AvroData.class.getClassLoader());
        addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    }

    @Override
    public Object newArray(Object old, int size, Schema schema) {
        if (old instanceof Collection<?> collection) {
            collection.clear();
            return old;
        }
        return new ArrayList<>(size);
    }
}
