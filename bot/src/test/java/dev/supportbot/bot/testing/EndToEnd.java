package dev.supportbot.bot.testing;

import dev.supportbot.bot.Plugins;
import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.engine.AuditLog;
import dev.supportbot.bot.portal.HttpPortalClient;
import dev.supportbot.bot.portal.PortalClients;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The production bot (every plug-in, the real engine and database, the sandbox portal) between a {@link FakeZendesk}
 * and a {@link SlackStandIn}, for end-to-end tests: a test tells the Slack stand-in what to answer, starts the bot,
 * talks to it through {@link #send()} and closes it all after each test.
 */
public final class EndToEnd implements AutoCloseable {
    /** The agent who applies the macros and runs the commands: their Zendesk address and their Slack user. */
    public static final String AGENT_EMAIL = "agent@vendor.example";
    public static final String AGENT_SLACK = "UAGENT1";
    /** An approver who is not the agent. */
    public static final String APPROVER = "UAPPROVER1";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final FakeZendesk zendesk = new FakeZendesk();
    private final SlackStandIn slack = new SlackStandIn();
    private SupportBot bot;
    private ContextCapture capture;
    private SignedRequests send;

    public FakeZendesk zendesk() {
        return zendesk;
    }

    public SlackStandIn slack() {
        return slack;
    }

    /** Starts the bot on the system clock, with the stand-ins' settings and {@code settings} over them. */
    public SupportBot start(Map<String, String> settings) {
        return start(Clock.systemUTC(), settings);
    }

    /** Starts the bot on {@code clock}, with the stand-ins' settings and {@code settings} over them. */
    public SupportBot start(Clock clock, Map<String, String> settings) {
        Map<String, String> env = StandIns.connect(TestBots.env(), zendesk.url(), slack.port());
        env.putAll(settings);
        BotConfig config = TestBots.config(env);
        capture = new ContextCapture();
        bot = SupportBot.builder(config).host("127.0.0.1").clock(clock).plugins(Plugins.standard(config)).plugins(capture).start();
        send = new SignedRequests(bot, clock, slack);
        return bot;
    }

    /** The requests Zendesk and Slack send the bot, signed; once it started. */
    public SignedRequests send() {
        return send;
    }

    /** The bot's own portal client, reading what the portal holds now rather than a cached copy. */
    public HttpPortalClient portal() {
        return PortalClients.forBot(capture.context()).withoutCache();
    }

    /** Waits until the bot's inbox is empty: everything it was sent is handled. */
    public void settled() {
        Await.until("the bot to finish its work", WAIT, () -> bot.inbox().depth() == 0);
    }

    /** Waits for the one approval request in Slack; its approval id. */
    public String approvalPosted() {
        Await.until("the approval request in Slack", WAIT, () -> slack.approvalIds().size() == 1);
        settled();
        return slack.approvalIds().get(0);
    }

    /** How many steps of a plan the bot ran for {@code ticket}, by its audit log. */
    public long planSteps(long ticket) {
        return new AuditLog(bot.database()).forTicket(ticket).stream().filter(e -> e.action().equals("plan step")).count();
    }

    /** Every cell of the bot's own tables (not the sandbox portal's, which is the world, nor Quartz's), as text. */
    public List<String> botRows() {
        return bot.database().jdbi().withHandle(h -> {
            List<String> rows = new ArrayList<>();
            for (String table : h.createQuery("SELECT table_name FROM information_schema.tables WHERE LOWER(table_schema) = 'public'")
                    .mapTo(String.class).list()) {
                String name = table.toLowerCase(Locale.ROOT);
                if (name.startsWith("sandbox_") || name.startsWith("qrtz_")) continue;
                h.createQuery("SELECT * FROM \"" + table + "\"").mapToMap().forEach(row -> rows.add(name + " " + row));
            }
            return rows;
        });
    }

    /** Prints the bot's inbox, row by row: what a failed test's output then shows of the work the bot was given. */
    public void printInbox() {
        if (bot == null) return;
        bot.database().jdbi().useHandle(h -> h.createQuery(
                        "SELECT id, source, event_type, ticket_id, status, attempts, outcome, last_error FROM inbox ORDER BY id")
                .mapToMap().forEach(row -> System.out.println("inbox " + row)));
    }

    /** Stops the bot and the stand-ins; fails if the bot broke Slack's API description. */
    @Override
    public void close() {
        if (bot != null) bot.close();
        zendesk.close();
        slack.close();
    }
}
