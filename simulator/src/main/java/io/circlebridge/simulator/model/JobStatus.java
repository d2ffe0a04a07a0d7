package io.circlebridge.simulator.model;

/** Job statuses from CircleCI's API spec, with the set that never changes again. */
public enum JobStatus {
    SUCCESS("success", true),
    RUNNING("running", false),
    NOT_RUN("not_run", true),
    FAILED("failed", true),
    RETRIED("retried", true),
    QUEUED("queued", false),
    NOT_RUNNING("not_running", false),
    INFRASTRUCTURE_FAIL("infrastructure_fail", true),
    TIMEDOUT("timedout", true),
    ON_HOLD("on_hold", false),
    TERMINATED_UNKNOWN("terminated-unknown", true),
    BLOCKED("blocked", false),
    CANCELED("canceled", true),
    UNAUTHORIZED("unauthorized", true);

    private final String wireValue;
    private final boolean terminal;

    JobStatus(String wireValue, boolean terminal) {
        this.wireValue = wireValue;
        this.terminal = terminal;
    }

    /** Returns the value the API sends, such as {@code not_running}. */
    public String wireValue() {
        return wireValue;
    }

    /** Returns whether a job with this status can still change. */
    public boolean isTerminal() {
        return terminal;
    }
}
