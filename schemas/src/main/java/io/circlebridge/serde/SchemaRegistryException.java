package io.circlebridge.serde;

/**
 * A schema registry call that failed. {@link #isRetriable()} separates an outage, which a caller may wait out, from an
 * answer that will not change on retry, such as an incompatible schema or an unknown id.
 */
public class SchemaRegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** HTTP status used when the registry sent no HTTP response at all. */
    public static final int NO_RESPONSE = -1;

    private final int httpStatus;

    public SchemaRegistryException(String message, int httpStatus, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    public SchemaRegistryException(String message, int httpStatus) {
        this(message, httpStatus, null);
    }

    /** The registry's HTTP status, or {@link #NO_RESPONSE} when it could not be reached. */
    public int httpStatus() {
        return httpStatus;
    }

    public boolean isNotFound() {
        return httpStatus == 404;
    }

    /** True for connection failures, timeouts and 5xx responses. */
    public boolean isRetriable() {
        return httpStatus == NO_RESPONSE || httpStatus >= 500;
    }

    /**
     * Tells whether {@code error} or one of its causes is a retriable registry failure: the data is valid and can be
     * read once the registry is back, so it must not be treated as a poison pill.
     */
    public static boolean isOutageCause(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SchemaRegistryException registryError && registryError.isRetriable()) {
                return true;
            }
        }
        return false;
    }
}
