package io.circlebridge.simulator.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Matches a method and path to an endpoint. Patterns use {@code {name}} for one path segment. */
final class Router {

    /** A matched endpoint with its path variables. */
    record Match(Endpoint endpoint, Map<String, String> variables) {
    }

    private record Route(String method, List<String> pattern, Endpoint endpoint) {
    }

    private final List<Route> routes = new ArrayList<>();

    /** Adds a route; earlier routes win when two match. */
    Router add(String method, String pattern, Endpoint endpoint) {
        List<String> segments = new ArrayList<>();
        for (String segment : pattern.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        routes.add(new Route(method, segments, endpoint));
        return this;
    }

    /**
     * Finds the endpoint for a request.
     *
     * @throws ApiException 404 when no route has the path, 405 when routes have it only for other methods
     */
    Match match(String method, List<String> segments) {
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Map<String, String> variables = bind(route.pattern(), segments);
            if (variables == null) {
                continue;
            }
            if (route.method().equals(method)) {
                return new Match(route.endpoint(), variables);
            }
            allowed.add(route.method());
        }
        if (allowed.isEmpty()) {
            throw ApiException.notFound();
        }
        throw new MethodNotAllowed(allowed);
    }

    private static Map<String, String> bind(List<String> pattern, List<String> segments) {
        if (pattern.size() != segments.size()) {
            return null;
        }
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String expected = pattern.get(i);
            if (expected.startsWith("{") && expected.endsWith("}")) {
                variables.put(expected.substring(1, expected.length() - 1), segments.get(i));
            } else if (!expected.equals(segments.get(i))) {
                return null;
            }
        }
        return variables;
    }

    /** A 405 that carries the methods the path supports, for the {@code Allow} header. */
    static final class MethodNotAllowed extends RuntimeException {

        private final Set<String> allowed;

        MethodNotAllowed(Set<String> allowed) {
            super("Method Not Allowed");
            this.allowed = Set.copyOf(allowed);
        }

        String allowHeader() {
            return String.join(", ", allowed.stream().sorted().toList());
        }
    }
}
