package io.circlebridge.poller.circleci;

import java.util.Objects;

/**
 * A failed CircleCI API call: an error status, a response that is not JSON, an I/O error or a timeout.
 *
 * <p>The exception carries the HTTP status ({@link #NO_STATUS} when no response arrived), the method and path (never
 * the query string or any header) and CircleCI's own message from a {@code {"message"}} or {@code {"error"}} body.
 * No part of it contains the API token.
 */
public class CircleCiException extends RuntimeException {

    /** Status of failures that produced no HTTP response. */
    public static final int NO_STATUS = -1;

    private final Kind kind;
    private final int status;
    private final String method;
    private final String path;
    private final String circleCiMessage;
    private final boolean outcomeUnknown;

    /**
     * Creates an exception.
     *
     * @param kind what went wrong
     * @param status HTTP status, or {@link #NO_STATUS}
     * @param method HTTP method
     * @param path URL path without the query string
     * @param circleCiMessage CircleCI's message, or null when the response carried none
     * @param outcomeUnknown true when a request that changes state may have been carried out although it failed
     * @param message full message for operators
     * @param cause underlying exception, or null
     */
    public CircleCiException(Kind kind, int status, String method, String path, String circleCiMessage,
            boolean outcomeUnknown, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.status = status;
        this.method = method;
        this.path = path;
        this.circleCiMessage = circleCiMessage;
        this.outcomeUnknown = outcomeUnknown;
    }

    /** Returns what went wrong. */
    public Kind kind() {
        return kind;
    }

    /** Returns the HTTP status, or {@link #NO_STATUS} when no response arrived. */
    public int status() {
        return status;
    }

    /** Returns the HTTP method of the failed request. */
    public String method() {
        return method;
    }

    /** Returns the URL path of the failed request, without the query string. */
    public String path() {
        return path;
    }

    /** Returns CircleCI's message from the response body, or null when there was none. */
    public String circleCiMessage() {
        return circleCiMessage;
    }

    /**
     * Returns true when the same request may succeed later without a configuration change: rate limits, server errors,
     * responses that are not JSON, I/O errors and timeouts.
     */
    public boolean isRetriable() {
        return kind.retriable;
    }

    /**
     * Returns true when the failure needs an operator to fix the configuration: a rejected token, missing permission,
     * or a project that does not exist or is not visible to the token's user.
     */
    public boolean isConfigurationProblem() {
        return kind == Kind.AUTHENTICATION || kind == Kind.PERMISSION || kind == Kind.PROJECT_NOT_FOUND;
    }

    /**
     * Returns true when a request that changes state (a pipeline trigger) failed after it may have reached CircleCI,
     * for example on a timeout or a 5xx response. Repeating such a request may trigger a second pipeline.
     */
    public boolean isOutcomeUnknown() {
        return outcomeUnknown;
    }

    /** Category of a failed call. */
    public enum Kind {
        /** 400: CircleCI rejected the request, for example an unknown branch. */
        BAD_REQUEST(false),
        /** 401: the token is invalid, too old for the endpoint, or not a personal API token. */
        AUTHENTICATION(false),
        /** 403: the token's user lacks permission. */
        PERMISSION(false),
        /** 404 naming a project: the project slug is wrong or the token's user cannot see the project. */
        PROJECT_NOT_FOUND(false),
        /** 404 for anything else: an unknown id, an approval job's details, an expired page token. */
        NOT_FOUND(false),
        /** 429, or a rate-limit pause longer than the client may wait. */
        RATE_LIMITED(true),
        /** 5xx. */
        SERVER_ERROR(true),
        /** Any other status the client does not expect, for example 405 or 409. */
        UNEXPECTED_STATUS(false),
        /** A response body that is empty, truncated or not JSON where JSON was expected. */
        MALFORMED_RESPONSE(true),
        /** Connection or transfer failure. */
        IO(true),
        /** Connect, read, write or call timeout. */
        TIMEOUT(true),
        /** The calling thread was interrupted; its interrupt flag is set again. */
        INTERRUPTED(false);

        private final boolean retriable;

        Kind(boolean retriable) {
            this.retriable = retriable;
        }
    }
}
