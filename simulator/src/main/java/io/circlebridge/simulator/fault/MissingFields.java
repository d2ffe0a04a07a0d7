package io.circlebridge.simulator.fault;

/** Levels of the missing-fields fault: the fields it drops from pipelines, workflows and jobs. */
public enum MissingFields {
    /** Every field is sent. */
    NONE,
    /** Fields the spec marks optional or nullable are left out, such as {@code updated_at} and {@code stopped_at}. */
    OPTIONAL,
    /**
     * Optional fields and also some the spec marks required but real responses have lacked: {@code started_at},
     * {@code vcs}, {@code trigger.actor.avatar_url}, {@code project.id}.
     */
    REQUIRED
}
