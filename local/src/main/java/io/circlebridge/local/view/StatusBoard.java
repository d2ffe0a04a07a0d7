package io.circlebridge.local.view;

import io.circlebridge.local.config.LocalConfig.View;
import io.circlebridge.schema.PipelineStatus;
import io.circlebridge.serde.AvroDeserializer;
import io.circlebridge.serde.AvroSerdeConfig;
import io.circlebridge.topic.Topics;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live view of local mode: reads the pipeline status topic like any downstream consumer and shows the current
 * status of each pipeline, as a table redrawn every second on a terminal or as one line per change elsewhere.
 */
public final class StatusBoard implements Runnable, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StatusBoard.class);

    private static final String CLEAR_SCREEN = "\033[H\033[2J";
    private static final Duration REDRAW_INTERVAL = Duration.ofSeconds(1);
    private static final int MAX_ROWS = 20;

    private final Map<String, PipelineStatus> latest = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final KafkaConsumer<String, PipelineStatus> consumer;
    private final String topic;
    private final View view;
    private final PrintStream out;
    private final Clock clock;

    public StatusBoard(String bootstrapServers, String registryUrl, Topics topics, View view, PrintStream out,
                       Clock clock) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "circlebridge-local-view-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        AvroDeserializer<PipelineStatus> values = new AvroDeserializer<>(PipelineStatus.class);
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl), false);
        this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), values);
        this.topic = topics.pipelineStatus();
        if (view != View.AUTO) {
            this.view = view;
        } else if (System.console() != null) {
            this.view = View.TABLE;
        } else {
            this.view = View.LINES;
        }
        this.out = out;
        this.clock = clock;
    }

    /** Shows statuses until {@link #close()} is called. */
    @Override
    public void run() {
        if (view == View.NONE) {
            out.println("CircleBridge is running; press Ctrl-C to stop.");
        } else {
            out.println("Waiting for pipeline statuses on " + topic + "; press Ctrl-C to stop.");
        }
        Instant nextDraw = clock.instant();
        boolean changed = false;
        try {
            consumer.subscribe(List.of(topic));
            while (!closed.get()) {
                try {
                    for (ConsumerRecord<String, PipelineStatus> record : consumer.poll(Duration.ofMillis(250))) {
                        changed |= accept(record);
                    }
                } catch (RecordDeserializationException e) {
                    log.warn("Skipping the unreadable status at {} offset {}: {}", e.topicPartition(), e.offset(),
                            e.getMessage());
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
                if (view == View.TABLE && changed && !clock.instant().isBefore(nextDraw)) {
                    out.print(CLEAR_SCREEN + "CircleBridge: pipeline status (Ctrl-C to stop)\n\n"
                            + StatusTable.render(latest.values(), MAX_ROWS, clock.instant()));
                    out.flush();
                    changed = false;
                    nextDraw = clock.instant().plus(REDRAW_INTERVAL);
                }
            }
        } catch (WakeupException e) {
            if (!closed.get()) {
                throw e;
            }
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() {
        closed.set(true);
        consumer.wakeup();
    }

    private boolean accept(ConsumerRecord<String, PipelineStatus> record) {
        if (record.key() == null || record.value() == null) {
            return false;
        }
        PipelineStatus previous = latest.put(record.key(), record.value());
        boolean changed = previous == null || !sameView(previous, record.value());
        if (changed && view == View.LINES) {
            out.print(StatusTable.row(record.value()));
            out.flush();
        }
        log.trace("Status of pipeline {} is {}", record.key(), record.value().getOverallStatus());
        return changed;
    }

    private static boolean sameView(PipelineStatus before, PipelineStatus after) {
        return StatusTable.row(before).equals(StatusTable.row(after));
    }
}
