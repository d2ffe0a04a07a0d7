package io.circlebridge.poller.command;

import io.circlebridge.poller.circleci.ProjectSlug;
import io.circlebridge.schema.TriggerPipelineCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a command before CircleCI is called, and converts its string parameters to the JSON types CircleCI expects.
 */
final class TriggerDecision {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,18}");

    private TriggerDecision() {
    }

    /** Returns why {@code command} must be rejected without calling CircleCI, or null when it may proceed. */
    static String rejectionReason(TriggerPipelineCommand command, Set<String> allowedProjects) {
        String slug = command.getProjectSlug();
        if (slug == null || slug.isBlank()) {
            return "project_slug is empty; name the project to trigger, such as gh/org/repo.";
        }
        String normalized;
        try {
            normalized = ProjectSlug.parse(slug).toString();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (!allowedProjects.contains(normalized)) {
            return "Project '" + slug + "' is not on the allow-list of projects commands may trigger "
                    + "(commands.allowed.projects); add it there or trigger one of " + allowedProjects + ".";
        }
        if (command.getBranch() != null && command.getTag() != null) {
            return "The command sets both branch '" + command.getBranch() + "' and tag '" + command.getTag()
                    + "'; set one of them, or neither for the default branch.";
        }
        if (command.getParameters() != null && command.getParameters().keySet().stream().anyMatch(String::isBlank)) {
            return "The command has a pipeline parameter with a blank name; give every parameter a name.";
        }
        return null;
    }

    /** Sends {@code true} and {@code false} as booleans, whole numbers as integers and everything else as strings. */
    static Map<String, Object> typedParameters(Map<String, String> parameters) {
        Map<String, Object> typed = new LinkedHashMap<>();
        if (parameters == null) {
            return typed;
        }
        parameters.forEach((name, value) -> typed.put(name, typed(value)));
        return typed;
    }

    private static Object typed(String value) {
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.valueOf(value);
        }
        if (value != null && WHOLE_NUMBER.matcher(value).matches()) {
            return Long.valueOf(value);
        }
        return value;
    }
}
