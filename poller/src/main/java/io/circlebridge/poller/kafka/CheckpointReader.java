package io.circlebridge.poller.kafka;

import io.circlebridge.poller.detect.PipelineCheckpoint;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the committed checkpoints back from the checkpoint topic when the poller starts. */
public final class CheckpointReader {

    private static final Logger log = LoggerFactory.getLogger(CheckpointReader.class);

    private CheckpointReader() {
    }

    /** Returns the latest committed checkpoint per pipeline id; deleted checkpoints are absent. */
    public static Map<String, PipelineCheckpoint> readAll(Map<String, Object> clientSettings, String topic,
                                                          Duration timeout) {
        Map<String, PipelineCheckpoint> checkpoints = new HashMap<>();
        TopicReader.readAll(clientSettings, topic, timeout, record -> apply(record, checkpoints));
        log.info("Restored {} pipeline checkpoints from {}", checkpoints.size(), topic);
        return checkpoints;
    }

    private static void apply(ConsumerRecord<String, byte[]> record, Map<String, PipelineCheckpoint> checkpoints) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            checkpoints.remove(record.key());
            return;
        }
        try {
            checkpoints.put(record.key(), CheckpointCodec.decode(record.value()));
        } catch (IOException e) {
            log.warn("Skipping the unreadable checkpoint of pipeline {} at {}-{} offset {}; the pipeline will be "
                    + "polled as new. Cause: {}", record.key(), record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }
}
