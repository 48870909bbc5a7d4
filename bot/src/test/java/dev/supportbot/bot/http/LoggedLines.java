package dev.supportbot.bot.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Every line logged anywhere in the JVM (Jetty and Javalin included) while it is open, with its stack trace if any. */
final class LoggedLines implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LoggedLines() {
        appender.start();
        root.addAppender(appender);
    }

    List<String> messages() {
        return List.copyOf(appender.list).stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** The lines logged with a stack trace, as "logger: message: exception". */
    List<String> withStackTraces() {
        return List.copyOf(appender.list).stream()
                .filter(e -> e.getThrowableProxy() != null)
                .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage() + ": " + e.getThrowableProxy().getClassName())
                .toList();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
    }
}
