package io.circlebridge.poller.config;

import io.circlebridge.poller.circleci.ProjectSlug;
import io.circlebridge.serde.AvroSerdeConfig;
import io.circlebridge.topic.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Settings of the poller and command handler, declared once with type, default, validator and documentation.
 * Keys starting with {@value #KAFKA_PREFIX} pass through, without the prefix, to the Kafka clients.
 */
public final class PollerConfig extends AbstractConfig {

    public static final String KAFKA_PREFIX = "kafka.";
    public static final String DEFAULT_CIRCLECI_URL = "https://circleci.com/api/v2";

    public static final String BOOTSTRAP_SERVERS_CONFIG = "bootstrap.servers";
    public static final String SCHEMA_REGISTRY_URL_CONFIG = AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG;
    public static final String TOPIC_PREFIX_CONFIG = "topic.prefix";
    public static final String TOPIC_PARTITIONS_CONFIG = "topic.partitions";
    public static final String TOPIC_REPLICATION_FACTOR_CONFIG = "topic.replication.factor";
    public static final String CIRCLECI_URL_CONFIG = "circleci.url";
    public static final String CIRCLECI_TOKEN_CONFIG = "circleci.token";
    public static final String CIRCLECI_TOKEN_FILE_CONFIG = "circleci.token.file";
    public static final String PROJECTS_CONFIG = "circleci.projects";
    public static final String RATE_LIMIT_CONFIG = "circleci.rate.limit.per.minute";
    public static final String POLL_INTERVAL_MS_CONFIG = "poll.interval.ms";
    public static final String PIPELINE_PAGES_CONFIG = "poll.pipeline.pages";
    public static final String WORKFLOW_GRACE_MS_CONFIG = "poll.workflow.grace.ms";
    public static final String SETTLE_MS_CONFIG = "poll.pipeline.settle.ms";
    public static final String TRANSACTIONAL_ID_CONFIG = "poller.transactional.id";
    public static final String COMMANDS_ENABLED_CONFIG = "commands.enabled";
    public static final String COMMANDS_GROUP_ID_CONFIG = "commands.group.id";
    public static final String COMMANDS_ALLOWED_PROJECTS_CONFIG = "commands.allowed.projects";

    public static final long DEFAULT_POLL_INTERVAL_MS = 10_000;
    public static final int DEFAULT_RATE_LIMIT = 100;

    /** The environment variable read for the token when neither token setting is given. */
    public static final String TOKEN_ENVIRONMENT_VARIABLE = "CIRCLECI_TOKEN";

    public static final ConfigDef CONFIG = new ConfigDef()
            .define(BOOTSTRAP_SERVERS_CONFIG, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.ValidList.anyNonDuplicateValues(false, false),
                    Importance.HIGH, "Kafka brokers to connect to, as host:port pairs separated by commas.")
            .define(SCHEMA_REGISTRY_URL_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                    new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Base URL of the schema registry's Confluent-compatible REST API.")
            .define(TOPIC_PREFIX_CONFIG, Type.STRING, Topics.DEFAULT_PREFIX, Importance.MEDIUM,
                    "Prefix of every CircleBridge topic name.")
            .define(TOPIC_PARTITIONS_CONFIG, Type.INT, 3, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Partitions of the topics the bridge creates when they are missing.")
            .define(TOPIC_REPLICATION_FACTOR_CONFIG, Type.SHORT, (short) -1, Importance.LOW,
                    "Replication factor of the topics the bridge creates; -1 takes the broker's default.")
            .define(CIRCLECI_URL_CONFIG, Type.STRING, DEFAULT_CIRCLECI_URL, new ConfigDef.NonEmptyString(),
                    Importance.MEDIUM, "Base URL of the CircleCI API v2, or of a CircleCI server installation's.")
            .define(CIRCLECI_TOKEN_CONFIG, Type.PASSWORD, null, Importance.HIGH,
                    "CircleCI personal API token. Prefer the " + TOKEN_ENVIRONMENT_VARIABLE
                            + " environment variable or " + CIRCLECI_TOKEN_FILE_CONFIG + ".")
            .define(CIRCLECI_TOKEN_FILE_CONFIG, Type.STRING, null, Importance.MEDIUM,
                    "Path of a file that contains the CircleCI personal API token.")
            .define(PROJECTS_CONFIG, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, new ProjectSlugList(false),
                    Importance.HIGH, "Project slugs to poll, such as gh/org/repo, separated by commas.")
            .define(RATE_LIMIT_CONFIG, Type.INT, DEFAULT_RATE_LIMIT, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                    "Maximum CircleCI API requests per minute for the token, shared by polling and commands.")
            .define(POLL_INTERVAL_MS_CONFIG, Type.LONG, DEFAULT_POLL_INTERVAL_MS, ConfigDef.Range.atLeast(100),
                    Importance.MEDIUM, "Pause between two polls of all projects, in milliseconds.")
            .define(PIPELINE_PAGES_CONFIG, Type.INT, 1, ConfigDef.Range.between(1, 50), Importance.LOW,
                    "Pages of each project's newest pipelines read per poll to find new pipelines.")
            .define(WORKFLOW_GRACE_MS_CONFIG, Type.LONG, 600_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "How long a pipeline without workflows keeps being polled before the bridge treats it as "
                            + "finished, in milliseconds; branch filters can leave a pipeline without any workflow.")
            .define(SETTLE_MS_CONFIG, Type.LONG, 60_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "How long a pipeline whose workflows have all finished is still polled for workflows CircleCI "
                            + "creates later, such as those a setup workflow continues into, in milliseconds.")
            .define(TRANSACTIONAL_ID_CONFIG, Type.STRING, "circlebridge-poller", new ConfigDef.NonEmptyString(),
                    Importance.MEDIUM, "Transactional id of the event producer; unique per poller instance.")
            .define(COMMANDS_ENABLED_CONFIG, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Whether to consume trigger commands from the commands topic.")
            .define(COMMANDS_GROUP_ID_CONFIG, Type.STRING, "circlebridge-commands", new ConfigDef.NonEmptyString(),
                    Importance.LOW, "Consumer group of the command handler.")
            .define(COMMANDS_ALLOWED_PROJECTS_CONFIG, Type.LIST, null, new ProjectSlugList(true), Importance.MEDIUM,
                    "Project slugs that commands may trigger; defaults to the polled projects.");

    public PollerConfig(Map<?, ?> originals) {
        super(CONFIG, originals, false);
    }

    public Topics topics() {
        return new Topics(getString(TOPIC_PREFIX_CONFIG));
    }

    /** The configured token, or null when it comes from the environment or a file. */
    public Password token() {
        return getPassword(CIRCLECI_TOKEN_CONFIG);
    }

    public List<String> projects() {
        return getList(PROJECTS_CONFIG);
    }

    public List<String> allowedProjects() {
        List<String> allowed = getList(COMMANDS_ALLOWED_PROJECTS_CONFIG);
        return allowed == null ? projects() : allowed;
    }

    public Duration pollInterval() {
        return Duration.ofMillis(getLong(POLL_INTERVAL_MS_CONFIG));
    }

    public Duration settleTime() {
        return Duration.ofMillis(getLong(SETTLE_MS_CONFIG));
    }

    public Duration workflowGrace() {
        return Duration.ofMillis(getLong(WORKFLOW_GRACE_MS_CONFIG));
    }

    /** Settings for Kafka clients: the bootstrap servers plus every {@value #KAFKA_PREFIX} key without its prefix. */
    public Map<String, Object> kafkaClientSettings() {
        Map<String, Object> settings = new HashMap<>(originalsWithPrefix(KAFKA_PREFIX));
        settings.put(BOOTSTRAP_SERVERS_CONFIG, String.join(",", getList(BOOTSTRAP_SERVERS_CONFIG)));
        return settings;
    }

    /** Accepts a list of distinct project slugs in any form CircleCI uses, such as gh/org/repo. */
    private static final class ProjectSlugList implements ConfigDef.Validator {
        private final boolean nullAllowed;

        ProjectSlugList(boolean nullAllowed) {
            this.nullAllowed = nullAllowed;
        }

        @Override
        public void ensureValid(String name, Object value) {
            if (value == null && nullAllowed) {
                return;
            }
            ConfigDef.ValidList.anyNonDuplicateValues(nullAllowed, nullAllowed).ensureValid(name, value);
            for (Object slug : (List<?>) value) {
                try {
                    ProjectSlug.parse(slug.toString());
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(name, slug, e.getMessage());
                }
            }
        }

        @Override
        public String toString() {
            return "project slugs such as gh/org/repo, bb/org/repo or circleci/<org-id>/<project-id>";
        }
    }
}
