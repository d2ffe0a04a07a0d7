package io.circlebridge.ksql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the ksqlDB statements in the repository's {@value #DIRECTORY} folder: splits .sql files into statements and
 * finds the {@code CREATE STREAM} and {@code CREATE TABLE} statements that declare a stream or table over a topic.
 */
public final class KsqlScripts {

    /** The folder of .sql files, at the repository root. */
    public static final String DIRECTORY = "ksql";

    private static final Pattern DECLARATION = Pattern.compile(
            "CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:SOURCE\\s+)?(STREAM|TABLE)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)"
                    + "\\s*\\((.*?)\\)\\s*WITH\\s*\\((.*)\\)\\s*;",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern PROPERTY = Pattern.compile("(\\w+)\\s*=\\s*('(?:[^']|'')*'|[^,\\s]+)");

    private KsqlScripts() {
    }

    /**
     * One {@code CREATE STREAM} or {@code CREATE TABLE} statement over an existing topic.
     *
     * @param kind {@code STREAM} or {@code TABLE}
     * @param name the stream or table name as written
     * @param columns the column list as written, such as {@code pipeline_key STRING KEY}
     * @param properties the {@code WITH} properties, names in upper case and values without quotes
     * @param statement the whole statement
     */
    public record Declaration(String kind, String name, String columns, Map<String, String> properties,
                              String statement) {

        /** Returns the {@code KAFKA_TOPIC} property, or empty when the statement has none. */
        public Optional<String> topic() {
            return Optional.ofNullable(properties.get("KAFKA_TOPIC"));
        }
    }

    /** Returns the {@value #DIRECTORY} folder, found beside the Maven module that runs the tests. */
    public static Path directory() {
        String basedir = System.getProperty("basedir");
        Path module = basedir == null ? Path.of("").toAbsolutePath() : Path.of(basedir);
        return module.resolveSibling(DIRECTORY).normalize();
    }

    /** Lists the .sql files of {@code directory} in name order, which is the order to run them in. */
    public static List<Path> files(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(path -> path.getFileName().toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the ksqlDB scripts in " + directory, e);
        }
    }

    /** Reads the statements of every .sql file of {@code directory}, file by file in name order. */
    public static List<String> statements(Path directory) {
        List<String> statements = new ArrayList<>();
        for (Path file : files(directory)) {
            try {
                statements.addAll(split(Files.readString(file)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read ksqlDB script " + file, e);
            }
        }
        return statements;
    }

    /**
     * Splits a script into statements, each ending with its {@code ;} and without comments. Semicolons inside
     * string literals, back-quoted identifiers and comments do not end a statement.
     *
     * @throws IllegalArgumentException when text after the last {@code ;} is not a comment or blank
     */
    public static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (script.startsWith("--", i)) {
                i = endOfLineComment(script, i);
            } else if (script.startsWith("/*", i)) {
                i = endOfBlockComment(script, i);
            } else if (c == '\'' || c == '`') {
                int end = endOfQuoted(script, i, c);
                current.append(script, i, end);
                i = end;
            } else {
                current.append(c);
                i++;
                if (c == ';') {
                    statements.add(current.toString().strip());
                    current.setLength(0);
                }
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalArgumentException("Missing ';' after the last statement: " + current.toString().strip());
        }
        return statements;
    }

    /** Returns the statements that declare a stream or table over a topic, leaving out {@code AS SELECT} statements. */
    public static List<Declaration> declarations(List<String> statements) {
        List<Declaration> declarations = new ArrayList<>();
        for (String statement : statements) {
            Matcher matcher = DECLARATION.matcher(statement);
            if (matcher.matches()) {
                declarations.add(new Declaration(matcher.group(1).toUpperCase(Locale.ROOT), matcher.group(2),
                        matcher.group(3).strip(), properties(matcher.group(4)), statement));
            }
        }
        return declarations;
    }

    /** Tells whether {@code statement} is a query, which ksqlDB's REST API runs at {@code /query}, not {@code /ksql}. */
    public static boolean isQuery(String statement) {
        return statement.regionMatches(true, 0, "SELECT", 0, "SELECT".length());
    }

    private static Map<String, String> properties(String withClause) {
        Map<String, String> properties = new LinkedHashMap<>();
        Matcher matcher = PROPERTY.matcher(withClause);
        while (matcher.find()) {
            String value = matcher.group(2);
            if (value.startsWith("'")) {
                value = value.substring(1, value.length() - 1).replace("''", "'");
            }
            properties.put(matcher.group(1).toUpperCase(Locale.ROOT), value);
        }
        return properties;
    }

    private static int endOfLineComment(String script, int start) {
        int newline = script.indexOf('\n', start);
        return newline < 0 ? script.length() : newline;
    }

    private static int endOfBlockComment(String script, int start) {
        int end = script.indexOf("*/", start + 2);
        if (end < 0) {
            throw new IllegalArgumentException("Unclosed /* comment at offset " + start);
        }
        return end + 2;
    }

    /** Returns the offset after the quote that closes the one at {@code start}; a doubled quote is an escape. */
    private static int endOfQuoted(String script, int start, char quote) {
        int i = start + 1;
        while (i < script.length()) {
            if (script.charAt(i) == quote) {
                if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw new IllegalArgumentException("Unclosed " + quote + " quote at offset " + start);
    }
}
