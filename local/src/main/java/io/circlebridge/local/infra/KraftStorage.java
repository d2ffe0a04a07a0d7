package io.circlebridge.local.infra;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Formats a KRaft log directory the way {@code kafka-storage.sh format} does, but only when it is not formatted
 * yet, so a restart on the same directory keeps its cluster id and its records.
 */
final class KraftStorage {

    private static final Logger LOG = LoggerFactory.getLogger(KraftStorage.class);

    /** The file that {@code kafka-storage.sh format} writes into each log directory. */
    static final String META_PROPERTIES = "meta.properties";
    private static final String CLUSTER_ID_KEY = "cluster.id";

    private KraftStorage() {
    }

    /**
     * Formats {@code logDir} for node {@link BrokerProperties#NODE_ID} with a new cluster id unless it already
     * contains a {@code meta.properties} file.
     *
     * @return the cluster id stored in the directory
     */
    static String formatIfNeeded(Path logDir) throws IOException {
        Files.createDirectories(logDir);
        Optional<String> existing = clusterId(logDir);
        if (existing.isPresent()) {
            LOG.debug("Log directory {} is already formatted for cluster {}", logDir, existing.get());
            return existing.get();
        }

        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream formatterOutput = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(formatterOutput)
                    .setNodeId(BrokerProperties.NODE_ID)
                    .setClusterId(clusterId)
                    .addDirectory(logDir.toString())
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(BrokerProperties.CONTROLLER_LISTENER)
                    .run();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("Failed to format Kafka log directory " + logDir + ": " + e.getMessage(), e);
        }
        LOG.info("Formatted Kafka log directory {} for new cluster {}", logDir, clusterId);
        LOG.debug("Kafka storage formatter output: {}", output.toString(StandardCharsets.UTF_8).strip());
        return clusterId;
    }

    /** Returns the cluster id of a formatted directory, or empty when the directory has no meta.properties. */
    static Optional<String> clusterId(Path logDir) throws IOException {
        Path metaProperties = logDir.resolve(META_PROPERTIES);
        if (!Files.exists(metaProperties)) {
            return Optional.empty();
        }

        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(metaProperties, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        String clusterId = properties.getProperty(CLUSTER_ID_KEY);
        if (clusterId == null || clusterId.isBlank()) {
            throw new IOException(metaProperties + " has no " + CLUSTER_ID_KEY
                    + "; delete the directory to start a new cluster, or restore the file");
        }
        return Optional.of(clusterId);
    }
}
