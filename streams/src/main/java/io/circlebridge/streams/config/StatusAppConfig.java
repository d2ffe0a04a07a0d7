package io.circlebridge.streams.config;

import io.circlebridge.config.ConfigLoader;
import io.circlebridge.serde.AvroSerdeConfig;
import io.circlebridge.serde.SchemaRegistryClient;
import io.circlebridge.streams.errors.DeadLetterDeserializationHandler;
import io.circlebridge.streams.topology.StatusTopology;
import io.circlebridge.topic.Topics;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Settings of the status streams app, declared once with type, default, validator, importance and documentation.
 *
 * <p>Keys starting with {@value #KAFKA_PREFIX} pass through to Kafka Streams and its clients with the prefix removed,
 * such as {@code kafka.commit.interval.ms} or {@code kafka.security.protocol}. The {@code schema.registry.*} keys of
 * {@link AvroSerdeConfig} are accepted too. Invalid settings fail the constructor with a {@link ConfigException} that
 * names the key, the value and the fix.
 */
public final class StatusAppConfig extends AbstractConfig {

    /** Prefix of the keys passed through to Kafka Streams. */
    public static final String KAFKA_PREFIX = "kafka.";

    public static final String BOOTSTRAP_SERVERS_CONFIG = StreamsConfig.BOOTSTRAP_SERVERS_CONFIG;
    private static final String BOOTSTRAP_SERVERS_DOC =
            "Kafka brokers to connect to, as a comma-separated list of host:port pairs such as 127.0.0.1:9092.";

    public static final String SCHEMA_REGISTRY_URL_CONFIG = AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG;
    private static final String SCHEMA_REGISTRY_URL_DOC =
            "Base URL of a registry speaking the Confluent Schema Registry REST API, such as http://127.0.0.1:8081 "
                    + "or Apicurio's http://127.0.0.1:8080/apis/ccompat/v7.";

    public static final String TOPIC_PREFIX_CONFIG = "topic.prefix";
    private static final String TOPIC_PREFIX_DOC =
            "Prefix of every CircleBridge topic name; the app reads <prefix>pipelines, <prefix>workflows and "
                    + "<prefix>jobs and writes <prefix>pipeline-status and <prefix>"
                    + StatusTopology.DEAD_LETTER_TOPIC_SUFFIX + ".";
    public static final String DEFAULT_TOPIC_PREFIX = Topics.DEFAULT_PREFIX;

    public static final String APPLICATION_ID_CONFIG = StreamsConfig.APPLICATION_ID_CONFIG;
    private static final String APPLICATION_ID_DOC =
            "Kafka Streams application id: the consumer group id and the prefix of the app's internal topics. "
                    + "Instances with the same id share the work.";
    public static final String DEFAULT_APPLICATION_ID = "circlebridge-status";

    public static final String STATE_DIR_CONFIG = StreamsConfig.STATE_DIR_CONFIG;
    private static final String STATE_DIR_DOC =
            "Directory for the local state stores. When unset, Kafka Streams uses kafka-streams under the JVM's "
                    + "temporary directory.";

    public static final String PROCESSING_GUARANTEE_CONFIG = StreamsConfig.PROCESSING_GUARANTEE_CONFIG;
    private static final String PROCESSING_GUARANTEE_DOC =
            "exactly_once_v2 keeps the status table equal to a fold of the event topics after a crash; "
                    + "at_least_once may fold an event twice, which the fold tolerates, but may lose dead-letter "
                    + "records on a crash.";
    public static final String DEFAULT_PROCESSING_GUARANTEE = StreamsConfig.EXACTLY_ONCE_V2;

    public static final String REPLICATION_FACTOR_CONFIG = StreamsConfig.REPLICATION_FACTOR_CONFIG;
    private static final String REPLICATION_FACTOR_DOC =
            "Replication factor of the topics the app creates: its internal topics, the pipeline-status topic and "
                    + "the dead-letter topic. -1 takes the broker's default.replication.factor; set 1 for a "
                    + "single broker whose default is higher.";
    public static final int DEFAULT_REPLICATION_FACTOR = -1;

    /** Kafka's legal topic name characters; the prefix becomes part of every topic name. */
    private static final Pattern TOPIC_NAME_CHARACTERS = Pattern.compile("[a-zA-Z0-9._-]*");
    private static final Pattern HOST_PORT = Pattern.compile("[^\\s:]+:\\d{1,5}|\\[[0-9a-fA-F:.]+\\]:\\d{1,5}");
    private static final List<String> PROCESSING_GUARANTEES =
            List.of(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE);

    /** Keys this class sets on Kafka Streams itself; passing them through as well would be ambiguous. */
    private static final Set<String> STREAMS_KEYS = Set.of(BOOTSTRAP_SERVERS_CONFIG, APPLICATION_ID_CONFIG,
            STATE_DIR_CONFIG, PROCESSING_GUARANTEE_CONFIG, REPLICATION_FACTOR_CONFIG);

    public static final ConfigDef CONFIG = configDef();

    /** Reads {@code originals}, typically from {@link ConfigLoader#load}, and validates every setting. */
    public StatusAppConfig(Map<?, ?> originals) {
        super(CONFIG, checked(originals), false);
    }

    public List<String> bootstrapServers() {
        return getList(BOOTSTRAP_SERVERS_CONFIG);
    }

    public Topics topics() {
        return new Topics(getString(TOPIC_PREFIX_CONFIG));
    }

    public String applicationId() {
        return getString(APPLICATION_ID_CONFIG);
    }

    /** Returns the replication factor for topics the app creates, or -1 for the broker's default. */
    public short replicationFactor() {
        return getInt(REPLICATION_FACTOR_CONFIG).shortValue();
    }

    public String deadLetterTopic() {
        return StatusTopology.deadLetterTopic(topics());
    }

    /** Returns the {@value #KAFKA_PREFIX} settings with the prefix removed. */
    public Map<String, Object> kafkaOverrides() {
        return originalsWithPrefix(KAFKA_PREFIX);
    }

    /**
     * Builds the Kafka Streams configuration: the declared settings, the dead-letter handling of unreadable records,
     * then the {@value #KAFKA_PREFIX} settings, which may override anything but the declared keys.
     */
    public Properties streamsProperties() {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId());
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", bootstrapServers()));
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, getString(PROCESSING_GUARANTEE_CONFIG));
        properties.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, getInt(REPLICATION_FACTOR_CONFIG));
        if (getString(STATE_DIR_CONFIG) != null) {
            properties.put(StreamsConfig.STATE_DIR_CONFIG, getString(STATE_DIR_CONFIG));
        }
        properties.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationHandler.class.getName());
        properties.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, deadLetterTopic());
        properties.putAll(kafkaOverrides());
        return properties;
    }

    /** Creates a REST client for the configured schema registry, honouring its timeout settings. */
    public SchemaRegistryClient createSchemaRegistryClient() {
        Map<String, Object> registrySettings = new HashMap<>();
        for (String key : AvroSerdeConfig.CONFIG.names()) {
            registrySettings.put(key, values().get(key));
        }
        return new AvroSerdeConfig(registrySettings).createClient();
    }

    /** Renders the effective settings, defaults and pass-through keys included, one per line with secrets hidden. */
    public String describe() {
        Map<String, Object> effective = new TreeMap<>(values());
        originals().forEach((key, value) -> {
            if (key.startsWith(KAFKA_PREFIX)) {
                effective.put(key, value);
            }
        });
        effective.put(SCHEMA_REGISTRY_URL_CONFIG, withoutUserInfo(getString(SCHEMA_REGISTRY_URL_CONFIG)));
        return ConfigLoader.describe(CONFIG, effective);
    }

    /** Hides credentials written into a URL as {@code user:password@host}. */
    private static String withoutUserInfo(String url) {
        try {
            URI uri = new URI(url.strip());
            if (uri.getRawUserInfo() == null) {
                return url;
            }
            return url.replace(uri.getRawUserInfo() + "@", "[hidden]@");
        } catch (URISyntaxException e) {
            return url;
        }
    }

    private static ConfigDef configDef() {
        ConfigDef definition = new ConfigDef()
                .define(BOOTSTRAP_SERVERS_CONFIG, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, hostPortList(),
                        Importance.HIGH, BOOTSTRAP_SERVERS_DOC)
                .define(SCHEMA_REGISTRY_URL_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, httpUrl(),
                        Importance.HIGH, SCHEMA_REGISTRY_URL_DOC)
                .define(TOPIC_PREFIX_CONFIG, Type.STRING, DEFAULT_TOPIC_PREFIX, topicNameCharacters(false),
                        Importance.MEDIUM, TOPIC_PREFIX_DOC)
                .define(APPLICATION_ID_CONFIG, Type.STRING, DEFAULT_APPLICATION_ID, topicNameCharacters(true),
                        Importance.MEDIUM, APPLICATION_ID_DOC)
                .define(STATE_DIR_CONFIG, Type.STRING, null, nullOrNotBlank(), Importance.MEDIUM, STATE_DIR_DOC)
                .define(PROCESSING_GUARANTEE_CONFIG, Type.STRING, DEFAULT_PROCESSING_GUARANTEE, processingGuarantee(),
                        Importance.MEDIUM, PROCESSING_GUARANTEE_DOC)
                .define(REPLICATION_FACTOR_CONFIG, Type.INT, DEFAULT_REPLICATION_FACTOR, replicationFactorRange(),
                        Importance.LOW, REPLICATION_FACTOR_DOC);
        // The serde's timeout settings keep their own declaration; only the URL is declared above, for the check.
        for (ConfigDef.ConfigKey key : AvroSerdeConfig.CONFIG.configKeys().values()) {
            if (!key.name.equals(SCHEMA_REGISTRY_URL_CONFIG)) {
                definition.define(key);
            }
        }
        return definition;
    }

    /**
     * Rejects a missing required key and a pass-through key that duplicates a declared one, with the fix, before
     * {@link AbstractConfig} parses the rest; its own message for a missing key does not say what to set.
     */
    private static Map<?, ?> checked(Map<?, ?> originals) {
        for (String key : List.of(BOOTSTRAP_SERVERS_CONFIG, SCHEMA_REGISTRY_URL_CONFIG)) {
            if (originals.get(key) == null) {
                throw new ConfigException("Missing required configuration " + key + ": set it in the properties "
                        + "file or the environment variable " + ConfigLoader.environmentVariableOf(key) + ". "
                        + CONFIG.configKeys().get(key).documentation);
            }
        }
        for (String key : STREAMS_KEYS) {
            if (originals.containsKey(KAFKA_PREFIX + key)) {
                throw new ConfigException(KAFKA_PREFIX + key, originals.get(KAFKA_PREFIX + key),
                        "it duplicates the setting " + key + "; set " + key + " instead.");
            }
        }
        return originals;
    }

    private static ConfigDef.Validator hostPortList() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            List<?> servers = (List<?>) value;
            if (servers == null || servers.isEmpty()) {
                throw new ConfigException(name, value, "set at least one broker as host:port, such as 127.0.0.1:9092.");
            }
            for (Object server : servers) {
                if (!HOST_PORT.matcher(server.toString()).matches()) {
                    throw new ConfigException(name, value, "'" + server + "' is not host:port; write each broker as "
                            + "host:port, such as 127.0.0.1:9092, and separate brokers with commas.");
                }
            }
        }, () -> "comma-separated host:port pairs");
    }

    private static ConfigDef.Validator httpUrl() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            String text = (String) value;
            String problem = null;
            if (text == null || text.isBlank()) {
                problem = "the URL is empty";
            } else {
                try {
                    URI uri = new URI(text.strip());
                    if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                        problem = "the URL does not start with http:// or https://";
                    } else if (uri.getHost() == null) {
                        problem = "the URL names no host";
                    }
                } catch (URISyntaxException e) {
                    problem = "it is not a URL (" + e.getReason() + ")";
                }
            }
            if (problem != null) {
                throw new ConfigException(name, value, problem + "; set the registry's base URL, such as "
                        + "http://127.0.0.1:8081.");
            }
        }, () -> "an http or https URL");
    }

    private static ConfigDef.Validator topicNameCharacters(boolean required) {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            String text = (String) value;
            if (required && (text == null || text.isEmpty())) {
                throw new ConfigException(name, value, "it must not be empty; set it or remove the key to take "
                        + "the default.");
            }
            if (text != null && !TOPIC_NAME_CHARACTERS.matcher(text).matches()) {
                throw new ConfigException(name, value, "it may contain only ASCII letters, digits, '.', '_' and "
                        + "'-', because it becomes part of Kafka topic names.");
            }
        }, () -> "ASCII letters, digits, '.', '_' and '-'" + (required ? ", not empty" : ""));
    }

    private static ConfigDef.Validator nullOrNotBlank() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            if (value != null && value.toString().isBlank()) {
                throw new ConfigException(name, value, "set a directory path, or remove the key to take the "
                        + "default.");
            }
        }, () -> "a directory path");
    }

    private static ConfigDef.Validator processingGuarantee() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            if (!PROCESSING_GUARANTEES.contains(value)) {
                throw new ConfigException(name, value, "set one of " + String.join(", ", PROCESSING_GUARANTEES)
                        + ".");
            }
        }, () -> String.join(", ", PROCESSING_GUARANTEES));
    }

    private static ConfigDef.Validator replicationFactorRange() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            int factor = (Integer) value;
            if (factor != -1 && (factor < 1 || factor > Short.MAX_VALUE)) {
                throw new ConfigException(name, value, "set -1 for the broker's default or a number of replicas "
                        + "from 1 to " + Short.MAX_VALUE + ".");
            }
        }, () -> "-1 or 1.." + Short.MAX_VALUE);
    }
}
