package io.circlebridge.poller.circleci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CircleCiTokenTest {

    @TempDir
    Path directory;

    @Test
    void shouldHideValueInToString() {
        CircleCiToken token = CircleCiToken.of(TestClients.TOKEN);

        assertThat(token.toString()).isEqualTo("[hidden]");
        assertThat(token.value()).isEqualTo(TestClients.TOKEN);
    }

    @Test
    void shouldPreferEnvironmentOverFile() throws IOException {
        Path file = Files.writeString(directory.resolve("token"), "from-file\n");

        CircleCiToken token = CircleCiToken.fromEnvironmentOrFile(Map.of("CIRCLECI_TOKEN", "from-env"), file);

        assertThat(token.value()).isEqualTo("from-env");
    }

    @Test
    void shouldReadFileWhenEnvironmentIsBlank() throws IOException {
        Path file = Files.writeString(directory.resolve("token"), "  from-file\n");

        CircleCiToken token = CircleCiToken.fromEnvironmentOrFile(Map.of("CIRCLECI_TOKEN", " "), file);

        assertThat(token.value()).isEqualTo("from-file");
    }

    @Test
    void shouldExplainMissingToken() {
        assertThatThrownBy(() -> CircleCiToken.fromEnvironmentOrFile(Map.of(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No CircleCI token: set the environment variable CIRCLECI_TOKEN or configure a token file");
    }

    @Test
    void shouldNameUnreadableFile() {
        Path missing = directory.resolve("missing-token");

        assertThatThrownBy(() -> CircleCiToken.fromEnvironmentOrFile(Map.of(), missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Cannot read the CircleCI token file " + missing);
    }

    @Test
    void shouldRejectEmptyFile() throws IOException {
        Path file = Files.writeString(directory.resolve("token"), "\n");

        assertThatThrownBy(() -> CircleCiToken.fromFile(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is empty");
    }

    @Test
    void shouldRejectInvalidCharacterWithoutEchoingToken() {
        String secret = "secret-part-one secret-part-two";

        assertThatThrownBy(() -> CircleCiToken.of(secret))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid character at position 15")
                .hasMessageNotContaining("secret-part");
    }

    @Test
    void shouldRejectTwoLineFileQuietly() throws IOException {
        Path file = Files.writeString(directory.resolve("token"), "first-line-secret\nsecond-line-secret\n");

        assertThatThrownBy(() -> CircleCiToken.fromFile(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("line-secret");
    }
}
