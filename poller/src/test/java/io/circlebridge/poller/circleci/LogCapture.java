package io.circlebridge.poller.circleci;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures every log event of the client's package, TRACE included, while open. Events are kept as
 * {@code LEVEL message} lines, followed by the stack trace of an attached exception.
 */
public final class LogCapture implements AutoCloseable {

    private static final String PACKAGE = "io.circlebridge.poller.circleci";

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final LoggerContext context;
    private final AbstractAppender appender;

    private final String loggerName;

    private LogCapture(String loggerName) {
        this.loggerName = loggerName;
        context = (LoggerContext) LogManager.getContext(false);
        appender = new AbstractAppender("circleci-log-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder line = new StringBuilder()
                        .append(event.getLevel()).append(' ')
                        .append(event.getMessage().getFormattedMessage());
                if (event.getThrown() != null) {
                    StringWriter trace = new StringWriter();
                    event.getThrown().printStackTrace(new PrintWriter(trace));
                    line.append('\n').append(trace);
                }
                lines.add(line.toString());
            }
        };
        appender.start();
        LoggerConfig logger = new LoggerConfig(loggerName, Level.ALL, false);
        logger.addAppender(appender, Level.ALL, null);
        Configuration configuration = context.getConfiguration();
        configuration.addLogger(loggerName, logger);
        context.updateLoggers();
    }

    /** Starts capturing. */
    static LogCapture start() {
        return new LogCapture(PACKAGE);
    }

    /** Starts capturing the events of {@code loggerName} and its children. */
    public static LogCapture start(String loggerName) {
        return new LogCapture(loggerName);
    }

    /** Returns every captured line. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    /** Returns the lines logged at {@code level}. */
    public List<String> lines(String level) {
        return lines.stream().filter(line -> line.startsWith(level + " ")).toList();
    }

    /** Returns all captured text in one string. */
    String all() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        context.getConfiguration().removeLogger(loggerName);
        context.updateLoggers();
        appender.stop();
    }
}
