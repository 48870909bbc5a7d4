package dev.supportbot.bot.http;

import io.javalin.config.RoutesConfig;

/** A group of routes registered on the bot's one HTTP server (intake, health, the sandbox portal…). */
@FunctionalInterface
public interface HttpRoutes {
    void register(RoutesConfig routes);
}
