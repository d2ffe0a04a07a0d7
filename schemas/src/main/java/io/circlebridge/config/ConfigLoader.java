package io.circlebridge.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Builds a service's settings from an optional properties file overlaid with environment variables.
 *
 * <p>An environment variable {@code CIRCLEBRIDGE_POLL_INTERVAL_MS} sets the key {@code poll.interval.ms}: the prefix
 * is dropped, the rest lower-cased, and underscores become dots. Environment values win over the file.
 */
public final class ConfigLoader {

    public static final String ENV_PREFIX = "CIRCLEBRIDGE_";

    private ConfigLoader() {
    }

    /** Reads {@code file} (may be null) and overlays the CircleBridge variables of {@code environment}. */
    public static Map<String, String> load(Path file, Map<String, String> environment) {
        Map<String, String> settings = new HashMap<>();
        if (file != null) {
            settings.putAll(readProperties(file));
        }
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
                settings.put(keyOf(name), value);
            }
        });
        return settings;
    }

    /** The environment variable that sets {@code key}, such as {@code CIRCLEBRIDGE_POLL_INTERVAL_MS}. */
    public static String environmentVariableOf(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /**
     * Renders the effective settings one per line in key order, with every {@link ConfigDef.Type#PASSWORD} setting
     * and every key that looks secret shown as {@code [hidden]}, for a start-up log line.
     */
    public static String describe(ConfigDef definition, Map<String, ?> values) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(values).forEach((key, value) -> {
            ConfigDef.ConfigKey declared = definition.configKeys().get(key);
            boolean secret = (declared != null && declared.type == ConfigDef.Type.PASSWORD) || looksSecret(key);
            text.append("\n  ").append(key).append(" = ").append(secret && value != null ? "[hidden]" : value);
        });
        return text.toString();
    }

    private static boolean looksSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("secret") || lower.contains("token")
                || lower.contains("sasl.jaas.config");
    }

    private static String keyOf(String environmentVariable) {
        return environmentVariable.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static Map<String, String> readProperties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("Cannot read the configuration file " + file.toAbsolutePath() + ": " + e
                    + ". Check the path and its permissions.");
        }
        Map<String, String> settings = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> settings.put(name, properties.getProperty(name).strip()));
        return settings;
    }
}
