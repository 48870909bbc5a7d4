package dev.supportbot.bot.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose request line and headers take longer than the timeout to arrive. Jetty parses headers
 * without a thread and only bounds the silence between two bytes (the idle timeout), so a client sending one header
 * byte now and then would otherwise keep its connection for as long as it likes. Each connection is looked at every
 * half timeout while it is open.
 */
final class HeaderDeadline implements Connection.Listener {
    private static final Logger log = LoggerFactory.getLogger(HeaderDeadline.class);

    private final Duration timeout;
    private final Scheduler scheduler;

    HeaderDeadline(Duration timeout, Scheduler scheduler) {
        this.timeout = timeout;
        this.scheduler = scheduler;
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection http) watch(http);
    }

    private void watch(HttpConnection http) {
        scheduler.schedule(() -> check(http), Math.max(1, timeout.toMillis() / 2), TimeUnit.MILLISECONDS);
    }

    private void check(HttpConnection http) {
        if (!http.getEndPoint().isOpen()) return;
        HttpParser parser = http.getParser();
        long begun = parser.getBeginNanoTime();
        if (!parser.isStart() && parser.inHeaderState() && begun != 0 && NanoTime.millisSince(begun) > timeout.toMillis()) {
            log.info("closed a connection whose request headers took longer than {}ms", timeout.toMillis());
            http.getEndPoint().close();
            return;
        }
        watch(http);
    }
}
