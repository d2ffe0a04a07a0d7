package io.circlebridge.local.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Settings of local mode itself: where its data lives, the ports of the embedded servers, the live view and the
 * simulator. Every other key goes to the poller and the streams app unchanged.
 */
public final class LocalConfig extends AbstractConfig {

    public static final String DATA_DIR_CONFIG = "local.data.dir";
    public static final String DEFAULT_DATA_DIR = ".circlebridge";
    public static final String KAFKA_PORT_CONFIG = "local.kafka.port";
    public static final String REGISTRY_PORT_CONFIG = "local.registry.port";
    public static final String SIMULATOR_PORT_CONFIG = "local.simulator.port";
    public static final String VIEW_CONFIG = "local.view";
    public static final String SIMULATOR_PROJECTS_CONFIG = "simulator.projects";
    public static final String SIMULATOR_STEP_MS_CONFIG = "simulator.step.ms";
    public static final String SIMULATOR_NEW_PIPELINE_INTERVAL_MS_CONFIG = "simulator.new.pipeline.interval.ms";
    public static final String SIMULATOR_INITIAL_PIPELINES_CONFIG = "simulator.initial.pipelines";
    public static final String SIMULATOR_SEED_CONFIG = "simulator.seed";

    /** How the live view draws: a redrawn table on a terminal, a line per change otherwise, or nothing. */
    public enum View { AUTO, TABLE, LINES, NONE }

    public static final ConfigDef CONFIG = new ConfigDef()
            .define(DATA_DIR_CONFIG, Type.STRING, DEFAULT_DATA_DIR, new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Directory of the broker's logs, the registry's database and the log file; kept across runs.")
            .define(KAFKA_PORT_CONFIG, Type.INT, 9092, ConfigDef.Range.between(0, 65535), Importance.MEDIUM,
                    "Port of the embedded Kafka broker on 127.0.0.1; 0 picks a free port.")
            .define(REGISTRY_PORT_CONFIG, Type.INT, 8081, ConfigDef.Range.between(0, 65535), Importance.MEDIUM,
                    "Port of the schema registry on 127.0.0.1; 0 picks a free port.")
            .define(SIMULATOR_PORT_CONFIG, Type.INT, 8089, ConfigDef.Range.between(0, 65535), Importance.LOW,
                    "Port of the CircleCI simulator on 127.0.0.1 when no CircleCI token is set; 0 picks a free port.")
            .define(VIEW_CONFIG, Type.STRING, "auto", ConfigDef.CaseInsensitiveValidString.in("auto", "table",
                    "lines", "none"), Importance.LOW,
                    "Live view of the status table: auto (a table on a terminal, lines otherwise), table, lines or "
                            + "none.")
            .define(SIMULATOR_PROJECTS_CONFIG, Type.LIST, "gh/example-org/example-repo,gh/example-org/another-repo",
                    Importance.LOW, "Projects the simulator serves and the poller polls when no CircleCI token is set.")
            .define(SIMULATOR_STEP_MS_CONFIG, Type.LONG, 3_000L, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Roughly how long a simulated job stays queued or running, in milliseconds.")
            .define(SIMULATOR_NEW_PIPELINE_INTERVAL_MS_CONFIG, Type.LONG, 20_000L, ConfigDef.Range.atLeast(0),
                    Importance.LOW, "How often each simulated project gets a new pipeline, in milliseconds; 0 for "
                            + "never.")
            .define(SIMULATOR_INITIAL_PIPELINES_CONFIG, Type.INT, 3, ConfigDef.Range.between(0, 1000), Importance.LOW,
                    "Pipelines each simulated project has when the simulator starts.")
            .define(SIMULATOR_SEED_CONFIG, Type.LONG, null, Importance.LOW,
                    "Seed of the simulator's choices; the same seed gives the same pipeline ids. Unset, each start "
                            + "picks a new seed, so pipelines of an earlier run are not mistaken for new ones.");

    public LocalConfig(Map<?, ?> originals) {
        super(CONFIG, originals, false);
    }

    public Path dataDir() {
        return Path.of(getString(DATA_DIR_CONFIG)).toAbsolutePath();
    }

    public View view() {
        return View.valueOf(getString(VIEW_CONFIG).toUpperCase(java.util.Locale.ROOT));
    }

    public List<String> simulatorProjects() {
        return getList(SIMULATOR_PROJECTS_CONFIG);
    }

    /** The configured seed, or a new one per start when none is configured. */
    public long simulatorSeed() {
        Long seed = getLong(SIMULATOR_SEED_CONFIG);
        return seed != null ? seed : System.nanoTime();
    }

    public Duration simulatorStep() {
        return Duration.ofMillis(getLong(SIMULATOR_STEP_MS_CONFIG));
    }

    public Duration simulatorNewPipelineInterval() {
        return Duration.ofMillis(getLong(SIMULATOR_NEW_PIPELINE_INTERVAL_MS_CONFIG));
    }
}
