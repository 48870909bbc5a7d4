package dev.supportbot.bot.http;

import dev.supportbot.bot.metrics.Metrics;
import dev.supportbot.bot.store.Database;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/** {@code GET /healthz} (database status; 503 when unreachable) and {@code GET /metrics} (Prometheus text). */
public final class HealthRoutes implements HttpRoutes {
    private final Database database;
    private final Metrics metrics;

    public HealthRoutes(Database database, Metrics metrics) {
        this.database = database;
        this.metrics = metrics;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/healthz", ctx -> {
            boolean up = database.isReachable();
            ctx.status(up ? 200 : 503).json(Map.of(
                    "status", up ? "ok" : "unavailable",
                    "database", Map.of("status", up ? "up" : "down", "vendor", database.vendor().name().toLowerCase())));
        });
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
    }
}
