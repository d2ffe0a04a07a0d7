package io.circlebridge.topic;

import io.circlebridge.schema.CommandResult;
import io.circlebridge.schema.JobEvent;
import io.circlebridge.schema.PipelineEvent;
import io.circlebridge.schema.PipelineStatus;
import io.circlebridge.schema.TriggerPipelineCommand;
import io.circlebridge.schema.WorkflowEvent;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every topic CircleBridge reads or writes, with its contract: key, value type and cleanup policy. Topic names are
 * a configurable prefix (default {@value Topics#DEFAULT_PREFIX}) followed by {@link #suffix()}.
 */
public enum Topic {

    PIPELINES("pipelines", "pipeline id", PipelineEvent.class, CleanupPolicy.DELETE,
            "the poller, on each new pipeline and pipeline state change"),
    WORKFLOWS("workflows", "pipeline id", WorkflowEvent.class, CleanupPolicy.DELETE,
            "the poller, on each new workflow and workflow status change"),
    JOBS("jobs", "pipeline id", JobEvent.class, CleanupPolicy.DELETE,
            "the poller, on each new job and job status change"),
    PIPELINE_STATUS("pipeline-status", "pipeline id", PipelineStatus.class, CleanupPolicy.COMPACT,
            "the streams app, folding the three event topics"),
    COMMANDS("commands", "any (producer's choice)", TriggerPipelineCommand.class, CleanupPolicy.DELETE,
            "deploy bots and other clients that want a pipeline triggered"),
    COMMAND_RESULTS("command-results", "command id", CommandResult.class, CleanupPolicy.COMPACT,
            "the poller's command handler, one result per command id"),
    COMMANDS_DLQ("commands.dlq", "original key", null, CleanupPolicy.DELETE,
            "the command handler, for commands it cannot read; original bytes with error headers"),
    PIPELINE_STATUS_DLQ("pipeline-status.dlq", "original key", null, CleanupPolicy.DELETE,
            "the streams app, for event records it cannot read; original bytes with error headers"),
    POLLER_CHECKPOINTS("poller-checkpoints", "pipeline id", null, CleanupPolicy.COMPACT,
            "the poller, in the same transaction as its events; internal, read back on restart");

    /** Kafka's {@code cleanup.policy} values used by CircleBridge topics. */
    public enum CleanupPolicy {
        DELETE, COMPACT;

        /** The value of the topic config {@code cleanup.policy}. */
        public String configValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final String suffix;
    private final String key;
    private final Class<? extends SpecificRecord> valueType;
    private final CleanupPolicy cleanupPolicy;
    private final String producedBy;

    Topic(String suffix, String key, Class<? extends SpecificRecord> valueType, CleanupPolicy cleanupPolicy,
          String producedBy) {
        this.suffix = suffix;
        this.key = key;
        this.valueType = valueType;
        this.cleanupPolicy = cleanupPolicy;
        this.producedBy = producedBy;
    }

    public String suffix() {
        return suffix;
    }

    /** What the record key holds. */
    public String key() {
        return key;
    }

    /** The generated Avro class of the values, or null for topics whose values are not Avro records of ours. */
    public Class<? extends SpecificRecord> valueType() {
        return valueType;
    }

    public CleanupPolicy cleanupPolicy() {
        return cleanupPolicy;
    }

    /** Which part of CircleBridge (or of its users) writes the topic. */
    public String producedBy() {
        return producedBy;
    }
}
