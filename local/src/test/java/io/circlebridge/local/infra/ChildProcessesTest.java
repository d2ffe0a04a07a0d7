package io.circlebridge.local.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;

class ChildProcessesTest {

    @TempDir
    Path dir;

    @Test
    void shouldReturnLastLinesOfLog() throws IOException {
        Path log = Files.writeString(dir.resolve("child.log"), "one\ntwo\nthree\nfour\n");

        String tail = ChildProcesses.tail(log, 0, 2);

        assertThat(tail).isEqualTo("three" + System.lineSeparator() + "four");
    }

    @Test
    void shouldSkipLinesWrittenBeforeOffset() throws IOException {
        Path log = Files.writeString(dir.resolve("child.log"), "earlier run\n");
        long offset = Files.size(log);
        Files.writeString(log, "this run\n", StandardOpenOption.APPEND);

        String tail = ChildProcesses.tail(log, offset, 10);

        assertThat(tail).isEqualTo("this run");
    }

    @Test
    void shouldSayWhenNothingWasLogged() throws IOException {
        Path log = Files.writeString(dir.resolve("child.log"), "earlier run\n");

        String tail = ChildProcesses.tail(log, Files.size(log), 10);

        assertThat(tail).isEqualTo("(the log is empty)");
    }

    @Test
    void shouldSayWhenLogFileIsMissing() {
        Path log = dir.resolve("missing.log");

        String tail = ChildProcesses.tail(log, 0, 10);

        assertThat(tail).isEqualTo("(no log file at " + log + ")");
    }
}
