package io.circlebridge.schema.evolution;

import org.apache.avro.Schema;

/**
 * Turns the JSON-pointer-like locations of Avro's {@code SchemaCompatibility}, such as {@code /fields/7/type}, into
 * field names, such as {@code JobEvent.status}, so that a build failure names the field an engineer changed.
 */
final class FieldPaths {

    private FieldPaths() {
    }

    /**
     * Names the field that {@code location} points at in {@code reader}. Array items add {@code []} and map values
     * add {@code {}}; union branches and the parts of a named type (its symbols, name or size) add nothing. A
     * location that does not fit the schema is returned unchanged.
     */
    static String describe(Schema reader, String location) {
        String[] steps = location.split("/");
        StringBuilder path = new StringBuilder(reader.getName());
        Schema schema = reader;
        try {
            for (int i = 0; i < steps.length; i++) {
                String step = steps[i];
                if (step.isEmpty() || step.equals("type")) {
                    continue;
                }

                if (step.equals("fields") && i + 1 < steps.length) {
                    i++;
                    Schema.Field field = schema.getFields().get(Integer.parseInt(steps[i]));
                    path.append('.').append(field.name());
                    schema = field.schema();
                } else if (step.equals("items")) {
                    path.append("[]");
                    schema = schema.getElementType();
                } else if (step.equals("values")) {
                    path.append("{}");
                    schema = schema.getValueType();
                } else if (schema.getType() == Schema.Type.UNION && step.chars().allMatch(Character::isDigit)) {
                    schema = schema.getTypes().get(Integer.parseInt(step));
                } else {
                    break;
                }
            }
        } catch (RuntimeException e) {
            return location;
        }
        return path.toString();
    }
}
