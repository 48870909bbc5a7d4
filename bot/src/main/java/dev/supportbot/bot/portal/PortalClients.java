package dev.supportbot.bot.portal;

import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.config.Settings;
import dev.supportbot.bot.outbound.RetryPolicy;
import dev.supportbot.bot.plugin.Context;
import java.util.function.Supplier;

/** Builds the bot's portal client from its configuration. */
public final class PortalClients {
    public static final String SANDBOX = "sandbox";
    /** Where the bot serves the sandbox portal's API when {@code BOT_PORTAL_URL} is {@code sandbox}. */
    public static final String SANDBOX_API_PATH = "/sandbox/portal/api/v1";

    private PortalClients() {}

    /**
     * The client of {@code BOT_PORTAL_URL}. For {@code sandbox} it calls the bot's own sandbox portal over loopback
     * HTTP, so the same code path runs as against the real back end.
     */
    public static HttpPortalClient forBot(Context context) {
        BotConfig config = context.config();
        String url = config.get(Settings.PORTAL_URL);
        Supplier<String> baseUrl = SANDBOX.equals(url) ? () -> context.localBaseUrl() + SANDBOX_API_PATH : () -> url;
        return HttpPortalClient.builder(baseUrl)
                .token(config.get(Settings.PORTAL_TOKEN))
                .timeout(config.get(Settings.PORTAL_TIMEOUT))
                .retry(new RetryPolicy(config.get(Settings.PORTAL_MAX_ATTEMPTS), config.get(Settings.PORTAL_RETRY_BASE),
                        config.get(Settings.PORTAL_RETRY_MAX), config.get(Settings.PORTAL_RETRY_AFTER_MAX)))
                .cacheTtl(config.get(Settings.PORTAL_CACHE_TTL))
                .clock(context.clock())
                .build();
    }
}
