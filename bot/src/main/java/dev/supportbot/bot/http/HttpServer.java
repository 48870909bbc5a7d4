package dev.supportbot.bot.http;

import dev.supportbot.bot.inbox.InboxUnavailableException;
import dev.supportbot.bot.metrics.Metrics;
import io.javalin.Javalin;
import dev.supportbot.bot.json.Json;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.javalin.util.JavalinBindException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's one HTTP server. Route groups register themselves; this class owns what holds for every route: the body
 * limit, JSON errors without stack traces, 404/405, one log line and one metric per request, and the
 * {@link JettyLimits} that keep slow and hostile clients from starving it.
 */
public final class HttpServer implements AutoCloseable {
    public static final long MAX_BODY_BYTES = 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

    private final Javalin app;
    private volatile int port;

    public HttpServer(List<HttpRoutes> groups, Metrics metrics, ServerLimits limits) {
        this.app = Javalin.create(cfg -> {
            JettyLimits.apply(cfg.jetty, limits, groups.stream().flatMap(g -> g.limitedPaths().stream()).toList(), MAX_BODY_BYTES);
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = MAX_BODY_BYTES;
            cfg.http.prefer405over404 = true;
            cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            cfg.requestLogger.http((ctx, ms) -> {
                String route = route(ctx);
                log.info("{} {} {} {}ms", ctx.method(), route, ctx.statusCode(), String.format("%.1f", ms));
                metrics.request(ctx.method().name(), route, ctx.statusCode(), Duration.ofNanos((long) (ms * 1_000_000)));
            });
            for (HttpRoutes group : groups) group.register(cfg.routes);
            cfg.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) ApiError.respond(ctx, 404, "no such path");
            });
            cfg.routes.error(405, ctx -> ApiError.respond(ctx, 405, "method not allowed"));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> ApiError.respond(ctx, e.getStatus(),
                    e.getStatus() == 413 ? "body is larger than 1 MiB" : e.getMessage()));
            cfg.routes.exception(InboxUnavailableException.class, (e, ctx) -> {
                log.warn("{} {} not accepted: {}", ctx.method(), route(ctx), e.getMessage());
                ctx.header("Retry-After", Integer.toString(InboxUnavailableException.RETRY_AFTER_SECONDS));
                ApiError.respond(ctx, 503, e.getMessage() + "; retry later");
            });
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                log.error("unhandled error on {} {}", ctx.method(), route(ctx), e);
                ApiError.respond(ctx, 500, "internal error");
            });
        });
    }

    /** Starts on {@code port} (0 picks a free one) and returns the port in use. */
    public int start(String host, int port) {
        try {
            app.start(host, port);
        } catch (JavalinBindException e) {
            throw new PortUnavailableException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        this.port = app.port();
        return this.port;
    }

    /** The port the server listens (or listened) on. */
    public int port() {
        return port;
    }

    @Override
    public void close() {
        app.stop();
    }

    private static String route(Context ctx) {
        try {
            Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null ? "unmatched" : endpoint.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }
}
