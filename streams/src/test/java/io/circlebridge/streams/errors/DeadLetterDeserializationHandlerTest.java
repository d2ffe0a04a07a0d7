package io.circlebridge.streams.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.circlebridge.serde.SchemaRegistryException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Response;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Result;
import org.junit.jupiter.api.Test;

class DeadLetterDeserializationHandlerTest {

    private static final String DEAD_LETTER_TOPIC = "circleci.pipeline-status.dlq";

    private final DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler(Clock.systemUTC());

    @Test
    void shouldRequireDeadLetterTopic() {
        Map<String, Object> configs = Map.of();

        assertThatThrownBy(() -> handler.configure(configs))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value null for configuration errors.dead.letter.queue.topic.name: "
                        + "DeadLetterDeserializationHandler needs a dead-letter topic; set "
                        + "errors.dead.letter.queue.topic.name to its name.");
    }

    @Test
    void shouldResumeWithOneDeadLetterRecord() {
        handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, DEAD_LETTER_TOPIC));
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("circleci.jobs", 3, 1234L,
                bytes("pipeline-1"), new byte[] {0, 0, 0, 0, 7, 1});

        Response response = handler.handleError(null, record, new SerializationException("broken payload"));

        assertThat(response.result()).isEqualTo(Result.RESUME);
        List<ProducerRecord<byte[], byte[]>> deadLetters = response.deadLetterQueueRecords();
        assertThat(deadLetters).hasSize(1);
        ProducerRecord<byte[], byte[]> deadLetter = deadLetters.get(0);
        assertThat(deadLetter.topic()).isEqualTo(DEAD_LETTER_TOPIC);
        assertThat(deadLetter.key()).isEqualTo(record.key());
        assertThat(deadLetter.value()).isEqualTo(record.value());
        assertThat(header(deadLetter, DeadLetterDeserializationHandler.TOPIC_HEADER)).isEqualTo("circleci.jobs");
        assertThat(header(deadLetter, DeadLetterDeserializationHandler.PARTITION_HEADER)).isEqualTo("3");
        assertThat(header(deadLetter, DeadLetterDeserializationHandler.OFFSET_HEADER)).isEqualTo("1234");
        assertThat(header(deadLetter, DeadLetterDeserializationHandler.SCHEMA_ID_HEADER)).isEqualTo("7");
        assertThat(header(deadLetter, DeadLetterDeserializationHandler.MESSAGE_HEADER)).isEqualTo("broken payload");
        assertThat(header(deadLetter, DeadLetterDeserializationHandler.STACKTRACE_HEADER))
                .startsWith("org.apache.kafka.common.errors.SerializationException: broken payload");
    }

    @Test
    void shouldFailWithoutDeadLetterDuringRegistryOutage() {
        handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, DEAD_LETTER_TOPIC));
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("circleci.jobs", 0, 5L,
                bytes("pipeline-1"), new byte[] {0, 0, 0, 0, 9, 1});
        SerializationException outage = new SerializationException("schema id 9 could not be fetched",
                new SchemaRegistryException("GET /schemas/ids/9 failed: connection refused",
                        SchemaRegistryException.NO_RESPONSE));

        Response response = handler.handleError(null, record, outage);

        assertThat(response.result()).isEqualTo(Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void shouldOmitSchemaIdOfShortValue() {
        handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, DEAD_LETTER_TOPIC));
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("circleci.jobs", 0, 0L, null, new byte[] {0, 1});

        Response response = handler.handleError(null, record, new SerializationException("too short"));

        ProducerRecord<byte[], byte[]> deadLetter = response.deadLetterQueueRecords().get(0);
        assertThat(deadLetter.headers().lastHeader(DeadLetterDeserializationHandler.SCHEMA_ID_HEADER)).isNull();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
