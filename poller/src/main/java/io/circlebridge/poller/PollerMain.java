package io.circlebridge.poller;

import io.circlebridge.config.ConfigLoader;
import io.circlebridge.poller.circleci.CircleCiClient;
import io.circlebridge.poller.circleci.CircleCiToken;
import io.circlebridge.poller.config.PollerConfig;
import io.circlebridge.serde.AvroSerdeConfig;
import io.circlebridge.serde.SchemaRegistryClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the poller and command handler as a service against a Kafka cluster: {@code PollerMain [config.properties]},
 * with {@code CIRCLEBRIDGE_*} environment variables overlaying the file and the token in {@code CIRCLECI_TOKEN}.
 */
public final class PollerMain {

    private static final Logger log = LoggerFactory.getLogger(PollerMain.class);

    private PollerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> environment = System.getenv();
        PollerConfig config;
        CircleCiToken token;
        try {
            config = new PollerConfig(ConfigLoader.load(args.length > 0 ? Path.of(args[0]) : null, environment));
            token = resolveToken(config, environment);
        } catch (ConfigException | IllegalArgumentException e) {
            log.error("Invalid configuration: {}", e.getMessage());
            System.exit(2);
            return;
        }
        log.info("Starting the poller with configuration:{}", ConfigLoader.describe(PollerConfig.CONFIG,
                config.values()));

        CircleCiClient circleCi = CircleCiClient.builder()
                .baseUrl(config.getString(PollerConfig.CIRCLECI_URL_CONFIG))
                .token(token)
                .requestsPerMinute(config.getInt(PollerConfig.RATE_LIMIT_CONFIG))
                .build();
        SchemaRegistryClient registry = new AvroSerdeConfig(config.originals()).createClient();
        PollerService service = new PollerService(config, circleCi, registry, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            circleCi.close();
            stopped.countDown();
        }, "circlebridge-poller-shutdown"));
        try {
            service.start();
        } catch (RuntimeException e) {
            log.error("The poller could not start: {}", e.getMessage(), e);
            System.exit(1);
        }
        stopped.await();
    }

    /** Takes the token from {@code circleci.token}, else {@code CIRCLECI_TOKEN}, else {@code circleci.token.file}. */
    public static CircleCiToken resolveToken(PollerConfig config, Map<String, String> environment) {
        if (config.token() != null) {
            return CircleCiToken.of(config.token().value());
        }
        String file = config.getString(PollerConfig.CIRCLECI_TOKEN_FILE_CONFIG);
        return CircleCiToken.fromEnvironmentOrFile(environment, file == null ? null : Path.of(file));
    }
}
