package io.circlebridge.streams.topology;

import io.circlebridge.schema.JobEvent;
import io.circlebridge.schema.PipelineEvent;
import io.circlebridge.schema.PipelineStatus;
import io.circlebridge.schema.WorkflowEvent;
import io.circlebridge.serde.AvroSerde;
import io.circlebridge.serde.SchemaRegistryClient;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/** The value serdes of the status topology: one per event topic and one for the status table and its topic. */
public record StatusSerdes(
        Serde<PipelineEvent> pipelineEvents,
        Serde<WorkflowEvent> workflowEvents,
        Serde<JobEvent> jobEvents,
        Serde<PipelineStatus> pipelineStatus) {

    public StatusSerdes {
        Objects.requireNonNull(pipelineEvents, "pipelineEvents");
        Objects.requireNonNull(workflowEvents, "workflowEvents");
        Objects.requireNonNull(jobEvents, "jobEvents");
        Objects.requireNonNull(pipelineStatus, "pipelineStatus");
    }

    /** Creates Confluent-wire-format Avro serdes for record values that share one schema registry client. */
    public static StatusSerdes avro(SchemaRegistryClient registry) {
        return new StatusSerdes(
                new AvroSerde<>(PipelineEvent.class, registry),
                new AvroSerde<>(WorkflowEvent.class, registry),
                new AvroSerde<>(JobEvent.class, registry),
                new AvroSerde<>(PipelineStatus.class, registry));
    }
}
