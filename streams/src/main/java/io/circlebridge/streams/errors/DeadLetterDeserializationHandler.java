package io.circlebridge.streams.errors;

import io.circlebridge.serde.SchemaRegistryException;
import io.circlebridge.serde.WireFormat;
import io.circlebridge.streams.logging.WarningLimiter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a record that cannot be deserialized to the dead-letter topic named by
 * {@value StreamsConfig#ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG} and lets the application continue.
 *
 * <p>Kafka Streams 4.4 writes the returned dead-letter records itself, in the same transaction as the rest of the
 * task's output under exactly-once. NOTE: under exactly_once_v2 the dead-letter record becomes visible only when the
 * task next commits. Whether that commit happens when the unreadable record is the last one of its partition has not
 * been checked against a real broker. Each dead-letter record keeps the original key, value, timestamp and headers and
 * adds the error headers that Kafka Streams' own handlers write, plus {@value #SCHEMA_ID_HEADER} when the value starts
 * with a Confluent wire format header. This handler exists instead of {@code LogAndContinueExceptionHandler} because
 * its warning also names the schema id, and it is rate-limited.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    /** Class name of the exception that made the record unreadable. */
    public static final String EXCEPTION_HEADER = "__streams.errors.exception";
    /** Message of that exception. */
    public static final String MESSAGE_HEADER = "__streams.errors.message";
    /** Stack trace of that exception. */
    public static final String STACKTRACE_HEADER = "__streams.errors.stacktrace";
    /** Topic the record was read from. */
    public static final String TOPIC_HEADER = "__streams.errors.topic";
    /** Partition the record was read from, in decimal. */
    public static final String PARTITION_HEADER = "__streams.errors.partition";
    /** Offset of the record, in decimal. */
    public static final String OFFSET_HEADER = "__streams.errors.offset";
    /** Schema id from the value's Confluent wire format header, in decimal; absent when the header is missing. */
    public static final String SCHEMA_ID_HEADER = "circlebridge.errors.schema.id";

    private final WarningLimiter warnings;
    private String deadLetterTopic;

    /** For Kafka Streams, which creates the handler by reflection. */
    public DeadLetterDeserializationHandler() {
        this(Clock.systemUTC());
    }

    /** Creates a handler whose warnings are paced by {@code clock}. */
    public DeadLetterDeserializationHandler(Clock clock) {
        this.warnings = new WarningLimiter(clock, WarningLimiter.DEFAULT_INTERVAL);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        if (topic == null || topic.toString().isBlank()) {
            throw new ConfigException(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topic,
                    getClass().getSimpleName() + " needs a dead-letter topic; set "
                            + StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG + " to its name.");
        }
        deadLetterTopic = topic.toString();
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                Exception exception) {
        if (deadLetterTopic == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " is not configured: call configure() first");
        }
        OptionalInt schemaId = schemaIdOf(record.value());
        if (SchemaRegistryException.isOutageCause(exception)) {
            // The record is valid; only its schema could not be fetched. Failing lets the thread be replaced and
            // read it again from the last commit, instead of losing it to the dead-letter topic.
            log.warn("Cannot read the record of topic {} partition {} offset {} while the schema registry is "
                    + "unavailable; it is read again. Cause: {}", record.topic(), record.partition(),
                    record.offset(), exception.getMessage());
            return Response.fail();
        }

        OptionalLong heldBack = warnings.tryLog();
        if (heldBack.isPresent()) {
            log.warn("Sent an unreadable record of topic {} partition {} offset {} (schema id {}) to the dead-letter "
                            + "topic {} and continued: {} ({} more unreadable records since the last warning)",
                    record.topic(), record.partition(), record.offset(),
                    schemaId.isPresent() ? schemaId.getAsInt() : "unreadable", deadLetterTopic,
                    exception.getMessage(), heldBack.getAsLong());
        }
        log.debug("Deserialization failure of topic {} partition {} offset {}", record.topic(), record.partition(),
                record.offset(), exception);

        return Response.resume(List.of(deadLetterRecord(record, exception, schemaId)));
    }

    private ProducerRecord<byte[], byte[]> deadLetterRecord(ConsumerRecord<byte[], byte[]> record,
                                                            Exception exception, OptionalInt schemaId) {
        Headers headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        add(headers, EXCEPTION_HEADER, exception.getClass().getName());
        add(headers, MESSAGE_HEADER, String.valueOf(exception.getMessage()));
        add(headers, STACKTRACE_HEADER, stackTraceOf(exception));
        add(headers, TOPIC_HEADER, record.topic());
        add(headers, PARTITION_HEADER, String.valueOf(record.partition()));
        add(headers, OFFSET_HEADER, String.valueOf(record.offset()));
        if (schemaId.isPresent()) {
            add(headers, SCHEMA_ID_HEADER, String.valueOf(schemaId.getAsInt()));
        }
        // A producer rejects negative timestamps; null lets it stamp the current time instead.
        Long timestamp = record.timestamp() >= 0 ? record.timestamp() : null;
        return new ProducerRecord<>(deadLetterTopic, null, timestamp, record.key(), record.value(), headers);
    }

    /** Reads the schema id when {@code value} starts with a Confluent wire format header. */
    private static OptionalInt schemaIdOf(byte[] value) {
        if (value == null || value.length < WireFormat.HEADER_SIZE || value[0] != WireFormat.MAGIC_BYTE) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(ByteBuffer.wrap(value, 1, Integer.BYTES).getInt());
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String stackTraceOf(Exception exception) {
        StringWriter text = new StringWriter();
        exception.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
