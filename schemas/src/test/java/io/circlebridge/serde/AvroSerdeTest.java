package io.circlebridge.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.circlebridge.schema.JobEvent;
import io.circlebridge.schema.PipelineEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AvroSerdeTest {

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    static Iterable<SpecificRecord> samples() {
        return SampleRecords.all();
    }

    @ParameterizedTest
    @MethodSource("samples")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void shouldRoundTripEverySchema(SpecificRecord sample) {
        AvroSerde serde = new AvroSerde(sample.getClass(), registry);

        byte[] bytes = serde.serializer().serialize("some-topic", sample);
        Object read = serde.deserializer().deserialize("some-topic", bytes);

        assertThat(read).isEqualTo(sample);
    }

    @Test
    void shouldWriteConfluentWireFormat() throws IOException {
        AvroSerializer<PipelineEvent> serializer = new AvroSerializer<>(registry);
        PipelineEvent event = SampleRecords.pipelineEvent();

        byte[] bytes = serializer.serialize("circleci.pipelines", event);

        int id = registry.versions("circleci.pipelines-value").get(0);
        assertThat(bytes[0]).isEqualTo((byte) 0);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
        byte[] avro = Arrays.copyOfRange(bytes, 5, bytes.length);
        PipelineEvent decoded = new SpecificDatumReader<>(PipelineEvent.class)
                .read(null, DecoderFactory.get().binaryDecoder(avro, null));
        assertThat(decoded).isEqualTo(event);
    }

    @Test
    void shouldRegisterUnderKeySubjectWhenConfiguredForKeys() {
        AvroSerializer<PipelineEvent> serializer = new AvroSerializer<>(registry);
        serializer.configure(Map.of(), true);

        serializer.serialize("circleci.pipelines", SampleRecords.pipelineEvent());

        assertThat(registry.versions("circleci.pipelines-key")).hasSize(1);
        assertThat(registry.versions("circleci.pipelines-value")).isEmpty();
    }

    @Test
    void shouldNameTopicAndByteWhenMagicByteIsWrong() {
        AvroDeserializer<JobEvent> deserializer = new AvroDeserializer<>(JobEvent.class, registry);

        assertThatThrownBy(() -> deserializer.deserialize("circleci.jobs", "{\"job\":1}".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic 'circleci.jobs'")
                .hasMessageContaining("0x7b")
                .hasMessageContaining("magic byte 0x00");
    }

    @Test
    void shouldNameSchemaIdWhenRegistryDoesNotKnowIt() {
        AvroDeserializer<JobEvent> deserializer = new AvroDeserializer<>(JobEvent.class, registry);
        byte[] bytes = ByteBuffer.allocate(6).put((byte) 0).putInt(999).put((byte) 0).array();

        assertThatThrownBy(() -> deserializer.deserialize("circleci.jobs", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic 'circleci.jobs'")
                .hasMessageContaining("schema id 999 is unknown to the schema registry");
    }

    @Test
    void shouldRejectRecordOfAnotherSchema() {
        byte[] jobEvent = new AvroSerializer<JobEvent>(registry).serialize("circleci.jobs", SampleRecords.jobEvent());
        AvroDeserializer<PipelineEvent> deserializer = new AvroDeserializer<>(PipelineEvent.class, registry);

        assertThatThrownBy(() -> deserializer.deserialize("circleci.pipelines", jobEvent))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic 'circleci.pipelines'")
                .hasMessageContaining("is io.circlebridge.schema.JobEvent, not io.circlebridge.schema.PipelineEvent");
    }

    @Test
    void shouldNameTruncatedRecord() {
        byte[] whole = new AvroSerializer<PipelineEvent>(registry).serialize("circleci.pipelines",
                SampleRecords.pipelineEvent());
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);
        AvroDeserializer<PipelineEvent> deserializer = new AvroDeserializer<>(PipelineEvent.class, registry);

        assertThatThrownBy(() -> deserializer.deserialize("circleci.pipelines", truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("the record is truncated");
    }

    @Test
    void shouldRejectRecordShorterThanHeader() {
        AvroDeserializer<JobEvent> deserializer = new AvroDeserializer<>(JobEvent.class, registry);

        assertThatThrownBy(() -> deserializer.deserialize("circleci.jobs", new byte[] {0, 0}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("has 2 bytes");
    }

    @Test
    void shouldPassNullThroughForTombstones() {
        AvroSerde<JobEvent> serde = new AvroSerde<>(JobEvent.class, registry);

        assertThat(serde.serializer().serialize("circleci.jobs", null)).isNull();
        assertThat(serde.deserializer().deserialize("circleci.jobs", null)).isNull();
    }
}
