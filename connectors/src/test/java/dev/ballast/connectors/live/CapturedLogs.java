package dev.ballast.connectors.live;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures every log line (all loggers, from DEBUG for {@code dev.ballast}) while open, with the messages of any
 * attached throwables, so a test can scan what would have been printed. Close it to restore the levels.
 */
final class CapturedLogs implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger ballast = (Logger) LoggerFactory.getLogger("dev.ballast");
    private final Level ballastLevel = ballast.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    CapturedLogs() {
        appender.start();
        root.addAppender(appender);
        ballast.setLevel(Level.DEBUG);
    }

    /** Every captured line: level, logger, formatted message and throwable messages. */
    synchronized List<String> lines() {
        List<String> out = new ArrayList<>();
        for (ILoggingEvent e : new ArrayList<>(appender.list)) {
            StringBuilder line = new StringBuilder(e.getLevel() + " " + e.getLoggerName() + " "
                    + e.getFormattedMessage());
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
            }
            out.add(line.toString());
        }
        return out;
    }

    /** The captured lines at WARN from {@code loggerClass}. */
    List<String> warnings(Class<?> loggerClass) {
        return lines().stream().filter(l -> l.startsWith("WARN " + loggerClass.getName() + " ")).toList();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        ballast.setLevel(ballastLevel);
    }
}
