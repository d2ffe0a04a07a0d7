package io.circlebridge.local.ksql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.circlebridge.ksql.KsqlScripts;
import io.circlebridge.ksql.KsqlScripts.Declaration;
import io.circlebridge.local.ksql.KsqlRestClient.KsqlRejectedException;
import io.circlebridge.serde.AvroSerializer;
import io.circlebridge.serde.RestSchemaRegistryClient;
import io.circlebridge.serde.SampleRecords;
import io.circlebridge.serde.SchemaRegistryClient;
import io.circlebridge.topic.Topic;
import io.circlebridge.topic.TopicProvisioner;
import io.circlebridge.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.ConfluentKafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Runs the repository's ksql/ statements on Confluent's ksqlDB, with Kafka and Schema Registry in containers. One
 * sample record per topic is written with CircleBridge's own serde. Every statement must succeed, and the declared
 * streams and tables must return the samples. Skipped where Docker is not available.
 *
 * <p>NOTE: Testcontainers' own Ryuk container, which removes the others after the run, still publishes its port on
 * every host interface; set TESTCONTAINERS_RYUK_DISABLED=true where that matters and remove containers by hand.
 */
@Testcontainers(disabledWithoutDocker = true)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class KsqlStatementsIT {

    private static final String CONFLUENT_VERSION = "7.9.0";
    private static final String KAFKA_LISTENER = "kafka:19092";
    private static final String REGISTRY_HOST = "schema-registry";
    private static final int REGISTRY_PORT = 8081;
    private static final int KSQLDB_PORT = 8088;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration RESULT_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration RESULT_POLL_INTERVAL = Duration.ofMillis(500);
    private static final Topics TOPICS = Topics.withDefaultPrefix();
    private static final String SAMPLE_PROJECT = "gh/example-org/example-repo";

    private static final Network NETWORK = Network.newNetwork();

    @Container
    private static final ConfluentKafkaContainer KAFKA = new ConfluentKafkaContainer(image("cp-kafka"))
            .withNetwork(NETWORK)
            .withListener(KAFKA_LISTENER)
            .withCreateContainerCmdModifier(ContainerPorts::bindToLoopback);

    @Container
    private static final GenericContainer<?> SCHEMA_REGISTRY = new GenericContainer<>(image("cp-schema-registry"))
            .withNetwork(NETWORK)
            .withNetworkAliases(REGISTRY_HOST)
            .withEnv("SCHEMA_REGISTRY_HOST_NAME", REGISTRY_HOST)
            .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:" + REGISTRY_PORT)
            .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://" + KAFKA_LISTENER)
            .withExposedPorts(REGISTRY_PORT)
            .waitingFor(Wait.forHttp("/subjects").forStatusCode(200))
            .withCreateContainerCmdModifier(ContainerPorts::bindToLoopback)
            .dependsOn(KAFKA);

    @Container
    private static final GenericContainer<?> KSQLDB = new GenericContainer<>(image("cp-ksqldb-server"))
            .withNetwork(NETWORK)
            .withEnv("KSQL_BOOTSTRAP_SERVERS", KAFKA_LISTENER)
            .withEnv("KSQL_LISTENERS", "http://0.0.0.0:" + KSQLDB_PORT)
            .withEnv("KSQL_KSQL_SCHEMA_REGISTRY_URL", "http://" + REGISTRY_HOST + ":" + REGISTRY_PORT)
            .withEnv("KSQL_KSQL_SERVICE_ID", "circlebridge_it_")
            .withEnv("KSQL_KSQL_STREAMS_AUTO_OFFSET_RESET", "earliest")
            // Without record caching and with short commits, derived tables show new rows soon after their input.
            .withEnv("KSQL_KSQL_STREAMS_CACHE_MAX_BYTES_BUFFERING", "0")
            .withEnv("KSQL_KSQL_STREAMS_COMMIT_INTERVAL_MS", "100")
            .withEnv("KSQL_KSQL_INTERNAL_TOPIC_REPLICAS", "1")
            .withEnv("KSQL_KSQL_STREAMS_REPLICATION_FACTOR", "1")
            .withEnv("KSQL_KSQL_LOGGING_PROCESSING_TOPIC_REPLICATION_FACTOR", "1")
            .withExposedPorts(KSQLDB_PORT)
            .waitingFor(Wait.forHttp("/info").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(3)))
            .withCreateContainerCmdModifier(ContainerPorts::bindToLoopback)
            .dependsOn(KAFKA, SCHEMA_REGISTRY);

    private static final Map<String, String> rejectedStatements = new LinkedHashMap<>();
    private static List<String> statements;
    private static KsqlRestClient ksql;

    @BeforeAll
    static void writeSamplesAndRunStatements() throws Exception {
        writeSamples();
        statements = KsqlScripts.statements(KsqlScripts.directory());
        ksql = new KsqlRestClient("http://" + KSQLDB.getHost() + ":" + KSQLDB.getMappedPort(KSQLDB_PORT),
                REQUEST_TIMEOUT);

        // Every statement runs once, here, so that a rejected one is reported by name and the rest still run.
        for (String statement : statements) {
            try {
                if (KsqlScripts.isQuery(statement)) {
                    ksql.query(statement);
                } else {
                    ksql.execute(statement);
                }
            } catch (KsqlRejectedException e) {
                rejectedStatements.put(statement, e.getMessage());
            }
        }
    }

    static Stream<Topic> avroTopics() {
        return Arrays.stream(Topic.values()).filter(topic -> topic.valueType() != null);
    }

    @Test
    void shouldRunEveryStatement() {
        assertThat(statements).isNotEmpty();

        assertThat(rejectedStatements).as("statements that ksqlDB rejected").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("avroTopics")
    void shouldReturnSampleFromDeclaredSource(Topic topic) throws Exception {
        Declaration declaration = declarationOf(topic);
        SpecificRecord sample = sampleOf(topic);

        List<JsonNode> rows = ksql.query("SELECT * FROM " + declaration.name() + " EMIT CHANGES LIMIT 1;");

        assertThat(rows).singleElement().asString().contains(keyOf(sample));
        assertThat(rows).singleElement().asString().contains(SAMPLE_PROJECT);
    }

    @Test
    void shouldReturnSamplePipelineAsBranchStatus() throws Exception {
        String query = statements.stream()
                .filter(KsqlScripts::isQuery)
                .filter(statement -> statement.contains("FROM branch_status"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No query of branch_status in " + KsqlScripts.directory()));

        List<JsonNode> rows = awaitRows(query);

        assertThat(rows).singleElement().asString().contains(SampleRecords.PIPELINE_ID);
    }

    /** Writes one sample of every Avro topic, on topics and subjects provisioned the way the bridge does it. */
    private static void writeSamples() throws Exception {
        List<Topic> topics = avroTopics().toList();
        String registryUrl = "http://" + SCHEMA_REGISTRY.getHost() + ":" + SCHEMA_REGISTRY.getMappedPort(REGISTRY_PORT);
        Map<String, Object> clientConfig = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers());

        try (Admin admin = Admin.create(clientConfig);
             SchemaRegistryClient registry = new RestSchemaRegistryClient(registryUrl, REQUEST_TIMEOUT, REQUEST_TIMEOUT);
             KafkaProducer<String, SpecificRecordBase> producer = new KafkaProducer<>(
                     Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers(),
                             ProducerConfig.ACKS_CONFIG, "all"),
                     new StringSerializer(), new AvroSerializer<>(registry))) {
            TopicProvisioner provisioner = new TopicProvisioner(admin, TOPICS);
            provisioner.createMissing(topics, 1, (short) 1);
            provisioner.registerSchemas(topics, registry);

            for (Topic topic : topics) {
                SpecificRecord sample = sampleOf(topic);
                producer.send(new ProducerRecord<>(TOPICS.name(topic), keyOf(sample), (SpecificRecordBase) sample))
                        .get(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    /** Runs {@code query} until it returns a row, because derived tables fill some time after their statement. */
    private static List<JsonNode> awaitRows(String query) throws Exception {
        Instant deadline = Instant.now().plus(RESULT_TIMEOUT);
        List<JsonNode> rows = ksql.query(query);
        while (rows.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(RESULT_POLL_INTERVAL.toMillis());
            rows = ksql.query(query);
        }
        return rows;
    }

    /** Finds the declaration of the topic's stream or table: a stream for delete topics, a table for compacted ones. */
    private static Declaration declarationOf(Topic topic) {
        String kind = topic.cleanupPolicy() == Topic.CleanupPolicy.COMPACT ? "TABLE" : "STREAM";
        return KsqlScripts.declarations(statements).stream()
                .filter(declaration -> declaration.topic().orElse("").equals(TOPICS.name(topic)))
                .filter(declaration -> declaration.kind().equals(kind))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No " + kind + " declared for " + TOPICS.name(topic)));
    }

    private static SpecificRecord sampleOf(Topic topic) {
        return SampleRecords.all().stream()
                .filter(sample -> sample.getClass().equals(topic.valueType()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("SampleRecords has no " + topic.valueType().getSimpleName()));
    }

    /** Returns the record key the bridge uses: the command id on the command topics, the pipeline id elsewhere. */
    private static String keyOf(SpecificRecord sample) {
        String keyField = sample.getSchema().getField("command_id") != null ? "command_id" : "pipeline_id";
        return sample.get(sample.getSchema().getField(keyField).pos()).toString();
    }

    private static DockerImageName image(String name) {
        return DockerImageName.parse("confluentinc/" + name + ":" + CONFLUENT_VERSION);
    }
}
