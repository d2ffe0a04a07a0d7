package io.circlebridge.simulator.fault;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A response a fault sends instead of the real one.
 *
 * @param headers extra response headers, such as {@code Retry-After}
 */
public record InjectedResponse(int status, String contentType, Map<String, String> headers, byte[] body) {

    public InjectedResponse {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    static InjectedResponse json(int status, Map<String, String> headers, String json) {
        return new InjectedResponse(status, "application/json", headers, json.getBytes(StandardCharsets.UTF_8));
    }

    static InjectedResponse html(int status, String html) {
        return new InjectedResponse(status, "text/html", Map.of(), html.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns a copy of the body bytes. */
    @Override
    public byte[] body() {
        return body.clone();
    }
}
