package io.circlebridge.simulator.model;

/** Workflow statuses from CircleCI's API spec, with the set that never changes again. */
public enum WorkflowStatus {
    SUCCESS("success", true),
    RUNNING("running", false),
    NOT_RUN("not_run", true),
    FAILED("failed", true),
    ERROR("error", true),
    FAILING("failing", false),
    ON_HOLD("on_hold", false),
    CANCELED("canceled", true),
    UNAUTHORIZED("unauthorized", true);

    private final String wireValue;
    private final boolean terminal;

    WorkflowStatus(String wireValue, boolean terminal) {
        this.wireValue = wireValue;
        this.terminal = terminal;
    }

    /** Returns the value the API sends, such as {@code on_hold}. */
    public String wireValue() {
        return wireValue;
    }

    /** Returns whether a workflow with this status can still change. */
    public boolean isTerminal() {
        return terminal;
    }
}
