package io.circlebridge.poller.kafka;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.circlebridge.poller.detect.PipelineCheckpoint;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Encodes checkpoints as JSON for the internal checkpoint topic, which only the poller reads. */
public final class CheckpointCodec {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private CheckpointCodec() {
    }

    public static byte[] encode(PipelineCheckpoint checkpoint) {
        try {
            return JSON.writeValueAsBytes(checkpoint);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode the checkpoint of pipeline " + checkpoint.pipelineId(), e);
        }
    }

    /** Decodes a checkpoint written by {@link #encode}. */
    public static PipelineCheckpoint decode(byte[] bytes) throws IOException {
        return JSON.readValue(bytes, PipelineCheckpoint.class);
    }
}
