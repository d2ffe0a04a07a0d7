package io.circlebridge.serde;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry API that the serde needs.
 *
 * <p>Implementations are thread-safe and cache both directions, so a steady stream of records of one schema costs one
 * registry call per subject and schema, not one per record.
 */
public interface SchemaRegistryClient extends AutoCloseable {

    /**
     * Registers {@code schema} under {@code subject}, or looks it up when the registry already has it.
     *
     * @return the registry's id for the schema
     * @throws SchemaRegistryException when the registry rejects the schema or cannot be reached
     */
    int register(String subject, Schema schema);

    /**
     * Fetches the schema with the given id.
     *
     * @throws SchemaRegistryException with {@link SchemaRegistryException#isNotFound()} set when no schema has that id
     */
    Schema schemaById(int id);

    /** Sets the compatibility level, such as {@code BACKWARD_TRANSITIVE}, that the registry enforces on a subject. */
    void setCompatibility(String subject, String level);

    @Override
    default void close() {
    }
}
