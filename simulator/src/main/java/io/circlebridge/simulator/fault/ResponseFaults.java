package io.circlebridge.simulator.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circlebridge.simulator.model.EntityKind;
import java.util.Map;

/**
 * The faults that change the JSON content of one response, resolved for its path when the request arrived.
 *
 * @param unknownStatuses per entity kind, the status value to report in place of the real one
 */
public record ResponseFaults(Map<EntityKind, String> unknownStatuses, MissingFields missingFields, PagingFault paging) {

    /** No fault: responses contain exactly what the simulation stores. */
    public static final ResponseFaults NONE = new ResponseFaults(Map.of(), MissingFields.NONE, PagingFault.NONE);

    public ResponseFaults {
        unknownStatuses = Map.copyOf(unknownStatuses);
    }

    /** Returns the status to report for an entity whose real status is {@code real}. */
    public String status(EntityKind kind, String real) {
        return unknownStatuses.getOrDefault(kind, real);
    }

    /** Removes the fields that the missing-fields level drops from an object of {@code shape}. */
    public ObjectNode strip(ObjectNode node, ResponseShape shape) {
        for (String path : shape.droppedPaths(missingFields)) {
            String[] steps = path.split("/");
            JsonNode parent = node;
            for (int i = 0; i < steps.length - 1 && parent != null; i++) {
                parent = parent.get(steps[i]);
            }
            if (parent instanceof ObjectNode object) {
                object.remove(steps[steps.length - 1]);
            }
        }
        return node;
    }
}
