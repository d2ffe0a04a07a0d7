package io.circlebridge.simulator.api;

import io.circlebridge.simulator.fault.ResponseFaults;
import java.util.Map;

/** Handles one operation of the API. */
@FunctionalInterface
interface Endpoint {

    /**
     * Builds the response.
     *
     * @param variables the path variables, by the names the route pattern gives them
     * @param faults the response faults active for this request's path
     * @throws ApiException to respond with an error status and message
     */
    ApiResponse handle(ApiRequest request, Map<String, String> variables, ResponseFaults faults);
}
