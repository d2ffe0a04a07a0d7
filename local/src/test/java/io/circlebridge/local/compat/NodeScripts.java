package io.circlebridge.local.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the Node.js scripts of {@code local/src/test/js} with the {@code node} on the PATH, with a timeout, and
 * captures what they print. The build's {@code npm ci} step installs their packages into that folder's
 * {@code node_modules} before the integration tests run.
 */
final class NodeScripts {

    /** System property that failsafe sets to the scripts' folder. */
    static final String DIRECTORY_PROPERTY = "circlebridge.js.dir";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_OUTPUT_CHARS = 20_000;

    private final Path directory;

    private NodeScripts(Path directory) {
        this.directory = directory;
    }

    /** Finds the scripts' folder through {@value #DIRECTORY_PROPERTY} and checks that its packages are installed. */
    static NodeScripts fromSystemProperty() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured == null) {
            throw new IllegalStateException("The system property " + DIRECTORY_PROPERTY + " is not set: run the "
                    + "integration tests through Maven (./mvnw -pl local verify), whose failsafe configuration sets "
                    + "it to local/src/test/js.");
        }
        Path directory = Path.of(configured);
        Assumptions.assumeTrue(System.getenv("CI") != null || isOnPath("node"),
                "Node.js is not on the PATH, so the JavaScript clients cannot run; install Node.js 20 with npm");
        if (!Files.isDirectory(directory.resolve("node_modules"))) {
            throw new IllegalStateException(directory.resolve("node_modules") + " is missing: run 'sh npm-ci.sh' "
                    + "in " + directory + ", or build through Maven, whose pre-integration-test phase runs it.");
        }
        return new NodeScripts(directory);
    }

    private static boolean isOnPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs {@code node <script> <arguments>} and returns its output once it exits with status 0.
     *
     * @throws AssertionError when the script exits with another status or runs longer than {@code timeout}; the
     *                        message contains the command and everything the script printed
     */
    ScriptOutput run(String script, List<String> arguments, Duration timeout) {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(arguments);
        try {
            Path stdout = Files.createTempFile("node-stdout-", ".txt");
            Path stderr = Files.createTempFile("node-stderr-", ".txt");
            try {
                Process process = new ProcessBuilder(command)
                        .directory(directory.toFile())
                        .redirectOutput(stdout.toFile())
                        .redirectError(stderr.toFile())
                        .start();
                boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (!exited) {
                    // SIGTERM first: the reader script then prints which partitions it had not finished.
                    process.destroy();
                    if (!process.waitFor(5, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor();
                    }
                }
                ScriptOutput output = new ScriptOutput(String.join(" ", command), exited ? process.exitValue() : -1,
                        Files.readAllLines(stdout, StandardCharsets.UTF_8),
                        Files.readString(stderr, StandardCharsets.UTF_8));
                if (!exited) {
                    throw new AssertionError("Timed out after " + timeout.toSeconds() + " s: " + output.describe());
                }
                if (output.exitCode() != 0) {
                    throw new AssertionError("Exited with status " + output.exitCode() + ": " + output.describe());
                }
                return output;
            } finally {
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command + " in " + directory
                    + "; is Node.js 20 or newer on the PATH?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while running " + command, e);
        }
    }

    /** What a script printed: standard output line by line, and standard error as it came. */
    record ScriptOutput(String command, int exitCode, List<String> stdoutLines, String stderr) {

        /** Parses each non-blank line of standard output as one JSON document. */
        List<JsonNode> jsonLines() {
            List<JsonNode> documents = new ArrayList<>();
            for (String line : stdoutLines) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    documents.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new AssertionError("Standard output of " + command + " has a line that is not JSON: "
                            + line + "\n" + describe(), e);
                }
            }
            return documents;
        }

        /** Describes the command with its standard error and the end of its standard output, for failure messages. */
        String describe() {
            String output = String.join("\n", stdoutLines);
            return command + "\n--- stderr ---\n" + tail(stderr) + "\n--- stdout (" + stdoutLines.size()
                    + " lines) ---\n" + tail(output);
        }

        private static String tail(String text) {
            return text.length() <= MAX_OUTPUT_CHARS ? text
                    : "[first " + (text.length() - MAX_OUTPUT_CHARS) + " characters left out]\n"
                            + text.substring(text.length() - MAX_OUTPUT_CHARS);
        }
    }
}
