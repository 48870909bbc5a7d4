package dev.supportbot.bot.helpdesk;

import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.config.Settings;
import dev.supportbot.bot.http.HttpRoutes;
import dev.supportbot.bot.plugin.BotPlugin;
import dev.supportbot.bot.plugin.Context;
import dev.supportbot.bot.store.UniqueViolation;
import dev.supportbot.bot.zendesk.ZendeskAccount;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox helpdesk: stand-ins of Zendesk ({@code BOT_ZENDESK_URL=sandbox}) and Slack
 * ({@code BOT_SLACK_API_URL=sandbox}) served by the bot's HTTP server over their own tables, reached by the bot's
 * real adapters over loopback HTTP, as the sandbox portal is. The Zendesk stand-in fires the shipped trigger (a
 * signed webhook to the bot) on ticket changes; the Slack stand-in turns clicks into signed requests to the bot.
 */
public final class SandboxHelpdeskPlugin implements BotPlugin {
    private static final Logger log = LoggerFactory.getLogger(SandboxHelpdeskPlugin.class);

    private final SandboxSettings mode;
    private SandboxZendesk zendesk;
    private TriggerSender trigger;
    private final RateLimitSwitch rateLimit = new RateLimitSwitch();
    private SlackStore slack;
    private SlackInteractions interactions;
    private final List<HttpRoutes> routes = new ArrayList<>();

    /** Whether the configuration asks for either stand-in. */
    public static boolean wanted(BotConfig config) {
        return SandboxSettings.of(config).any();
    }

    /** The settings the stand-ins bring (their URLs, credentials and ids), before the database opens. */
    public static BotConfig configure(BotConfig given) {
        return SandboxSettings.of(given).apply(given);
    }

    /**
     * Seeds the stand-ins' tables when they are empty. {@code given}: the configuration as given, which says which
     * stand-ins run; {@code context} runs on the {@link #configure}d one. {@code guarded}: outside sandbox mode, where
     * its console endpoints answer only requests with BOT_PORTAL_TOKEN.
     */
    public SandboxHelpdeskPlugin(Context context, BotConfig given, boolean guarded) {
        mode = SandboxSettings.of(given);
        BotConfig config = context.config();
        Jdbi jdbi = context.database().jdbi();
        if (mode.zendesk()) {
            ZendeskStore store = new ZendeskStore(context.clock());
            seed(jdbi, "Zendesk", HelpdeskPeople.ALL.size(), h -> store.isEmpty(h), h -> store.seed(h, HelpdeskPeople.ALL));
            // An operator's own BOT_ZENDESK_EMAIL is the account the bot calls as: it must exist to act.
            jdbi.useHandle(h -> store.agent(h, "supportbot", config.get(Settings.ZENDESK_EMAIL)));
            ShippedTrigger shipped = ShippedTrigger.load(config.get(Settings.ZENDESK_EMAIL));
            zendesk = new SandboxZendesk(jdbi, store, context.clock(), change -> trigger.changed(change));
            trigger = new TriggerSender(shipped, zendesk, config.get(Settings.ZENDESK_WEBHOOK_SECRET), context.clock(),
                    context::localBaseUrl);
            ZendeskAccount account = new ZendeskAccount(config.get(Settings.ZENDESK_URL), config.get(Settings.ZENDESK_EMAIL),
                    config.get(Settings.ZENDESK_TOKEN));
            routes.add(new ZendeskStandInRoutes(zendesk, account, rateLimit));
        }
        if (mode.slack()) {
            slack = new SlackStore(jdbi, context.clock());
            seed(jdbi, "Slack", HelpdeskPeople.ALL.stream().filter(p -> p.slackId() != null).count(), h -> slack.isEmpty(h),
                    h -> slack.seed(h, HelpdeskPeople.ALL));
            String team = config.get(Settings.SLACK_TEAM_ID);
            String app = config.find(Settings.SLACK_APP_ID).orElse(SlackInteractions.APP);
            interactions = new SlackInteractions(slack, team, app, config.get(Settings.SLACK_SIGNING_SECRET), context.clock(),
                    context::localBaseUrl);
            routes.add(new SlackStandInRoutes(slack, interactions, config.get(Settings.SLACK_BOT_TOKEN), team,
                    guarded ? new SlackStandInRoutes.Gate(true, config.get(Settings.PORTAL_TOKEN)) : SlackStandInRoutes.Gate.OPEN));
        }
    }

    @Override
    public List<HttpRoutes> routes() {
        return List.copyOf(routes);
    }

    @Override
    public void started(Context context) {
        if (mode.zendesk()) log.info("sandbox Zendesk serving {}{}", context.localBaseUrl(), SandboxSettings.ZENDESK_PATH);
        if (mode.slack()) log.info("sandbox Slack serving {}{}", context.localBaseUrl(), SandboxSettings.SLACK_API_PATH);
    }

    @Override
    public void close() {
        if (trigger != null) trigger.close();
    }

    /** The Zendesk stand-in refuses the next {@code requests} API requests with 429 and this Retry-After. */
    void rateLimitNext(int requests, Duration retryAfter) {
        rateLimit.refuseNext(requests, retryAfter);
    }

    SandboxZendesk zendesk() {
        return zendesk;
    }

    TriggerSender trigger() {
        return trigger;
    }

    SlackStore slack() {
        return slack;
    }

    SlackInteractions interactions() {
        return interactions;
    }

    private interface Step<T> {
        T run(org.jdbi.v3.core.Handle h);
    }

    private static void seed(Jdbi jdbi, String what, long people, Step<Boolean> isEmpty, java.util.function.Consumer<org.jdbi.v3.core.Handle> seed) {
        if (!jdbi.withHandle(isEmpty::run)) return;
        try {
            jdbi.useTransaction(seed::accept);
            log.info("sandbox {} seeded with {} people", what, people);
        } catch (RuntimeException e) {
            if (!UniqueViolation.isCause(e)) throw e;
            log.info("sandbox {}: another bot instance seeded it first", what);
        }
    }
}
