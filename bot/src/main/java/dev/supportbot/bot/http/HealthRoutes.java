package dev.supportbot.bot.http;

import dev.supportbot.bot.metrics.Metrics;
import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.store.DatabaseHealth;
import io.javalin.config.RoutesConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /healthz} (503 unless the database accepts a write; the check is reused for a second) and
 * {@code GET /metrics} (Prometheus text).
 */
public final class HealthRoutes implements HttpRoutes {
    private static final Duration CHECK_REUSED_FOR = Duration.ofSeconds(1);

    private final Database database;
    private final DatabaseHealth health;
    private final Metrics metrics;

    public HealthRoutes(Database database, Metrics metrics) {
        this.database = database;
        this.health = new DatabaseHealth(database, CHECK_REUSED_FOR);
        this.metrics = metrics;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/healthz", ctx -> {
            DatabaseHealth.Status status = health.status();
            Map<String, Object> db = new LinkedHashMap<>();
            db.put("status", status.up() ? "up" : "down");
            db.put("vendor", "postgresql");
            if (!status.up()) db.put("reason", status.reason());
            ctx.status(status.up() ? 200 : 503).json(Map.of("status", status.up() ? "ok" : "unavailable", "database", db));
        });
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
    }
}
