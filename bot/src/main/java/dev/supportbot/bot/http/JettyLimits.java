package dev.supportbot.bot.http;

import io.javalin.config.JettyConfig;
import java.util.List;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * What keeps slow or hostile clients from starving the server (and {@code /healthz} with it), set up on Jetty:
 * <ul>
 *   <li>request bodies are read in full without a thread before the route runs ({@link BufferedBodyHandler}), so a
 *       client that trickles its body holds a connection but never a request thread, and gets 408 at the body
 *       timeout;</li>
 *   <li>a connection whose request headers take longer than the header timeout is closed ({@link HeaderDeadline});
 *       headers are parsed without a thread, so until then a trickled header costs only a connection;</li>
 *   <li>a connection silent for the idle timeout is closed;</li>
 *   <li>at most {@code maxConnections} connections are open at once;</li>
 *   <li>each limited route handles at most {@code maxRequestsPerRoute} requests at once, so no one route takes all
 *       request threads;</li>
 *   <li>Jetty's own error answers are JSON ({@link JsonErrorHandler}).</li>
 * </ul>
 */
final class JettyLimits {
    private JettyLimits() {}

    static void apply(JettyConfig jetty, ServerLimits limits, List<String> limitedPaths, long maxBodyBytes) {
        jetty.modifyServer(server -> {
            server.setErrorHandler(new JsonErrorHandler());
            server.addBean(new NetworkConnectionLimit(limits.maxConnections(), server));
            // Each insert goes outside the ones before: bodies are buffered before a route's limit counts them.
            for (String path : limitedPaths) server.insertHandler(routeLimit(path, limits.maxRequestsPerRoute()));
            server.insertHandler(new BufferedBodyHandler(maxBodyBytes, limits.bodyTimeout()));
            server.addEventListener(new LifeCycle.Listener() {
                @Override
                public void lifeCycleStarting(LifeCycle event) {
                    // Javalin adds its connector after this configuration runs and before the server starts.
                    for (Connector connector : server.getConnectors()) {
                        if (connector instanceof AbstractConnector c) c.setIdleTimeout(limits.idleTimeout().toMillis());
                        connector.addEventListener(new HeaderDeadline(limits.headerTimeout(), connector.getScheduler()));
                    }
                }
            });
        });
    }

    private static QoSHandler routeLimit(String path, int maxRequests) {
        QoSHandler limit = new QoSHandler();
        limit.includePath(path);
        limit.setMaxRequestCount(maxRequests);
        limit.setMaxSuspend(ServerLimits.MAX_WAIT_FOR_SLOT);
        return limit;
    }
}
