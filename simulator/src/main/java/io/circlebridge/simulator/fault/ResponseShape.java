package io.circlebridge.simulator.fault;

import java.util.List;
import java.util.stream.Stream;

/** The JSON objects that a missing-fields fault handles, with the fields it drops at each level. */
public enum ResponseShape {
    PIPELINE(
            List.of("updated_at", "trigger_parameters", "vcs/commit", "vcs/review_id", "vcs/review_url"),
            List.of("vcs", "trigger/actor/avatar_url")),
    WORKFLOW(
            List.of("tag", "canceled_by", "errored_by", "auto_rerun_number", "max_auto_reruns"),
            List.of("stopped_at", "started_by")),
    JOB(
            List.of("job_number", "stopped_at", "approval_request_id", "approved_by", "canceled_by", "requires"),
            List.of("started_at")),
    JOB_DETAILS(
            List.of("stopped_at", "executor/type"),
            List.of("project/id", "started_at", "duration"));

    private final List<String> optionalPaths;
    private final List<String> requiredPaths;

    ResponseShape(List<String> optionalPaths, List<String> requiredPaths) {
        this.optionalPaths = optionalPaths;
        this.requiredPaths = requiredPaths;
    }

    /** Returns the slash-separated field paths that {@code level} drops from objects of this shape. */
    public List<String> droppedPaths(MissingFields level) {
        return switch (level) {
            case NONE -> List.of();
            case OPTIONAL -> optionalPaths;
            case REQUIRED -> concat(optionalPaths, requiredPaths);
        };
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
