package io.circlebridge.streams.topology;

import io.circlebridge.schema.JobEvent;
import io.circlebridge.schema.PipelineEvent;
import io.circlebridge.schema.PipelineStatus;
import io.circlebridge.schema.WorkflowEvent;
import io.circlebridge.streams.logging.WarningLimiter;
import io.circlebridge.topic.Topic;
import io.circlebridge.topic.Topics;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The Kafka Streams topology that folds the pipeline, workflow and job topics into one {@link PipelineStatus} per
 * pipeline, kept in the store {@value #STATUS_STORE} and written to the compacted pipeline-status topic.
 *
 * <p>All three event topics are keyed by pipeline id and co-partitioned, so the streams are cogrouped by their key
 * without a repartition topic. Folding follows {@link PipelineStatusFolder}.
 *
 * <p>NOTE: Kafka Streams forwards every aggregation result, so an ignored duplicate or stale event writes the
 * unchanged status to the output topic once more. The table keeps its value and compaction drops the copy.
 */
public final class StatusTopology {

    /** Name of the key-value store holding the latest status of each pipeline, for interactive queries. */
    public static final String STATUS_STORE = "pipeline-status-store";

    /** Suffix of the dead-letter topic after the topic prefix. */
    public static final String DEAD_LETTER_TOPIC_SUFFIX = Topic.PIPELINE_STATUS_DLQ.suffix();

    private StatusTopology() {
    }

    /** Builds the topology with the system clock pacing its warnings. */
    public static Topology build(Topics topics, StatusSerdes serdes) {
        return build(topics, serdes, Clock.systemUTC());
    }

    /**
     * Builds the topology.
     *
     * @param clock paces the rate-limited warnings about skipped records
     */
    public static Topology build(Topics topics, StatusSerdes serdes, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        AtomicLong skipped = new AtomicLong();
        WarningLimiter warnings = new WarningLimiter(clock, WarningLimiter.DEFAULT_INTERVAL);

        KGroupedStream<String, PipelineEvent> pipelines =
                groupedEvents(builder, topics.pipelines(), "pipelines", serdes.pipelineEvents(), skipped, warnings);
        KGroupedStream<String, WorkflowEvent> workflows =
                groupedEvents(builder, topics.workflows(), "workflows", serdes.workflowEvents(), skipped, warnings);
        KGroupedStream<String, JobEvent> jobs =
                groupedEvents(builder, topics.jobs(), "jobs", serdes.jobEvents(), skipped, warnings);

        KTable<String, PipelineStatus> statuses = pipelines
                .<PipelineStatus>cogroup((pipelineId, event, status) -> PipelineStatusFolder.apply(event, status))
                .cogroup(workflows, (pipelineId, event, status) -> PipelineStatusFolder.apply(event, status))
                .cogroup(jobs, (pipelineId, event, status) -> PipelineStatusFolder.apply(event, status))
                .aggregate(
                        () -> null,
                        Named.as("fold-pipeline-status"),
                        Materialized.<String, PipelineStatus, KeyValueStore<Bytes, byte[]>>as(STATUS_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(serdes.pipelineStatus()));

        statuses.toStream(Named.as("pipeline-status-changes"))
                .to(topics.pipelineStatus(), Produced.with(Serdes.String(), serdes.pipelineStatus())
                        .withName("pipeline-status-sink"));
        return builder.build();
    }

    /** Returns the dead-letter topic for records of the event topics that cannot be deserialized. */
    public static String deadLetterTopic(Topics topics) {
        return topics.name(Topic.PIPELINE_STATUS_DLQ);
    }

    private static <V> KGroupedStream<String, V> groupedEvents(StreamsBuilder builder, String topic, String name,
                                                               Serde<V> serde, AtomicLong skipped,
                                                               WarningLimiter warnings) {
        return builder.stream(topic, Consumed.with(Serdes.String(), serde).withName(name + "-source"))
                .processValues(new NullRecordSkipper<V>(skipped, warnings), Named.as(name + "-skip-null-records"))
                .groupByKey(Grouped.with(name + "-by-pipeline", Serdes.String(), serde));
    }
}
