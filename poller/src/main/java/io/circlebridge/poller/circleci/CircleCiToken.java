package io.circlebridge.poller.circleci;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A CircleCI personal API token, sent as the {@code Circle-Token} header.
 *
 * <p>The value is readable only inside this package, and {@link #toString()} prints {@code [hidden]}, so the token
 * cannot end up in a log line, an exception message or a config dump by accident. CircleCI API v2 accepts personal
 * API tokens only; project tokens are rejected.
 */
public final class CircleCiToken {

    /** Environment variable read by {@link #fromEnvironmentOrFile(Map, Path)}. */
    public static final String ENVIRONMENT_VARIABLE = "CIRCLECI_TOKEN";

    private static final String HIDDEN = "[hidden]";

    private final String value;

    private CircleCiToken(String value) {
        this.value = value;
    }

    /**
     * Wraps a token value; leading and trailing whitespace is removed.
     *
     * @throws IllegalArgumentException when the value is null, blank or contains characters that cannot appear in an
     *     HTTP header; the message never contains the value
     */
    public static CircleCiToken of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("CircleCI token is missing or blank; set " + ENVIRONMENT_VARIABLE
                    + " or the token file to a personal API token");
        }
        String stripped = value.strip();
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                throw new IllegalArgumentException("CircleCI token contains an invalid character at position " + i
                        + " (whitespace, control or non-ASCII); check the value of " + ENVIRONMENT_VARIABLE
                        + " or the token file");
            }
        }
        return new CircleCiToken(stripped);
    }

    /**
     * Reads the token from {@code CIRCLECI_TOKEN} in {@code environment} or, when that is unset or blank, from
     * {@code tokenFile}.
     *
     * @param environment environment variables, usually {@link System#getenv()}
     * @param tokenFile file holding the token, or null when there is none
     * @throws IllegalArgumentException when neither source contains a token or the file cannot be read
     */
    public static CircleCiToken fromEnvironmentOrFile(Map<String, String> environment, Path tokenFile) {
        Objects.requireNonNull(environment, "environment");

        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return of(fromEnvironment);
        }

        if (tokenFile == null) {
            throw new IllegalArgumentException("No CircleCI token: set the environment variable "
                    + ENVIRONMENT_VARIABLE + " or configure a token file");
        }
        return fromFile(tokenFile);
    }

    /** Reads the token from the process environment or, when {@code CIRCLECI_TOKEN} is unset, from the file. */
    public static CircleCiToken fromEnvironmentOrFile(Path tokenFile) {
        return fromEnvironmentOrFile(System.getenv(), tokenFile);
    }

    /**
     * Reads the token from a file that contains nothing else. Surrounding whitespace and a trailing newline are
     * allowed.
     *
     * @throws IllegalArgumentException when the file is missing, unreadable or blank
     */
    public static CircleCiToken fromFile(Path tokenFile) {
        String content;
        try {
            content = Files.readString(tokenFile);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the CircleCI token file " + tokenFile + ": "
                    + e.getClass().getSimpleName() + "; create it or set " + ENVIRONMENT_VARIABLE, e);
        }
        if (content.isBlank()) {
            throw new IllegalArgumentException("CircleCI token file " + tokenFile + " is empty; write a personal API "
                    + "token into it or set " + ENVIRONMENT_VARIABLE);
        }
        return of(content);
    }

    /** Returns the secret value; package-private so that only the client's request code can send it. */
    String value() {
        return value;
    }

    @Override
    public String toString() {
        return HIDDEN;
    }
}
