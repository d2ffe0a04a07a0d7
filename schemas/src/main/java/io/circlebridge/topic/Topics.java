package io.circlebridge.topic;

import java.util.Objects;

/** Resolves CircleBridge topic names under one prefix. */
public final class Topics {

    public static final String DEFAULT_PREFIX = "circleci.";

    private final String prefix;

    public Topics(String prefix) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    public static Topics withDefaultPrefix() {
        return new Topics(DEFAULT_PREFIX);
    }

    public String prefix() {
        return prefix;
    }

    /** The full name of {@code topic}, such as {@code circleci.pipelines}. */
    public String name(Topic topic) {
        return prefix + topic.suffix();
    }

    public String pipelines() {
        return name(Topic.PIPELINES);
    }

    public String workflows() {
        return name(Topic.WORKFLOWS);
    }

    public String jobs() {
        return name(Topic.JOBS);
    }

    public String pipelineStatus() {
        return name(Topic.PIPELINE_STATUS);
    }

    public String commands() {
        return name(Topic.COMMANDS);
    }

    public String commandResults() {
        return name(Topic.COMMAND_RESULTS);
    }

    public String commandsDeadLetter() {
        return name(Topic.COMMANDS_DLQ);
    }

    public String pollerCheckpoints() {
        return name(Topic.POLLER_CHECKPOINTS);
    }
}
