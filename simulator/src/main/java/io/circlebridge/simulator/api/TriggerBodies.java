package io.circlebridge.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circlebridge.simulator.scenario.Project;
import io.circlebridge.simulator.scenario.Scenario;
import io.circlebridge.simulator.scenario.TriggerRequest;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses and checks the bodies of the two trigger endpoints, with the limits CircleCI documents. */
final class TriggerBodies {

    static final String UNEXPECTED_BODY = "Unexpected request body provided.";
    static final String BRANCH_NOT_FOUND = "Branch not found";
    static final String BRANCH_AND_TAG = "Only one of branch or tag can be specified.";
    static final String NOT_JSON = "Content-Type must be application/json.";

    private static final int MAX_PARAMETERS = 100;
    private static final int MAX_PARAMETER_NAME = 128;
    private static final int MAX_PARAMETER_VALUE = 512;
    private static final Set<String> RUN_FIELDS = Set.of("definition_id", "config", "checkout", "parameters");
    private static final Set<String> REF_FIELDS = Set.of("branch", "tag");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    private TriggerBodies() {
    }

    /** Reads the legacy body {@code {branch | tag, parameters}}; no body builds the default branch. */
    static TriggerRequest legacy(ApiRequest request, Project project) {
        ObjectNode body = readObject(request, NOT_JSON);
        String branch = text(body, "branch");
        String tag = text(body, "tag");
        Map<String, Object> parameters = parameters(body.get("parameters"), true);
        return request(project, branch, tag, parameters);
    }

    /**
     * Reads the run body {@code {definition_id, config:{branch|tag}, checkout:{branch|tag}, parameters}}.
     *
     * @return empty when the parameters ask to skip, so no pipeline is created
     */
    static Optional<TriggerRequest> run(ApiRequest request, Project project) {
        ObjectNode body = readObject(request, UNEXPECTED_BODY);
        rejectUnknownFields(body, RUN_FIELDS);
        JsonNode definition = body.get("definition_id");
        if (definition != null && !(definition.isTextual() && UUID.matcher(definition.asText()).matches())) {
            throw ApiException.badRequest(UNEXPECTED_BODY);
        }
        String[] config = ref(body.get("config"));
        String[] checkout = ref(body.get("checkout"));
        checkBranch(project, config[0]);
        Map<String, Object> parameters = parameters(body.get("parameters"), false);
        if (Boolean.TRUE.equals(parameters.get(Scenario.SKIP_PARAMETER))) {
            return Optional.empty();
        }
        String branch = checkout[0] != null || checkout[1] != null ? checkout[0] : config[0];
        String tag = checkout[0] != null || checkout[1] != null ? checkout[1] : config[1];
        return Optional.of(request(project, branch, tag, parameters));
    }

    private static TriggerRequest request(Project project, String branch, String tag, Map<String, Object> parameters) {
        if (branch != null && tag != null) {
            throw ApiException.badRequest(BRANCH_AND_TAG);
        }
        checkBranch(project, branch);
        String effectiveBranch = branch == null && tag == null ? Project.DEFAULT_BRANCH : branch;
        return new TriggerRequest(effectiveBranch, tag, parameters, scenario(parameters));
    }

    private static ObjectNode readObject(ApiRequest request, String notJsonMessage) {
        if (request.body().length == 0) {
            return Json.object();
        }
        String contentType = request.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(ApiResponse.JSON)) {
            throw ApiException.badRequest(notJsonMessage);
        }
        try {
            JsonNode body = Json.MAPPER.readTree(request.body());
            if (body == null || body.isNull() || body.isMissingNode()) {
                return Json.object();
            }
            if (body instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            throw ApiException.badRequest(UNEXPECTED_BODY);
        }
        throw ApiException.badRequest(UNEXPECTED_BODY);
    }

    /** Returns {branch, tag} of a {@code config} or {@code checkout} object, each possibly null. */
    private static String[] ref(JsonNode node) {
        if (node == null) {
            return new String[2];
        }
        if (!(node instanceof ObjectNode object)) {
            throw ApiException.badRequest(UNEXPECTED_BODY);
        }
        rejectUnknownFields(object, REF_FIELDS);
        String branch = text(object, "branch");
        String tag = text(object, "tag");
        if (branch != null && tag != null) {
            throw ApiException.badRequest(BRANCH_AND_TAG);
        }
        return new String[] {branch, tag};
    }

    private static Map<String, Object> parameters(JsonNode node, boolean scalarsOnly) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw ApiException.badRequest(UNEXPECTED_BODY);
        }
        if (node.size() > MAX_PARAMETERS) {
            throw ApiException.badRequest("Too many pipeline parameters: " + node.size() + ", the limit is " + MAX_PARAMETERS);
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            if (field.getKey().length() > MAX_PARAMETER_NAME) {
                throw ApiException.badRequest("Pipeline parameter name longer than " + MAX_PARAMETER_NAME
                        + " characters: " + field.getKey().substring(0, 32) + "...");
            }
            if (value.isTextual() && value.asText().length() > MAX_PARAMETER_VALUE) {
                throw ApiException.badRequest("Value of pipeline parameter " + field.getKey() + " is longer than "
                        + MAX_PARAMETER_VALUE + " characters");
            }
            boolean scalar = value.isTextual() || value.isIntegralNumber() || value.isBoolean();
            if (scalarsOnly && !scalar) {
                throw ApiException.badRequest("Pipeline parameter " + field.getKey()
                        + " must be a string, an integer or a boolean");
            }
            parameters.put(field.getKey(), Json.MAPPER.convertValue(value, Object.class));
        }
        return parameters;
    }

    private static Scenario scenario(Map<String, Object> parameters) {
        Object value = parameters.get(Scenario.PARAMETER);
        if (value == null) {
            return Scenario.MIXED;
        }
        return Scenario.fromParameter(value.toString()).orElseThrow(() -> ApiException.badRequest(
                "Invalid " + Scenario.PARAMETER + " '" + value + "': use one of " + Arrays.stream(Scenario.values())
                        .map(Scenario::parameterValue).toList()));
    }

    private static void checkBranch(Project project, String branch) {
        if (branch != null && !project.hasBranch(branch)) {
            throw ApiException.badRequest(BRANCH_NOT_FOUND);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest(UNEXPECTED_BODY);
        }
        return value.asText();
    }

    private static void rejectUnknownFields(ObjectNode node, Set<String> allowed) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!allowed.contains(field.getKey())) {
                throw ApiException.badRequest(UNEXPECTED_BODY);
            }
        }
    }
}
