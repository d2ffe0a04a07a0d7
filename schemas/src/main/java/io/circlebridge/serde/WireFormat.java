package io.circlebridge.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: byte {@code 0x00}, the 4-byte big-endian schema id, then the Avro binary encoding.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0x0;
    public static final int HEADER_SIZE = 1 + Integer.BYTES;

    private WireFormat() {
    }

    /** The registry subject of a topic's values or keys under the topic name strategy. */
    public static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }

    /**
     * Reads the schema id from the header and leaves {@code buffer} positioned at the Avro payload.
     *
     * @throws SerializationException when the bytes are too short or do not start with the magic byte
     */
    public static int readSchemaId(String topic, ByteBuffer buffer) {
        if (buffer.remaining() < HEADER_SIZE) {
            throw new SerializationException("Record of topic '" + topic + "' has " + buffer.remaining()
                    + " bytes, fewer than the " + HEADER_SIZE + "-byte Confluent wire format header; it was not "
                    + "written by a Confluent-compatible Avro serializer.");
        }
        byte magic = buffer.get();
        if (magic != MAGIC_BYTE) {
            throw new SerializationException(String.format("Record of topic '%s' starts with byte 0x%02x, not the "
                    + "Confluent wire format's magic byte 0x00; it was not written by a Confluent-compatible Avro "
                    + "serializer.", topic, magic));
        }
        return buffer.getInt();
    }
}
