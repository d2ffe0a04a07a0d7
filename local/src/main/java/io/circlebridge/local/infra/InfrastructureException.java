package io.circlebridge.local.infra;

/**
 * Thrown when the embedded broker or the schema registry cannot be started or stopped. The message names the
 * component, what failed and, for the registry, the last lines of its log.
 */
public class InfrastructureException extends RuntimeException {

    public InfrastructureException(String message) {
        super(message);
    }

    public InfrastructureException(String message, Throwable cause) {
        super(message, cause);
    }
}
