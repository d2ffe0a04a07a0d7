package io.circlebridge.serde;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-wire-format Avro into a generated class, resolving the writer's schema (fetched from the registry
 * by the id in the record) against the class's schema, so records written with older or newer compatible schemas
 * read as the class.
 */
public final class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private final Class<T> type;
    private final Schema readerSchema;
    private final Map<Integer, SpecificDatumReader<T>> readersByWriterId = new ConcurrentHashMap<>();
    private SchemaRegistryClient registry;
    private boolean ownsRegistry;

    /** Creates a deserializer whose registry client {@link #configure} creates from the client configuration. */
    public AvroDeserializer(Class<T> type) {
        this(type, null);
    }

    public AvroDeserializer(Class<T> type, SchemaRegistryClient registry) {
        this.type = type;
        this.readerSchema = AvroData.INSTANCE.getSchema(type);
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (registry == null) {
            registry = new AvroSerdeConfig(configs).createClient();
            ownsRegistry = true;
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("AvroDeserializer is not configured: call configure() or pass a registry client");
        }

        ByteBuffer buffer = ByteBuffer.wrap(data);
        int id = WireFormat.readSchemaId(topic, buffer);
        SpecificDatumReader<T> reader = readerFor(topic, id);
        BinaryDecoder decoder = DecoderFactory.get()
                .binaryDecoder(data, buffer.position(), buffer.remaining(), null);
        try {
            return reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            String cause = e instanceof EOFException ? "the Avro data ends early, so the record is truncated"
                    : String.valueOf(e.getMessage());
            throw new SerializationException("Cannot read a record of topic '" + topic + "' with schema id " + id
                    + " as " + type.getSimpleName() + ": " + cause, e);
        }
    }

    @Override
    public void close() {
        if (ownsRegistry) {
            registry.close();
        }
    }

    private SpecificDatumReader<T> readerFor(String topic, int id) {
        SpecificDatumReader<T> cached = readersByWriterId.get(id);
        if (cached != null) {
            return cached;
        }

        Schema writerSchema;
        try {
            writerSchema = registry.schemaById(id);
        } catch (SchemaRegistryException e) {
            String problem = e.isNotFound() ? " is unknown to the schema registry" : " could not be fetched";
            throw new SerializationException("Cannot read a record of topic '" + topic + "': schema id " + id
                    + problem + " (" + e.getMessage() + ")", e);
        }
        // Avro's schema resolution requires records of the same name, but the Java reader does not check it, so a
        // JobEvent on the pipelines topic would otherwise read as a PipelineEvent with every missing field defaulted.
        if (!sameRecordName(writerSchema, readerSchema)) {
            throw new SerializationException("Cannot read a record of topic '" + topic + "': schema id " + id
                    + " is " + writerSchema.getFullName() + ", not " + readerSchema.getFullName()
                    + "; the record was written for another topic or by another application.");
        }
        SpecificDatumReader<T> reader = new SpecificDatumReader<>(writerSchema, readerSchema, AvroData.INSTANCE);
        readersByWriterId.put(id, reader);
        return reader;
    }

    /** Compares unqualified names, as the Avro specification's resolution rules do, and honours reader aliases. */
    private static boolean sameRecordName(Schema writer, Schema reader) {
        if (writer.getType() != Schema.Type.RECORD || reader.getType() != Schema.Type.RECORD) {
            return true;
        }
        return writer.getName().equals(reader.getName()) || reader.getAliases().contains(writer.getFullName());
    }
}
