package dev.supportbot.bot;

import dev.supportbot.bot.config.BackEnds;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.config.Settings;
import dev.supportbot.bot.http.Draining;
import dev.supportbot.bot.http.HealthRoutes;
import dev.supportbot.bot.http.HttpRoutes;
import dev.supportbot.bot.http.HttpServer;
import dev.supportbot.bot.http.MetricsRoutes;
import dev.supportbot.bot.http.ServerLimits;
import dev.supportbot.bot.http.SlackSignature;
import dev.supportbot.bot.http.ZendeskSignature;
import dev.supportbot.bot.http.ZendeskWebhookRoutes;
import dev.supportbot.bot.inbox.Dispatcher;
import dev.supportbot.bot.inbox.Inbox;
import dev.supportbot.bot.inbox.InboxWorkers;
import dev.supportbot.bot.inbox.Intake;
import dev.supportbot.bot.inbox.RoutingDispatcher;
import dev.supportbot.bot.metrics.Metrics;
import dev.supportbot.bot.outbound.Backoff;
import dev.supportbot.bot.plugin.BotPlugin;
import dev.supportbot.bot.plugin.Context;
import dev.supportbot.bot.plugin.PluginSet;
import dev.supportbot.bot.retention.Retention;
import dev.supportbot.bot.slack.OpenedViews;
import dev.supportbot.bot.slack.SlackCommands;
import dev.supportbot.bot.slack.SlackRoutes;
import dev.supportbot.bot.slack.SlackWorkspace;
import dev.supportbot.bot.store.Database;
import dev.supportbot.workflows.redaction.SecretScanner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: database, inbox workers and the HTTP server, wired from the configuration. Stopping it drains:
 * intake and {@code /healthz} answer 503 at once ({@link Draining}), the workers finish what they hold within the
 * shutdown grace and give back the rest, the reminder scheduler stops, and only then the HTTP server (the workers may
 * still call the sandbox stand-ins on it) and the database.
 */
