package io.circlebridge.poller.circleci;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A pipeline trigger request: a branch or a tag (at most one; neither means the default branch) and
 * pipeline parameters.
 *
 * @param branch branch to build, or {@code pull/<n>/head} / {@code pull/<n>/merge} for a GitHub pull request
 * @param tag tag to build
 * @param parameters pipeline parameters; values must be strings, integers or booleans
 */
public record TriggerRequest(String branch, String tag, Map<String, Object> parameters) {

    /**
     * Checks that at most one of branch and tag is set and that every parameter value has a type CircleCI accepts.
     * CircleCI also limits parameters to 100 entries, keys to 128 and values to 512 characters; it rejects larger
     * ones with a 400 response.
     */
    public TriggerRequest {
        if (branch != null && tag != null) {
            throw new IllegalArgumentException("A trigger request names a branch or a tag, not both (branch '"
                    + branch + "', tag '" + tag + "')");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        if (parameters != null) {
            for (Map.Entry<String, Object> entry : parameters.entrySet()) {
                if (entry.getKey() == null || entry.getKey().isBlank()) {
                    throw new IllegalArgumentException("Pipeline parameter names must not be null or blank");
                }
                Object value = entry.getValue();
                boolean integral = value instanceof Integer || value instanceof Long || value instanceof Short
                        || value instanceof Byte;
                if (!(value instanceof String || value instanceof Boolean || integral)) {
                    throw new IllegalArgumentException("Pipeline parameter '" + entry.getKey() + "' has a value of "
                            + (value == null ? "null" : value.getClass().getSimpleName())
                            + "; CircleCI accepts strings, integers and booleans");
                }
                copy.put(entry.getKey(), value);
            }
        }
        parameters = Collections.unmodifiableMap(copy);
    }

    /** Returns a request for a branch without parameters. */
    public static TriggerRequest forBranch(String branch) {
        return new TriggerRequest(branch, null, Map.of());
    }

    /** Returns a request for a tag without parameters. */
    public static TriggerRequest forTag(String tag) {
        return new TriggerRequest(null, tag, Map.of());
    }
}
