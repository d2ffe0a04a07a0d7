package io.circlebridge.schema.evolution;

import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The record schemas of one CircleBridge release, by full name, such as {@code io.circlebridge.schema.JobEvent}.
 *
 * @param version the release version, which is also the name of its folder of schemas
 */
public record Release(String version, Map<String, Schema> recordsByFullName) {

    public Release {
        recordsByFullName = Map.copyOf(recordsByFullName);
    }

    /** Finds the release's schema of the record named {@code fullName}; empty when the release did not have it. */
    public Optional<Schema> record(String fullName) {
        return Optional.ofNullable(recordsByFullName.get(fullName));
    }
}
