package io.circlebridge.simulator.api;

import io.circlebridge.simulator.scenario.Project;
import io.circlebridge.simulator.scenario.Simulation;
import java.util.Map;

/** Finds the project that the {@code {vcs}/{org}/{repo}} path variables address. */
final class Projects {

    static final String NOT_FOUND = "Project not found";

    private Projects() {
    }

    /**
     * Returns the project; call inside {@link Simulation#query}.
     *
     * @throws ApiException 404 {@code Project not found}
     */
    static Project require(Simulation simulation, Map<String, String> variables) {
        return simulation.project(variables.get("vcs"), variables.get("org"), variables.get("repo"))
                .orElseThrow(() -> new ApiException(404, NOT_FOUND));
    }

    /** Returns the slug as the path spelled it, for naming a paged list. */
    static String pathSlug(Map<String, String> variables) {
        return variables.get("vcs") + "/" + variables.get("org") + "/" + variables.get("repo");
    }
}
