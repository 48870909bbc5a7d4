package dev.supportbot.bot.http;

import io.javalin.config.RoutesConfig;
import java.util.List;

/** A group of routes registered on the bot's one HTTP server (intake, health, the sandbox portal…). */
@FunctionalInterface
public interface HttpRoutes {
    void register(RoutesConfig routes);

    /** Paths whose requests are limited to {@link ServerLimits#maxRequestsPerRoute()} at once (intake from outside). */
    default List<String> limitedPaths() {
        return List.of();
    }
}
