package dev.supportbot.bot.sandbox;

import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.config.GeneratedSecret;
import dev.supportbot.bot.config.Settings;
import dev.supportbot.bot.http.HttpRoutes;
import dev.supportbot.bot.plugin.BotPlugin;
import dev.supportbot.bot.plugin.Context;
import dev.supportbot.bot.portal.PortalClients;
import dev.supportbot.bot.store.UniqueViolation;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox portal: a fake of the vendor's admin back end over its own tables, served by the bot's HTTP server
 * under {@link #API_PATH} (BOT_PORTAL_URL=sandbox). Seeded from config/sandbox-seed.yaml when its tables are empty.
 * It requires BOT_PORTAL_TOKEN as bearer token when that is set, and accepts any request when it is not, in sandbox
 * mode only: outside it (guarded) an unset token is generated for this process, so only the bot itself gets in.
 */
public final class SandboxPortalPlugin implements BotPlugin {
    public static final String API_PATH = PortalClients.SANDBOX_API_PATH;
    private static final Logger log = LoggerFactory.getLogger(SandboxPortalPlugin.class);

    private final SandboxPortalRoutes routes;

    /**
     * The settings the sandbox portal brings, before the database opens. {@code guarded}: outside sandbox mode,
     * where it answers only requests with BOT_PORTAL_TOKEN (generated for this process when unset).
     */
    public static BotConfig configure(BotConfig config, boolean guarded) {
        if (!guarded || config.get(Settings.PORTAL_TOKEN) != null) return config;
        return config.with(Settings.PORTAL_TOKEN, GeneratedSecret.of("portal-sandbox-"));
    }

    /** Seeds the portal's tables when they are empty; {@code context} runs on the {@link #configure}d settings. */
    public SandboxPortalPlugin(Context context) {
        Jdbi jdbi = context.database().jdbi();
        SandboxSecrets secrets = new SandboxSecrets();
        SandboxPortal portal = SandboxPortal.create(context.clock(), secrets);
        seedIfEmpty(context, jdbi, portal, secrets);
        routes = new SandboxPortalRoutes(jdbi, context.config().get(Settings.PORTAL_TOKEN), portal,
                new IdempotencyStore(jdbi, context.clock()));
    }

    @Override
    public List<HttpRoutes> routes() {
        return List.of(routes);
    }

    @Override
    public void started(Context context) {
        log.info("sandbox portal serving {}{}", context.localBaseUrl(), API_PATH);
    }

    private static void seedIfEmpty(Context context, Jdbi jdbi, SandboxPortal portal, SandboxSecrets secrets) {
        if (!jdbi.withHandle(portal.billingStore()::isEmpty)) return;
        String file = context.config().get(Settings.PORTAL_SANDBOX_SEED);
        SandboxSeed seed = SandboxSeed.load(file == null ? null : Path.of(file));
        LocalDate day = LocalDate.ofInstant(context.clock().instant(), ZoneOffset.UTC);
        try {
            int companies = jdbi.inTransaction(h -> new SandboxSeeder(portal, secrets).seed(h, seed, day));
            log.info("sandbox portal seeded with {} companies from {} (D = {})", companies,
                    file == null ? "the built-in seed" : file, day);
        } catch (RuntimeException e) {
            if (!UniqueViolation.isCause(e)) throw e;
            log.info("sandbox portal: another bot instance seeded it first");
        }
    }
}
