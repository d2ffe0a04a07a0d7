package io.circlebridge.local.infra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Apicurio Registry run as a child process, serving the Confluent Schema Registry API at {@link #confluentApiUrl()}.
 *
 * <p>The child runs on the same {@code java} as this JVM, binds 127.0.0.1 only and stores schemas in an H2 database
 * file in the data directory, so schema ids survive a restart. Its console output goes to {@value #LOG_FILE} in the
 * data directory. The registry's default compatibility level is NONE, so callers that need another level set it
 * through the API.
 *
 * <p>The child stops on {@link #close()} and, through a shutdown hook, when this JVM exits normally. A child left
 * behind by a JVM that was killed is found through {@value #PID_FILE} and stopped by the next start on the same data
 * directory.
 */
public final class ApicurioRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApicurioRegistry.class);

    /** The system property that names the unpacked distribution directory. */
    public static final String HOME_PROPERTY = RegistryDistribution.HOME_PROPERTY;

    /** How long {@link #start} waits for the registry to respond. It took 3 to 5 s to start on an idle 2-core machine. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(90);

    static final String LOG_FILE = "registry.log";
    static final String PID_FILE = "registry.pid";

    /**
     * Heap and JIT settings of the child. The registry kept about 25 MiB live on the heap after start-up and 20
     * schemas. With C1 only and the serial collector it started in 2.3 s instead of 3.5 s and its resident memory
     * fell from 235 to 186 MiB (measured on a 2-core machine against -Xmx256m with default JIT and collector).
     */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private static final String RUNNER_JAR_MARKER = "apicurio-registry";
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Duration READINESS_INTERVAL = Duration.ofMillis(200);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final int LOG_TAIL_LINES = 30;

    private final Process process;
    private final int port;
    private final Path dataDir;
    private final Thread shutdownHook;
    private boolean closed;

    private ApicurioRegistry(Process process, int port, Path dataDir) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
        this.shutdownHook = new Thread(this::stopProcess, "apicurio-registry-shutdown");
    }

    /**
     * Returns the distribution directory: the one named by the system property {@value #HOME_PROPERTY}, else
     * {@code local/target/apicurio} or {@code target/apicurio} under the working directory, else {@code apicurio}
     * beside this module's jar or classes directory.
     *
     * @throws InfrastructureException naming the places searched and the build command that unpacks it
     */
    public static Path locateDistribution() {
        return RegistryDistribution.locate();
    }

    /**
     * Starts the registry from the unpacked distribution and waits until its Confluent API responds.
     *
     * @param distributionDir the directory with the {@code *-runner.jar}, see {@link #locateDistribution()}
     * @param dataDir         the directory for the database, the log file and the pid file, created when missing
     * @param port            the HTTP port on 127.0.0.1, or 0 for a free one
     * @throws InfrastructureException when the child exits or does not respond within {@link #DEFAULT_START_TIMEOUT}.
     *                                 The message contains the last lines of its log.
     */
    public static ApicurioRegistry start(Path distributionDir, Path dataDir, int port) {
        Path runnerJar = RegistryDistribution.runnerJar(distributionDir);
        Path absoluteDataDir = dataDir.toAbsolutePath();
        if (absoluteDataDir.toString().contains(";")) {
            // H2 reads everything after a ';' in its URL as settings, so the database would land elsewhere.
            throw new InfrastructureException("Invalid registry data directory " + absoluteDataDir + ": it must not contain ';'");
        }
        int httpPort = LoopbackPorts.resolve(port);
        long startNanos = System.nanoTime();

        Path logFile = absoluteDataDir.resolve(LOG_FILE);
        long logOffset;
        Process process;
        try {
            Files.createDirectories(absoluteDataDir);
            stopLeftoverChild(absoluteDataDir);
            logOffset = Files.exists(logFile) ? Files.size(logFile) : 0;
            process = launch(runnerJar, absoluteDataDir, httpPort, logFile);
        } catch (IOException e) {
            throw new InfrastructureException("Failed to start Apicurio Registry from " + runnerJar + " with data in " + absoluteDataDir
                    + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("Interrupted while stopping an earlier Apicurio Registry in " + absoluteDataDir, e);
        }

        ApicurioRegistry registry = new ApicurioRegistry(process, httpPort, absoluteDataDir);
        Runtime.getRuntime().addShutdownHook(registry.shutdownHook);
        registry.writePidFile();
        registry.awaitReady(logOffset);
        LOG.info("Apicurio Registry started at {} (pid {}) in {} ms, logging to {}", registry.confluentApiUrl(), process.pid(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), logFile);
        return registry;
    }

    /** Returns the base URL of the Confluent-compatible API, {@code http://127.0.0.1:<port>/apis/ccompat/v7}. */
    public String confluentApiUrl() {
        return "http://" + LoopbackPorts.LOOPBACK_HOST + ":" + port + "/apis/ccompat/v7";
    }

    /** Returns the HTTP port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** Returns the process id of the child. */
    public long pid() {
        return process.pid();
    }

    /** Returns the file that receives the child's console output. */
    public Path logFile() {
        return dataDir.resolve(LOG_FILE);
    }

    /**
     * Stops the child: SIGTERM, up to 10 s for it to exit, then a forced kill. Returns once the child has exited.
     * Calling it again does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;

        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down, so the hook can no longer be removed. The child was stopped above.
        }
    }

    private static Process launch(Path runnerJar, Path dataDir, int httpPort, Path logFile) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.addAll(JVM_OPTIONS);
        command.add("-Dquarkus.http.host=" + LoopbackPorts.LOOPBACK_HOST);
        command.add("-Dquarkus.http.port=" + httpPort);
        // This build serves health checks on the main port and has no separate management interface. The two
        // settings keep a later build that turns it on from binding port 9000 on every address.
        command.add("-Dquarkus.management.host=" + LoopbackPorts.LOOPBACK_HOST);
        command.add("-Dquarkus.management.port=" + LoopbackPorts.freePort());
        command.add("-jar");
        command.add(runnerJar.toString());

        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        // Without this the registry keeps schemas in memory and loses every id on restart.
        builder.environment().put("REGISTRY_DATASOURCE_URL", "jdbc:h2:file:" + dataDir.resolve("registry"));
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    private static Path javaExecutable() {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
    }

    /** Stops a registry that an earlier JVM started on this data directory and could not stop (kill -9). */
    private static void stopLeftoverChild(Path dataDir) throws IOException, InterruptedException {
        Path pidFile = dataDir.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }

        Optional<ProcessHandle> leftover;
        try {
            leftover = ProcessHandle.of(Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).strip()));
        } catch (NumberFormatException e) {
            leftover = Optional.empty();
        }
        // A pid may be reused by an unrelated process, so only a process running the registry jar is stopped.
        Optional<ProcessHandle> registry = leftover
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().commandLine().map(line -> line.contains(RUNNER_JAR_MARKER)).orElse(false));
        if (registry.isPresent()) {
            LOG.warn("Stopping Apicurio Registry process {} left behind on {} by an earlier run", registry.get().pid(), dataDir);
            ChildProcesses.stop(registry.get(), STOP_GRACE);
        }
        Files.delete(pidFile);
    }

    private void writePidFile() {
        try {
            Files.writeString(dataDir.resolve(PID_FILE), Long.toString(process.pid()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            close();
            throw new InfrastructureException("Failed to write " + dataDir.resolve(PID_FILE) + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady(long logOffset) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(confluentApiUrl() + "/subjects")).timeout(PROBE_TIMEOUT).GET().build();

        boolean ready;
        try {
            ready = ReadinessWait.systemClock(READINESS_INTERVAL).await(() -> {
                if (!process.isAlive()) {
                    throw new InfrastructureException("Apicurio Registry exited with code " + process.exitValue()
                            + " during start-up. Last lines of " + logFile() + ":" + System.lineSeparator() + logTail(logOffset));
                }
                return respondsOk(client, probe);
            }, DEFAULT_START_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new InfrastructureException("Interrupted while waiting for Apicurio Registry at " + confluentApiUrl(), e);
        } catch (InfrastructureException e) {
            close();
            throw e;
        }

        if (!ready) {
            close();
            throw new InfrastructureException("Apicurio Registry did not respond at " + confluentApiUrl() + " within "
                    + DEFAULT_START_TIMEOUT.toSeconds() + " s and was stopped. Last lines of " + logFile() + ":"
                    + System.lineSeparator() + logTail(logOffset));
        }
    }

    private static boolean respondsOk(HttpClient client, HttpRequest probe) {
        try {
            return client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            LOG.debug("Apicurio Registry is not ready yet: {}", e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("Interrupted while waiting for Apicurio Registry", e);
        }
    }

    private String logTail(long logOffset) {
        return ChildProcesses.tail(logFile(), logOffset, LOG_TAIL_LINES);
    }

    private void stopProcess() {
        try {
            boolean graceful = ChildProcesses.stop(process.toHandle(), STOP_GRACE);
            if (!graceful) {
                LOG.warn("Apicurio Registry (pid {}) did not exit within {} s of SIGTERM and was killed", process.pid(), STOP_GRACE.toSeconds());
            }
            Files.deleteIfExists(dataDir.resolve(PID_FILE));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (IOException e) {
            LOG.warn("Failed to delete {}; the next start checks the pid it names before stopping anything", dataDir.resolve(PID_FILE), e);
        }
    }
}
