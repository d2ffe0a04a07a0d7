package io.circlebridge.serde;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Settings of the Avro serde, read from the Kafka client or Streams configuration it is given. */
public final class AvroSerdeConfig extends AbstractConfig {

    public static final String SCHEMA_REGISTRY_URL_CONFIG = "schema.registry.url";
    private static final String SCHEMA_REGISTRY_URL_DOC =
            "Base URL of a registry speaking the Confluent Schema Registry REST API, such as "
                    + "http://127.0.0.1:8081 or Apicurio's http://127.0.0.1:8080/apis/ccompat/v7.";

    public static final String REQUEST_TIMEOUT_MS_CONFIG = "schema.registry.request.timeout.ms";
    private static final String REQUEST_TIMEOUT_MS_DOC = "Timeout of one schema registry request, in milliseconds.";
    public static final long DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

    public static final String OUTAGE_MAX_WAIT_MS_CONFIG = "schema.registry.outage.max.wait.ms";
    private static final String OUTAGE_MAX_WAIT_MS_DOC =
            "How long a serializer or deserializer keeps retrying while the schema registry is unreachable or answers "
                    + "5xx before it fails, in milliseconds.";
    public static final long DEFAULT_OUTAGE_MAX_WAIT_MS = 300_000;

    public static final ConfigDef CONFIG = new ConfigDef()
            .define(SCHEMA_REGISTRY_URL_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                    new ConfigDef.NonEmptyString(), Importance.HIGH, SCHEMA_REGISTRY_URL_DOC)
            .define(REQUEST_TIMEOUT_MS_CONFIG, Type.LONG, DEFAULT_REQUEST_TIMEOUT_MS, ConfigDef.Range.atLeast(1),
                    Importance.LOW, REQUEST_TIMEOUT_MS_DOC)
            .define(OUTAGE_MAX_WAIT_MS_CONFIG, Type.LONG, DEFAULT_OUTAGE_MAX_WAIT_MS, ConfigDef.Range.atLeast(0),
                    Importance.LOW, OUTAGE_MAX_WAIT_MS_DOC);

    public AvroSerdeConfig(Map<?, ?> originals) {
        super(CONFIG, originals, false);
    }

    /** Creates a REST client for the configured registry. */
    public SchemaRegistryClient createClient() {
        return new RestSchemaRegistryClient(
                getString(SCHEMA_REGISTRY_URL_CONFIG),
                Duration.ofMillis(getLong(REQUEST_TIMEOUT_MS_CONFIG)),
                Duration.ofMillis(getLong(OUTAGE_MAX_WAIT_MS_CONFIG)));
    }
}
