package io.circlebridge.schema.evolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Checks a current schema against every released version of it under BACKWARD_TRANSITIVE, the level CircleBridge's
 * registry subjects run under: the current schema, as reader, must read data written with each release. The
 * judgement is Avro's own {@link SchemaCompatibility}, the same resolution rules that a reader applies to real bytes.
 */
public final class CompatibilityGate {

    private CompatibilityGate() {
    }

    /**
     * One way in which a current schema cannot read data of one release.
     *
     * @param schema the full name of the current schema
     * @param release the version whose data the current schema cannot read
     * @param fieldPath where the problem is, as field names from the record, such as {@code JobEvent.status}
     * @param description Avro's incompatibility type, location and message
     */
    public record Violation(String schema, String release, String fieldPath, String description) {

        /** Formats this violation as one sentence for a build failure. */
        public String message() {
            return schema + " cannot read data written with release " + release + ": " + fieldPath + ": "
                    + description;
        }
    }

    /**
     * Returns every incompatibility between {@code current} and the releases that have a schema of the same full
     * name; releases without one, which predate the type, are skipped. An empty list means compatible.
     */
    public static List<Violation> check(Schema current, List<Release> releases) {
        List<Violation> violations = new ArrayList<>();
        for (Release release : releases) {
            Optional<Schema> released = release.record(current.getFullName());
            if (released.isEmpty()) {
                continue;
            }

            SchemaPairCompatibility pair = SchemaCompatibility.checkReaderWriterCompatibility(current, released.get());
            if (pair.getType() == SchemaCompatibilityType.COMPATIBLE) {
                continue;
            }
            for (Incompatibility incompatibility : pair.getResult().getIncompatibilities()) {
                violations.add(new Violation(current.getFullName(), release.version(),
                        FieldPaths.describe(current, incompatibility.getLocation()),
                        incompatibility.getType() + " at " + incompatibility.getLocation() + ": "
                                + incompatibility.getMessage()));
            }
        }
        return violations;
    }
}
