package io.circlebridge.serde;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A registry held in memory for unit tests, such as topology tests with {@code TopologyTestDriver}. It assigns ids
 * like a real registry (one id per distinct schema) and counts calls so tests can check caching.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private final List<Schema> schemas = new ArrayList<>();
    private final Map<String, List<Integer>> versionsBySubject = new ConcurrentHashMap<>();
    private final Map<String, String> compatibilityBySubject = new ConcurrentHashMap<>();
    private int calls;

    @Override
    public synchronized int register(String subject, Schema schema) {
        calls++;
        int id = schemas.indexOf(schema);
        if (id < 0) {
            schemas.add(schema);
            id = schemas.size() - 1;
        }
        List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(id + 1)) {
            versions.add(id + 1);
        }
        return id + 1;
    }

    @Override
    public synchronized Schema schemaById(int id) {
        calls++;
        if (id < 1 || id > schemas.size()) {
            throw new SchemaRegistryException("Schema " + id + " not found", 404);
        }
        return schemas.get(id - 1);
    }

    @Override
    public void setCompatibility(String subject, String level) {
        compatibilityBySubject.put(subject, level);
    }

    /** Ids registered under {@code subject}, oldest first. */
    public List<Integer> versions(String subject) {
        return versionsBySubject.getOrDefault(subject, List.of());
    }

    public String compatibility(String subject) {
        return compatibilityBySubject.get(subject);
    }

    /** Number of register and lookup calls that reached this registry. */
    public synchronized int calls() {
        return calls;
    }
}
