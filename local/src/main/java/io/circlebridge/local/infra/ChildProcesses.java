package io.circlebridge.local.infra;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops child processes and reads the end of their log files. */
final class ChildProcesses {

    private static final int MAX_TAIL_BYTES = 64 * 1024;

    private ChildProcesses() {
    }

    /**
     * Asks the process to stop (SIGTERM on Unix), waits up to {@code grace} for it to exit, then kills it and waits
     * again.
     *
     * @return true when the process exited within the grace period, false when it had to be killed
     */
    static boolean stop(ProcessHandle process, Duration grace) throws InterruptedException {
        if (!process.isAlive()) {
            return true;
        }
        process.destroy();
        if (awaitExit(process, grace)) {
            return true;
        }

        process.destroyForcibly();
        awaitExit(process, grace);
        return false;
    }

    /**
     * Returns at most {@code maxLines} last lines written to {@code logFile} after byte {@code fromOffset}, or a
     * note that there are none.
     */
    static String tail(Path logFile, long fromOffset, int maxLines) {
        try {
            if (!Files.exists(logFile)) {
                return "(no log file at " + logFile + ")";
            }
            String text = readFrom(logFile, fromOffset);
            if (text.isBlank()) {
                return "(the log is empty)";
            }
            List<String> lines = Arrays.asList(text.strip().split("\\R"));
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - maxLines), lines.size()));
        } catch (IOException e) {
            return "(failed to read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) throws InterruptedException {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Waiting for process " + process.pid() + " to exit failed", e.getCause());
        }
    }

    private static String readFrom(Path file, long fromOffset) throws IOException {
        try (RandomAccessFile input = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(fromOffset, input.length() - MAX_TAIL_BYTES);
            byte[] bytes = new byte[(int) Math.max(0, input.length() - start)];
            input.seek(start);
            input.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
