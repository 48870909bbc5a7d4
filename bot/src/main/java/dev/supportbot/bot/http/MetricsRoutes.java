package dev.supportbot.bot.http;

import dev.supportbot.bot.metrics.Metrics;
import io.javalin.config.RoutesConfig;

/** {@code GET /metrics} (Prometheus text), behind {@code BOT_METRICS_TOKEN} as a bearer token when that is set. */
public final class MetricsRoutes implements HttpRoutes {
    private final Metrics metrics;
    private final String token;

    public MetricsRoutes(Metrics metrics, String token) {
        this.metrics = metrics;
        this.token = token == null || token.isBlank() ? null : token;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/metrics", ctx -> {
            if (token != null && !BearerToken.matches(ctx.header("Authorization"), token)) {
                ctx.header("WWW-Authenticate", "Bearer");
                ApiError.respond(ctx, 401, "/metrics needs BOT_METRICS_TOKEN as a bearer token");
                return;
            }
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
        });
    }
}
