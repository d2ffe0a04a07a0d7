package io.circlebridge.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.circlebridge.simulator.fault.InjectedResponse;
import java.util.Map;

/**
 * A response ready to send.
 *
 * @param headers extra headers besides {@code Content-Type}
 */
record ApiResponse(int status, String contentType, Map<String, String> headers, byte[] body) {

    static final String JSON = "application/json";

    ApiResponse {
        headers = Map.copyOf(headers);
    }

    static ApiResponse json(int status, JsonNode body) {
        return new ApiResponse(status, JSON, Map.of(), Json.bytes(body));
    }

    static ApiResponse ok(JsonNode body) {
        return json(200, body);
    }

    static ApiResponse message(int status, String message) {
        return json(status, Json.message(message));
    }

    static ApiResponse from(InjectedResponse injected) {
        return new ApiResponse(injected.status(), injected.contentType(), injected.headers(), injected.body());
    }

    ApiResponse withBody(byte[] newBody) {
        return new ApiResponse(status, contentType, headers, newBody);
    }
}
