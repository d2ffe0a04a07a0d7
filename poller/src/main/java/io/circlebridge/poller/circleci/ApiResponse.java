package io.circlebridge.poller.circleci;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful response.
 *
 * @param status HTTP status, 2xx
 * @param body parsed JSON body
 */
record ApiResponse(int status, JsonNode body) {
}
