package io.circlebridge.local.infra;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** How the registry child process ends when the JVM that started it exits or is killed. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ApicurioRegistryLifecycleIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    @TempDir
    Path parentDir;

    private final List<ProcessHandle> started = new ArrayList<>();

    /** Kills whatever a failed test left running, so that no registry outlives the test run. */
    @AfterEach
    void killLeftovers() {
        started.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void shouldStopRegistryWhenParentJvmExits() throws Exception {
        Process parent = startParent("exit");
        long registryPid = awaitRegistryPid(parent);

        boolean parentExited = parent.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(parentExited).isTrue();
        assertThat(ProcessHandle.of(registryPid).filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void shouldStopLeftoverRegistryOnNextStart() throws Exception {
        Process parent = startParent("block");
        long leftoverPid = awaitRegistryPid(parent);
        parent.destroyForcibly().waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(ProcessHandle.of(leftoverPid).filter(ProcessHandle::isAlive)).isPresent();

        try (ApicurioRegistry registry = ApicurioRegistry.start(ApicurioRegistry.locateDistribution(), dataDir, 0)) {

            assertThat(ProcessHandle.of(leftoverPid).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(new SchemaRegistryTestClient(registry.confluentApiUrl()).register("after-kill-value",
                    SchemaRegistryTestClient.USER_SCHEMA)).isPositive();
        }
    }

    private Process startParent(String mode) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                RegistryParentMain.class.getName(), ApicurioRegistry.locateDistribution().toString(), dataDir.toString(), mode);
        Process parent = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(parentDir.resolve("parent.log").toFile())
                .start();
        started.add(parent.toHandle());
        return parent;
    }

    /** Waits until the parent prints the registry's pid, and fails with the parent's output when it does not. */
    private long awaitRegistryPid(Process parent) throws IOException, InterruptedException {
        Path output = parentDir.resolve("parent.log");
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            Optional<Long> pid = Files.readAllLines(output).stream()
                    .filter(line -> line.startsWith(RegistryParentMain.PID_MARKER))
                    .map(line -> Long.parseLong(line.substring(RegistryParentMain.PID_MARKER.length()).strip()))
                    .findFirst();
            if (pid.isPresent()) {
                ProcessHandle.of(pid.get()).ifPresent(started::add);
                return pid.get();
            }
            if (!parent.isAlive()) {
                break;
            }
            parent.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("The parent JVM printed no registry pid; its output:" + System.lineSeparator() + Files.readString(output));
    }
}
