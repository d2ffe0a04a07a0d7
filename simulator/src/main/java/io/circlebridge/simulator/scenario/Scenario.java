package io.circlebridge.simulator.scenario;

import java.util.Locale;
import java.util.Optional;

/**
 * The shape of a pipeline's run. Webhook pipelines always use {@link #MIXED}; an API trigger can ask for one
 * shape with the pipeline parameter {@value #PARAMETER}, such as {@code "simulator_scenario": "approval"}.
 */
public enum Scenario {
    /** Seeded mix: mostly successful, some failing, errored, setup, canceled and approval workflows. */
    MIXED,
    /** One {@code build-and-test} workflow whose jobs all succeed. */
    SUCCESS,
    /** One {@code build-and-test} workflow in which {@code unit-tests} fails while its siblings still run. */
    FAILURE,
    /** One {@code deploy} workflow that stops {@code on_hold} at an approval job until it is approved. */
    APPROVAL,
    /** An errored pipeline with an {@code errors} entry and no workflows. */
    ERRORED,
    /** A dynamic-config pipeline: a {@code setup} workflow runs first, then {@code build-and-test}. */
    SETUP,
    /** One {@code build-and-test} workflow that a user cancels while it runs. */
    CANCELED;

    /** The pipeline parameter that selects a scenario for an API trigger. */
    public static final String PARAMETER = "simulator_scenario";

    /** The pipeline parameter that, when {@code true}, makes the run endpoint create no pipeline. */
    public static final String SKIP_PARAMETER = "simulator_skip";

    /** Finds the scenario whose lower-case name is {@code value}. */
    public static Optional<Scenario> fromParameter(String value) {
        for (Scenario scenario : values()) {
            if (scenario.parameterValue().equals(value)) {
                return Optional.of(scenario);
            }
        }
        return Optional.empty();
    }

    /** Returns the value that selects this scenario in the {@value #PARAMETER} parameter. */
    public String parameterValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