public final class SupportBot implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SupportBot.class);

    private final Database database;
    private final Inbox inbox;
    private final InboxWorkers workers;
    private final Retention retention;
    private final HttpServer http;
    private final HttpServer metricsHttp;
    private final Metrics metrics;
    private final List<BotPlugin> plugins;
    private final Draining draining;
    private final Duration grace;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SupportBot(Database database, Inbox inbox, InboxWorkers workers, Retention retention, HttpServer http,
            HttpServer metricsHttp, Metrics metrics, List<BotPlugin> plugins, Draining draining, Duration grace) {
        this.database = database;
        this.inbox = inbox;
        this.workers = workers;
        this.retention = retention;
        this.http = http;
        this.metricsHttp = metricsHttp;
        this.metrics = metrics;
        this.plugins = plugins;
        this.draining = draining;
        this.grace = grace;
    }

    public static Builder builder(BotConfig config) {
        return new Builder(config);
    }

    public int port() {
        return http.port();
    }

    public Inbox inbox() {
        return inbox;
    }

    public Database database() {
        return database;
    }

    public Metrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        log.info("supportbot stopping: intake refused from now on, workers have {} s to finish", grace.toSeconds());
        draining.begin();
        for (BotPlugin plugin : plugins) {
            try {
                plugin.draining();
            } catch (RuntimeException e) {
                log.warn("plugin {} did not stop starting work: {}", plugin.getClass().getSimpleName(), e.getMessage());
            }
        }
        retention.close();
        workers.close(grace);
        BotPlugin.closeAll(plugins);
        inbox.close(); // after the plug-ins: the reminder scheduler stores its events through it until it stops
        http.close();
        if (metricsHttp != null) metricsHttp.close();
        database.close(); // last: an embedded server stops with it
        log.info("supportbot stopped");
    }

    /** The running plug-ins, in the order they were built. */
    public List<BotPlugin> plugins() {
        return plugins;
    }

    public static final class Builder {
        private BotConfig config;
        private Clock clock = Clock.systemUTC();
        private Function<Context, Dispatcher> dispatcher;
        private final List<PluginSet> pluginSets = new ArrayList<>();
        private String host = "0.0.0.0";

        private Builder(BotConfig config) {
            this.config = config;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** Plug-ins to build once the database is open, after those given before (e.g. {@link Plugins#standard}). */
        public Builder plugins(PluginSet plugins) {
            pluginSets.add(plugins);
            return this;
        }

        /**
         * Replaces the plug-ins' dispatchers with one of the test's own, built once the database and clock exist.
         * Without it, events go to the plug-ins' dispatchers by source ("no handler" when none claims the source).
         */
        public Builder dispatcher(Function<Context, Dispatcher> dispatcher) {
            this.dispatcher = dispatcher;
            return this;
        }

        public SupportBot start() {
            BackEnds backEnds = BackEnds.of(config); // as given: the sandbox stand-ins replace "sandbox" by their URLs
            if (backEnds.mixed()) {
                log.warn("running a mix of real and sandbox back ends ({}=true): {}", Settings.ALLOW_SANDBOX_MIX.env(),
                        backEnds.describe());
            }
            for (PluginSet set : pluginSets) config = set.configure(config);
            String url = config.get(Settings.DB_URL);
            Database database = url == null
                    ? Database.openEmbedded(Path.of(config.get(Settings.DATA_DIR)), config.get(Settings.DB_POOL_SIZE))
                    : Database.open(url, config.get(Settings.DB_USER), config.get(Settings.DB_PASSWORD),
                            config.get(Settings.DB_POOL_SIZE));
            try {
                return assemble(database, backEnds);
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
        }

        private SupportBot assemble(Database database, BackEnds backEnds) {
            Metrics metrics = new Metrics();
            Inbox inbox = new Inbox(database, clock);
            metrics.inboxGauges(inbox::depth, inbox::deadCount);
            AtomicReference<InboxWorkers> workersRef = new AtomicReference<>();
            Context context = new Context(config, database, clock, metrics, new AtomicInteger(), inbox, () -> {
                InboxWorkers w = workersRef.get();
                if (w != null) w.wakeUp();
            });
            List<BotPlugin> plugins = new ArrayList<>();
            Dispatcher dispatcher;
            try {
                for (PluginSet set : pluginSets) plugins.addAll(set.build(context));
                dispatcher = dispatcher(context, plugins);
            } catch (RuntimeException e) {
                BotPlugin.closeAll(plugins); // e.g. two plug-ins claiming one inbox source: stop what already runs
                throw e;
            }
            InboxWorkers workers = new InboxWorkers(inbox, dispatcher, new InboxWorkers.Settings(
                    config.get(Settings.INBOX_WORKERS), config.get(Settings.INBOX_MAX_ATTEMPTS),
                    new Backoff(config.get(Settings.INBOX_RETRY_BASE), config.get(Settings.INBOX_RETRY_MAX)),
                    config.get(Settings.INBOX_LEASE), config.get(Settings.INBOX_POLL)), clock, metrics);
            workersRef.set(workers);
            Retention retention = new Retention(database, inbox, clock, new Retention.Settings(
                    config.get(Settings.INBOX_RETENTION), config.get(Settings.AUDIT_RETENTION),
                    config.get(Settings.PURGE_INTERVAL)));
            Intake intake = new Intake(inbox, SecretScanner::mask, workers::wakeUp);
            SlackCommands slack = new SlackCommands(intake, new OpenedViews(database, clock));
            Draining draining = new Draining();
            List<HttpRoutes> routes = new ArrayList<>(List.of(
                    new HealthRoutes(database, backEnds, config.get(Settings.MODE), draining),
                    new ZendeskWebhookRoutes(new ZendeskSignature(config.get(Settings.ZENDESK_WEBHOOK_SECRET),
                            config.get(Settings.ZENDESK_WEBHOOK_SECRET_PREVIOUS), clock), intake),
                    new SlackRoutes(new SlackSignature(config.get(Settings.SLACK_SIGNING_SECRET),
                            config.get(Settings.SLACK_SIGNING_SECRET_PREVIOUS), clock), SlackWorkspace.fromConfig(config),
                            slack.app(config.get(Settings.SLACK_SIGNING_SECRET)))));
            plugins.forEach(p -> routes.addAll(p.routes()));
            routes.add(draining.refusing(routes.stream().flatMap(r -> r.limitedPaths().stream()).toList()));
            Integer metricsPort = config.get(Settings.METRICS_PORT);
            MetricsRoutes metricsRoutes = new MetricsRoutes(metrics, config.get(Settings.METRICS_TOKEN));
            if (metricsPort == null) routes.add(metricsRoutes);
            HttpServer metricsHttp = metricsPort == null ? null : new HttpServer(List.of(metricsRoutes), metrics, limits());
            HttpServer http = new HttpServer(routes, metrics, limits());
            try {
                int port = http.start(host, config.get(Settings.PORT));
                if (metricsHttp != null) metricsHttp.start(host, metricsPort);
                context.port().set(port);
                for (BotPlugin plugin : plugins) plugin.started(context);
                // Workers start last: what they dispatch to (e.g. the sandbox portal on this server) is up by now.
                workers.start();
                retention.start();
                log.info("supportbot listening on port {}", port);
            } catch (RuntimeException e) {
                http.close();
                if (metricsHttp != null) metricsHttp.close();
                retention.close();
                workers.close();
                BotPlugin.closeAll(plugins);
                throw e;
            }
            warnAboutMissingSecrets();
            return new SupportBot(database, inbox, workers, retention, http, metricsHttp, metrics, List.copyOf(plugins), draining,
                    config.get(Settings.SHUTDOWN_GRACE));
        }

        private ServerLimits limits() {
            return new ServerLimits(config.get(Settings.SERVER_IDLE_TIMEOUT), config.get(Settings.SERVER_HEADER_TIMEOUT),
                    config.get(Settings.SERVER_BODY_TIMEOUT), config.get(Settings.SERVER_MAX_CONNECTIONS),
                    config.get(Settings.SERVER_MAX_REQUESTS_PER_ROUTE));
        }

        private Dispatcher dispatcher(Context context, List<BotPlugin> plugins) {
            if (dispatcher != null) return dispatcher.apply(context);
            Map<String, Dispatcher> bySource = new HashMap<>();
            for (BotPlugin plugin : plugins) {
                plugin.dispatchers().forEach((source, d) -> {
                    if (bySource.putIfAbsent(source, d) != null) {
                        throw new IllegalStateException("two plug-ins dispatch events of source " + source);
                    }
                });
            }
            return new RoutingDispatcher(bySource);
        }

        private void warnAboutMissingSecrets() {
            if (config.get(Settings.ZENDESK_WEBHOOK_SECRET) == null) {
                log.warn("BOT_ZENDESK_WEBHOOK_SECRET is not set: every Zendesk webhook will be refused (401)");
            }
            if (config.get(Settings.SLACK_SIGNING_SECRET) == null) {
                log.warn("BOT_SLACK_SIGNING_SECRET is not set: every Slack request will be refused (401)");
            }
        }
    }
}
