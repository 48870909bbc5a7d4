package dev.supportbot.bot.http;

import dev.supportbot.bot.config.ActionMode;
import dev.supportbot.bot.config.BackEnds;
import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.store.DatabaseHealth;
import io.javalin.config.RoutesConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /healthz}: 503 unless the database accepts a write (the check is reused for a second), with the mode
 * the bot runs in (sandbox, production or a mix of real and sandbox back ends) and whether it acts ({@code "actions":
 * "live"}) or only says what it would do ({@code "shadow"}). While the bot drains before it stops it answers 503
 * {@code "draining"}, so that orchestrators stop sending it traffic.
 */
public final class HealthRoutes implements HttpRoutes {
    private static final Duration CHECK_REUSED_FOR = Duration.ofSeconds(1);

    private final Database database;
    private final DatabaseHealth health;
    private final BackEnds backEnds;
    private final ActionMode actions;
    private final Draining draining;

    public HealthRoutes(Database database, BackEnds backEnds, ActionMode actions, Draining draining) {
        this.database = database;
        this.health = new DatabaseHealth(database, CHECK_REUSED_FOR);
        this.backEnds = backEnds;
        this.actions = actions;
        this.draining = draining;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/healthz", ctx -> {
            DatabaseHealth.Status status = health.status();
            Map<String, Object> db = new LinkedHashMap<>();
            db.put("status", status.up() ? "up" : "down");
            db.put("vendor", "postgresql");
            if (!status.up()) db.put("reason", status.reason());
            Map<String, Object> body = new LinkedHashMap<>();
            boolean ready = status.up() && !draining.on();
            body.put("status", draining.on() ? "draining" : status.up() ? "ok" : "unavailable");
            body.put("database", db);
            body.put("mode", backEnds.mode());
            body.put("actions", actions.name().toLowerCase(Locale.ROOT));
            if (backEnds.mixed()) {
                body.put("sandbox_mix_allowed", backEnds.mixAllowed());
                body.put("back_ends", backEnds.describe());
            }
            ctx.status(ready ? 200 : 503).json(body);
        });
    }
}
