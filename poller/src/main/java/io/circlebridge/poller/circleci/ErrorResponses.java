package io.circlebridge.poller.circleci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Turns CircleCI's error responses into {@link CircleCiException}s whose messages state what failed and, for
 * configuration problems, what to fix.
 *
 * <p>CircleCI's error bodies are {@code {"message": "..."}} on most endpoints and {@code {"error": "..."}} on a few;
 * {@code {}}, empty bodies and HTML pages from proxies occur too.
 */
final class ErrorResponses {

    private final ObjectMapper mapper;
    private final UnaryOperator<String> redactor;

    /**
     * Creates the mapper.
     *
     * @param redactor removes secrets from text copied out of response bodies
     */
    ErrorResponses(ObjectMapper mapper, UnaryOperator<String> redactor) {
        this.mapper = mapper;
        this.redactor = redactor;
    }

    /** Builds the exception for a response with a status outside 2xx. */
    CircleCiException forStatus(ApiCall call, int status, String body) {
        String circleCiMessage = circleCiMessage(body);
        String detail = circleCiMessage != null
                ? "\"" + circleCiMessage + "\""
                : bodyIsJson(body) ? "no message in the response body" : "response body: " + excerpt(body);
        CircleCiException.Kind kind = kind(status, circleCiMessage);
        boolean outcomeUnknown = call.changesState() && kind == CircleCiException.Kind.SERVER_ERROR;
        String message = call + " failed with " + describeStatus(status) + ": " + detail + fix(kind, call);
        return new CircleCiException(kind, status, call.method(), call.path(), circleCiMessage, outcomeUnknown,
                message, null);
    }

    /** Builds the exception for a 2xx response whose body is not the JSON it should be. */
    CircleCiException malformed(ApiCall call, int status, String body, String problem, Throwable cause) {
        String message = call + " returned status " + status + " with " + problem + ": " + excerpt(body);
        return new CircleCiException(CircleCiException.Kind.MALFORMED_RESPONSE, status, call.method(), call.path(),
                null, call.changesState(), message, cause);
    }

    private static CircleCiException.Kind kind(int status, String circleCiMessage) {
        if (status == 400) {
            return CircleCiException.Kind.BAD_REQUEST;
        }
        if (status == 401) {
            return CircleCiException.Kind.AUTHENTICATION;
        }
        if (status == 403) {
            return CircleCiException.Kind.PERMISSION;
        }
        if (status == 404) {
            boolean aboutProject = circleCiMessage != null
                    && circleCiMessage.toLowerCase(Locale.ROOT).contains("project");
            return aboutProject ? CircleCiException.Kind.PROJECT_NOT_FOUND : CircleCiException.Kind.NOT_FOUND;
        }
        if (status == 429) {
            return CircleCiException.Kind.RATE_LIMITED;
        }
        if (status >= 500 && status <= 599) {
            return CircleCiException.Kind.SERVER_ERROR;
        }
        return CircleCiException.Kind.UNEXPECTED_STATUS;
    }

    private static String fix(CircleCiException.Kind kind, ApiCall call) {
        switch (kind) {
            case AUTHENTICATION:
                return ". Fix the configuration: CircleCI rejected the API token. Set "
                        + CircleCiToken.ENVIRONMENT_VARIABLE + " or the token file to a valid personal API token; CircleCI rejects project tokens, and its "
                        + "newer endpoints reject personal tokens created before 2023-06-23.";
            case PERMISSION:
                return ". Fix the configuration: the token's user lacks permission for this request; use the token "
                        + "of a user with access to the project.";
            case PROJECT_NOT_FOUND:
                String slug = call.projectSlug() == null ? "" : " " + call.projectSlug();
                return ". Fix the configuration: check the project slug" + slug + ". The project must exist and be "
                        + "visible to the token's user; GitHub App, GitLab and Bitbucket Data Center projects have "
                        + "circleci/<org-id>/<project-id> slugs.";
            default:
                return "";
        }
    }

    private static String describeStatus(int status) {
        switch (status) {
            case 400:
                return "400 Bad Request";
            case 401:
                return "401 Unauthorized";
            case 403:
                return "403 Forbidden";
            case 404:
                return "404 Not Found";
            case 429:
                return "429 Too Many Requests";
            default:
                if (status >= 500 && status <= 599) {
                    return "server error " + status;
                }
                return "unexpected status " + status;
        }
    }

    private String circleCiMessage(String body) {
        JsonNode json = parse(body);
        if (json == null) {
            return null;
        }
        if (json.isTextual()) {
            return blankToNull(json.asText());
        }
        for (String field : new String[] {"message", "error"}) {
            JsonNode value = json.get(field);
            if (value != null && value.isValueNode() && !value.isNull()) {
                return blankToNull(value.asText());
            }
        }
        return null;
    }

    private boolean bodyIsJson(String body) {
        return parse(body) != null;
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode json = mapper.readTree(body);
            return json == null || json.isMissingNode() ? null : json;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private String blankToNull(String text) {
        return text == null || text.isBlank() ? null : redactor.apply(text.strip());
    }

    private String excerpt(String body) {
        return Excerpts.of(redactor.apply(body == null ? "" : body));
    }
}
