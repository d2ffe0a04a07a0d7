package io.circlebridge.poller.circleci;

import java.time.Instant;

/**
 * A project environment variable as CircleCI lists it. CircleCI never returns the secret: {@code maskedValue} is
 * {@code xxxx} followed by the last four characters of the value.
 *
 * @param name variable name
 * @param maskedValue masked value
 * @param createdAt creation time; null when CircleCI sent none or sent a value that is not a recognizable timestamp
 */
public record EnvVar(String name, String maskedValue, Instant createdAt) {
}
