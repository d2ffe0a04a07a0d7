package io.circlebridge.streams.topology;

import io.circlebridge.streams.logging.WarningLimiter;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops records of an event topic that have a null key or a null value, counting them and logging a rate-limited
 * warning. Events are keyed by pipeline id and never deleted, so such a record was not written by CircleBridge and
 * cannot be folded. The aggregation would drop it too, but with a warning per record.
 */
final class NullRecordSkipper<V> implements FixedKeyProcessorSupplier<String, V, V> {

    private static final Logger log = LoggerFactory.getLogger(NullRecordSkipper.class);

    private final AtomicLong skipped;
    private final WarningLimiter warnings;

    /** Creates a skipper that adds to {@code skipped}, which the skippers of all event topics share. */
    NullRecordSkipper(AtomicLong skipped, WarningLimiter warnings) {
        this.skipped = skipped;
        this.warnings = warnings;
    }

    @Override
    public FixedKeyProcessor<String, V, V> get() {
        return new Processor();
    }

    private final class Processor implements FixedKeyProcessor<String, V, V> {

        private FixedKeyProcessorContext<String, V> context;

        @Override
        public void init(FixedKeyProcessorContext<String, V> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, V> record) {
            if (record.key() != null && record.value() != null) {
                context.forward(record);
                return;
            }

            long total = skipped.incrementAndGet();
            OptionalLong heldBack = warnings.tryLog();
            if (heldBack.isPresent()) {
                String missing = record.key() == null ? "key" : "value";
                RecordMetadata origin = context.recordMetadata().orElse(null);
                log.warn("Skipped a record with a null {} at topic {} partition {} offset {}: events must be keyed by "
                                + "pipeline id and carry a value. {} records skipped since start, {} not logged since "
                                + "the last warning.",
                        missing,
                        origin == null ? "?" : origin.topic(),
                        origin == null ? "?" : origin.partition(),
                        origin == null ? "?" : origin.offset(),
                        total, heldBack.getAsLong());
            }
        }
    }
}
