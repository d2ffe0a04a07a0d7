package io.circlebridge.simulator.model;

/** The kind of CircleCI entity whose status a {@link StateChange} records. */
public enum EntityKind {
    PIPELINE,
    WORKFLOW,
    JOB
}
