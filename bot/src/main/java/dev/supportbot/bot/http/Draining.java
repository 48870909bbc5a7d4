package dev.supportbot.bot.http;

import java.util.List;

/**
 * Whether the bot is stopping (SIGTERM): from then on intake answers 503 with {@code Retry-After}, so a sender or a
 * load balancer tries another instance or later, and {@code /healthz} answers 503 (readiness off), while the workers
 * finish what they hold. Nothing already acknowledged is affected.
 */
public final class Draining {
    static final String RETRY_AFTER_SECONDS = "5";

    private volatile boolean on;

    public void begin() {
        on = true;
    }

    public boolean on() {
        return on;
    }

    /** Routes that refuse requests to {@code intakePaths} while draining. */
    public HttpRoutes refusing(List<String> intakePaths) {
        return routes -> intakePaths.forEach(path -> routes.beforeMatched(path, ctx -> {
            if (!on) return;
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
            ApiError.respond(ctx, 503, "this instance is shutting down; retry later or at another instance");
            ctx.skipRemainingHandlers();
        }));
    }
}
