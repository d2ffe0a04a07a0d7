package io.circlebridge.schema.evolution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/**
 * Reads the schemas of every CircleBridge release from {@value #RELEASES_DIRECTORY}, one folder per version. A
 * release folder has the layout of {@code src/main/avro}: the named types that records refer to in {@code common/},
 * which are parsed first, and the records beside it.
 */
public final class ReleasedSchemas {

    /** The folder of released schemas, relative to the schemas module. */
    public static final String RELEASES_DIRECTORY = "src/main/avro-released";

    private static final String COMMON_DIRECTORY = "common";
    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+)*");

    private ReleasedSchemas() {
    }

    /** Reads the releases of the schemas module, oldest first. */
    public static List<Release> load() {
        return load(moduleDirectory().resolve(RELEASES_DIRECTORY));
    }

    /**
     * Reads the releases under {@code root}, oldest first by version number, so that 0.10.0 comes after 0.9.0.
     *
     * @throws IllegalStateException when {@code root} is missing, a folder name is not a version, or a release has
     *     no record schema
     */
    public static List<Release> load(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("Missing released schemas folder " + root.toAbsolutePath()
                    + ": copy src/main/avro to " + RELEASES_DIRECTORY + "/<version> when releasing.");
        }

        List<Release> releases = new ArrayList<>();
        for (Path folder : list(root, Files::isDirectory)) {
            String version = folder.getFileName().toString();
            if (!VERSION.matcher(version).matches()) {
                throw new IllegalStateException("Invalid release folder " + folder.toAbsolutePath()
                        + ": its name must be a version such as 0.2.0.");
            }
            releases.add(new Release(version, readRecords(folder)));
        }
        releases.sort(Comparator.comparing(Release::version, ReleasedSchemas::compareVersions));
        return releases;
    }

    /** Returns the schemas module's folder, which is Maven's {@code basedir} or else the working directory. */
    static Path moduleDirectory() {
        String basedir = System.getProperty("basedir");
        return basedir == null ? Path.of("") : Path.of(basedir);
    }

    private static Map<String, Schema> readRecords(Path folder) {
        Schema.Parser parser = new Schema.Parser();
        Path common = folder.resolve(COMMON_DIRECTORY);
        if (Files.isDirectory(common)) {
            for (Path file : list(common, ReleasedSchemas::isSchemaFile)) {
                parse(parser, file);
            }
        }

        Map<String, Schema> records = new LinkedHashMap<>();
        for (Path file : list(folder, ReleasedSchemas::isSchemaFile)) {
            Schema schema = parse(parser, file);
            records.put(schema.getFullName(), schema);
        }
        if (records.isEmpty()) {
            throw new IllegalStateException("Release folder " + folder.toAbsolutePath() + " has no .avsc file.");
        }
        return records;
    }

    private static Schema parse(Schema.Parser parser, Path file) {
        try {
            return parser.parse(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read released schema " + file.toAbsolutePath(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Invalid released schema " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static boolean isSchemaFile(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".avsc");
    }

    private static List<Path> list(Path folder, Predicate<Path> filter) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(filter).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder.toAbsolutePath(), e);
        }
    }

    private static int compareVersions(String left, String right) {
        String[] leftParts = left.split("\\.");
        String[] rightParts = right.split("\\.");
        for (int i = 0; i < Math.max(leftParts.length, rightParts.length); i++) {
            int leftPart = i < leftParts.length ? Integer.parseInt(leftParts[i]) : 0;
            int rightPart = i < rightParts.length ? Integer.parseInt(rightParts[i]) : 0;
            if (leftPart != rightPart) {
                return Integer.compare(leftPart, rightPart);
            }
        }
        return 0;
    }
}
