package io.circlebridge.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (generated or generic) in the Confluent wire format, registering each record's schema under
 * the subject {@code <topic>-value} (or {@code <topic>-key}) on first use.
 */
public final class AvroSerializer<T extends GenericContainer> implements Serializer<T> {

    private SchemaRegistryClient registry;
    private boolean ownsRegistry;
    private boolean isKey;

    /** For Kafka's reflective construction; {@link #configure} then creates the registry client. */
    public AvroSerializer() {
    }

    public AvroSerializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        if (registry == null) {
            registry = new AvroSerdeConfig(configs).createClient();
            ownsRegistry = true;
        }
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("AvroSerializer is not configured: call configure() or pass a registry client");
        }

        Schema schema = record.getSchema();
        int id = registry.register(WireFormat.subject(topic, isKey), schema);

        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(WireFormat.MAGIC_BYTE);
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        DatumWriter<T> writer = new SpecificDatumWriter<>(schema, SpecificData.getForSchema(schema));
        try {
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot serialize a " + schema.getFullName() + " for topic '" + topic
                    + "': " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        if (ownsRegistry) {
            registry.close();
        }
    }
}
