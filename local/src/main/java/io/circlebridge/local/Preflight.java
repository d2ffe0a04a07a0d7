package io.circlebridge.local;

import io.circlebridge.config.ConfigLoader;
import io.circlebridge.local.config.LocalConfig;
import io.circlebridge.poller.config.PollerConfig;
import io.circlebridge.streams.config.StatusAppConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks that fail fast, before local mode starts anything: the data directory is not in use by another
 * CircleBridge, the configured ports are free, and the poller's and streams app's settings are valid.
 */
final class Preflight {

    private static final String LOCK_FILE = "circlebridge.lock";
    private static final String PLACEHOLDER_BOOTSTRAP = "127.0.0.1:9092";
    private static final String PLACEHOLDER_REGISTRY = "http://127.0.0.1:8081";

    private Preflight() {
    }

    /**
     * Locks {@code dataDir} for this process until the returned lock is closed. Two brokers on one directory
     * corrupt its logs, so a second CircleBridge on the same directory must not start.
     *
     * @throws IllegalStateException when another process holds the lock
     */
    static AutoCloseable lockDataDirectory(Path dataDir) {
        Path lockFile = dataDir.resolve(LOCK_FILE);
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = Files.readString(lockFile).strip();
                channel.close();
                throw new IllegalStateException("Another CircleBridge" + (holder.isEmpty() ? "" : " (pid " + holder
                        + ")") + " is using the data directory " + dataDir + ". Stop it, or give this one its own "
                        + ConfigLoader.environmentVariableOf(LocalConfig.DATA_DIR_CONFIG) + " and ports.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid())
                    .getBytes(StandardCharsets.US_ASCII)));
            return () -> {
                lock.release();
                channel.close();
            };
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock the data directory " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** Returns null when another process, or another start in this JVM, holds the lock. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** Fails naming the setting to change when a configured, non-zero port is taken on 127.0.0.1. */
    static void checkPortsFree(LocalConfig config, boolean withSimulator) {
        checkPortFree(config, LocalConfig.KAFKA_PORT_CONFIG, "the Kafka broker");
        checkPortFree(config, LocalConfig.REGISTRY_PORT_CONFIG, "the schema registry");
        if (withSimulator) {
            checkPortFree(config, LocalConfig.SIMULATOR_PORT_CONFIG, "the CircleCI simulator");
        }
    }

    /**
     * Parses the poller's and the streams app's settings as they will be used, with stand-ins for the broker and
     * registry addresses that are only known once those run, so that a bad value stops the start at once.
     */
    static void validateBridgeSettings(Map<String, String> bridgeSettings) {
        Map<String, String> settings = new HashMap<>(bridgeSettings);
        settings.putIfAbsent(PollerConfig.BOOTSTRAP_SERVERS_CONFIG, PLACEHOLDER_BOOTSTRAP);
        settings.putIfAbsent(PollerConfig.SCHEMA_REGISTRY_URL_CONFIG, PLACEHOLDER_REGISTRY);
        settings.putIfAbsent(PollerConfig.PROJECTS_CONFIG, "gh/placeholder/placeholder");
        new PollerConfig(settings);
        settings.keySet().removeIf(key -> !StatusAppConfig.CONFIG.names().contains(key)
                && !key.startsWith(StatusAppConfig.KAFKA_PREFIX));
        new StatusAppConfig(settings);
    }

    private static void checkPortFree(LocalConfig config, String key, String part) {
        int port = config.getInt(key);
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " on 127.0.0.1, configured for " + part + " by " + key
                    + ", is in use. Stop what uses it, or set " + ConfigLoader.environmentVariableOf(key)
                    + " to another port (0 picks a free one).");
        }
    }
}
