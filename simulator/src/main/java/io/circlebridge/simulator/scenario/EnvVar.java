package io.circlebridge.simulator.scenario;

import java.time.Instant;

/** A project environment variable. The API never returns {@code value} unmasked. */
public record EnvVar(String name, String value, Instant createdAt) {

    /** Returns the value as the API shows it: {@code xxxx} followed by the value's last 4 characters. */
    public String maskedValue() {
        String tail = value.length() <= 4 ? value : value.substring(value.length() - 4);
        return "xxxx" + tail;
    }
}
