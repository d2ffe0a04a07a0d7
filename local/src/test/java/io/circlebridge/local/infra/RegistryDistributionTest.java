package io.circlebridge.local.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryDistributionTest {

    @TempDir
    Path root;

    @Test
    void shouldUseDirectoryNamedByProperty() throws IOException {
        Path home = distribution("home");

        Path located = RegistryDistribution.locate(Optional.of(home.toString()), List.of(distribution("candidate")));

        assertThat(located).isEqualTo(home);
    }

    @Test
    void shouldRejectPropertyDirectoryWithoutRunnerJar() throws IOException {
        Path empty = Files.createDirectory(root.resolve("empty"));

        assertThatThrownBy(() -> RegistryDistribution.locate(Optional.of(empty.toString()), List.of(distribution("candidate"))))
                .isInstanceOf(InfrastructureException.class)
                .hasMessage("Apicurio Registry distribution not found in " + empty + ", which the system property circlebridge.registry.home"
                        + " names: no *-runner.jar there. Run './mvnw -pl local generate-resources' from the repository root to download"
                        + " and unpack it, or set -Dcirclebridge.registry.home to a directory that contains the Apicurio Registry runner jar.");
    }

    @Test
    void shouldUseFirstCandidateWithRunnerJar() throws IOException {
        Path missing = root.resolve("missing");
        Path second = distribution("second");
        Path third = distribution("third");

        Path located = RegistryDistribution.locate(Optional.empty(), List.of(missing, second, third));

        assertThat(located).isEqualTo(second);
    }

    @Test
    void shouldListSearchedPlacesWhenNotFound() {
        Path missing = root.resolve("missing");

        assertThatThrownBy(() -> RegistryDistribution.locate(Optional.empty(), List.of(missing)))
                .isInstanceOf(InfrastructureException.class)
                .hasMessage("Apicurio Registry distribution not found in any of [" + missing + "]. Run './mvnw -pl local generate-resources'"
                        + " from the repository root to download and unpack it, or set -Dcirclebridge.registry.home to a directory"
                        + " that contains the Apicurio Registry runner jar.");
    }

    @Test
    void shouldRejectDistributionWithTwoRunnerJars() throws IOException {
        Path dir = distribution("two");
        Files.writeString(dir.resolve("apicurio-registry-app-2.0.0.Final-runner.jar"), "");

        assertThatThrownBy(() -> RegistryDistribution.runnerJar(dir))
                .isInstanceOf(InfrastructureException.class)
                .hasMessageStartingWith("More than one *-runner.jar in " + dir);
    }

    @Test
    void shouldFindRunnerJarOfDistribution() throws IOException {
        Path dir = distribution("one");

        Path runnerJar = RegistryDistribution.runnerJar(dir);

        assertThat(runnerJar).isEqualTo(dir.resolve("apicurio-registry-app-1.0.0.Final-runner.jar"));
    }

    private Path distribution(String name) throws IOException {
        Path dir = Files.createDirectory(root.resolve(name));
        Files.writeString(dir.resolve("apicurio-registry-app-1.0.0.Final-runner.jar"), "");
        return dir;
    }
}
