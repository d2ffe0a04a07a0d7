package io.circlebridge.simulator.scenario;

import java.util.Map;
import java.util.Objects;

/**
 * A validated request to run a pipeline through the API.
 *
 * @param branch the branch to build; {@code null} when {@code tag} is set
 * @param tag the tag to build; {@code null} for branch pipelines
 * @param parameters pipeline parameters as the caller sent them
 * @param scenario the run's shape, {@link Scenario#MIXED} unless the parameters ask for another
 */
public record TriggerRequest(String branch, String tag, Map<String, Object> parameters, Scenario scenario) {

    public TriggerRequest {
        if ((branch == null) == (tag == null)) {
            throw new IllegalArgumentException("Exactly one of branch and tag must be set, got branch="
                    + branch + " tag=" + tag);
        }
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(scenario, "scenario");
    }
}
