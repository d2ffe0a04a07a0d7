package io.circlebridge.local.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Locates the unpacked Apicurio Registry distribution, a directory with an {@code *-runner.jar} and its
 * {@code lib/}. The build of the local module unpacks it into {@code local/target/apicurio}.
 */
final class RegistryDistribution {

    static final String HOME_PROPERTY = "circlebridge.registry.home";

    private static final String RUNNER_JAR_GLOB = "*-runner.jar";
    private static final String UNPACK_HINT = "Run './mvnw -pl local generate-resources' from the repository root to download and "
            + "unpack it, or set -D" + HOME_PROPERTY + " to a directory that contains the Apicurio Registry runner jar.";

    private RegistryDistribution() {
    }

    /**
     * Returns the directory named by the system property {@value #HOME_PROPERTY}. Without the property, returns
     * the first of these that contains a runner jar: {@code local/target/apicurio} and {@code target/apicurio} under
     * the working directory, then {@code apicurio} beside this class's jar or classes directory.
     *
     * @throws InfrastructureException naming the places searched and the build command that fills them
     */
    static Path locate() {
        return locate(Optional.ofNullable(System.getProperty(HOME_PROPERTY)), defaultCandidates());
    }

    static Path locate(Optional<String> home, List<Path> candidates) {
        if (home.isPresent()) {
            Path dir = Path.of(home.get()).toAbsolutePath();
            if (findRunnerJar(dir).isEmpty()) {
                throw new InfrastructureException("Apicurio Registry distribution not found in " + dir + ", which the system property "
                        + HOME_PROPERTY + " names: no " + RUNNER_JAR_GLOB + " there. " + UNPACK_HINT);
            }
            return dir;
        }

        for (Path candidate : candidates) {
            if (findRunnerJar(candidate).isPresent()) {
                return candidate.toAbsolutePath();
            }
        }
        throw new InfrastructureException("Apicurio Registry distribution not found in any of " + candidates + ". " + UNPACK_HINT);
    }

    /** Returns the runner jar of a distribution directory. */
    static Path runnerJar(Path distributionDir) {
        return findRunnerJar(distributionDir).orElseThrow(() -> new InfrastructureException(
                "No " + RUNNER_JAR_GLOB + " in Apicurio Registry distribution " + distributionDir.toAbsolutePath() + ". " + UNPACK_HINT));
    }

    private static Optional<Path> findRunnerJar(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, RUNNER_JAR_GLOB)) {
            stream.forEach(jars::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to list " + dir, e);
        }
        if (jars.size() > 1) {
            throw new InfrastructureException("More than one " + RUNNER_JAR_GLOB + " in " + dir.toAbsolutePath() + ": " + jars
                    + "; delete the directory and unpack one distribution again. " + UNPACK_HINT);
        }
        return jars.stream().findFirst();
    }

    private static List<Path> defaultCandidates() {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("local", "target", "apicurio").toAbsolutePath());
        candidates.add(Path.of("target", "apicurio").toAbsolutePath());
        codeLocation().ifPresent(location -> candidates.add(location.resolveSibling("apicurio")));
        return candidates;
    }

    /** Returns {@code local/target/circlebridge-local.jar} or {@code local/target/classes}, when known. */
    private static Optional<Path> codeLocation() {
        CodeSource source = RegistryDistribution.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(source.getLocation().toURI()).toAbsolutePath());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
