package io.circlebridge.simulator.model;

/** Job types: a build job runs steps, an approval job waits for a person to approve it. */
public enum JobType {
    BUILD("build"),
    APPROVAL("approval");

    private final String wireValue;

    JobType(String wireValue) {
        this.wireValue = wireValue;
    }

    /** Returns the value the API sends. */
    public String wireValue() {
        return wireValue;
    }
}
