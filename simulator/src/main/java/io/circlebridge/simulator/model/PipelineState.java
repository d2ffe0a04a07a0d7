package io.circlebridge.simulator.model;

/** Pipeline states as CircleCI's API spells them. A pipeline's state describes config processing, not the build result. */
public enum PipelineState {
    CREATED("created"),
    ERRORED("errored"),
    SETUP_PENDING("setup-pending"),
    SETUP("setup"),
    PENDING("pending");

    private final String wireValue;

    PipelineState(String wireValue) {
        this.wireValue = wireValue;
    }

    /** Returns the value the API sends, such as {@code setup-pending}. */
    public String wireValue() {
        return wireValue;
    }
}
