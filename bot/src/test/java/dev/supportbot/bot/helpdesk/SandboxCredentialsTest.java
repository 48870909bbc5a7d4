package dev.supportbot.bot.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.supportbot.bot.config.Settings;
import dev.supportbot.bot.json.Json;
import dev.supportbot.bot.slack.SlackButton;
import dev.supportbot.bot.slack.SlackMessage;
import dev.supportbot.bot.slack.SlackMessageRef;
import dev.supportbot.bot.slack.SlackNotifier;
import dev.supportbot.bot.testing.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The credentials sandbox mode generates are new at every start, shared by the bot and its stand-ins only, and
 * reach neither the log nor any table, through a trigger's webhook, a Slack post and a click.
 */
class SandboxCredentialsTest {

    @Test
    void generated_credentials_differ_per_start_and_stay_out_of_the_log_and_the_tables() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger("dev.supportbot");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        List<String> secrets;
        List<String> tableText = new ArrayList<>();
        String firstToken;
        try (HelpdeskBot sandbox = HelpdeskBot.start(); SlackNotifier slack = SlackNotifier.fromConfig(sandbox.config)) {
            secrets = List.of(sandbox.config.get(Settings.ZENDESK_TOKEN), sandbox.config.get(Settings.ZENDESK_WEBHOOK_SECRET),
                    sandbox.config.get(Settings.SLACK_BOT_TOKEN), sandbox.config.get(Settings.SLACK_SIGNING_SECRET));
            firstToken = secrets.get(0);
            String json = Json.MAPPER.writeValueAsString(Map.of("ticket", Map.of("subject", "Hi", "comment", Map.of("body", "Hello"))));
            sandbox.zendesk("POST", "/api/v2/tickets.json", json, "sam@acme.example");
            // A button nobody handles: the click is stored and done at once (a click on an approval that is not
            // stored would wait for it).
            SlackMessageRef ref = slack.post(new SlackMessage("Check?", List.of(SlackButton.of("sandbox_check", "Check", "1")))).orElseThrow();
            sandbox.helpdesk.interactions().click(ref.channel(), ref.ts(), "sandbox_check", "U0SBAPPRV1");
            Await.until("the trigger delivered", Duration.ofSeconds(20), () -> !sandbox.helpdesk.trigger().deliveries().isEmpty());
            Await.until("both events handled (or parked)", Duration.ofSeconds(30),
                    () -> sandbox.count("SELECT COUNT(*) FROM inbox WHERE status IN ('done', 'dead')") >= 2);

            for (String table : List.of("inbox", "audit_log", "sandbox_zd_user", "sandbox_zd_ticket", "sandbox_zd_comment",
                    "sandbox_slack_message", "sandbox_slack_interaction", "sandbox_slack_user")) {
                sandbox.jdbi().useHandle(h -> h.createQuery("SELECT * FROM " + table).mapToMap()
                        .forEach(row -> row.values().forEach(v -> tableText.add(String.valueOf(v)))));
            }
        } finally {
            logger.detachAppender(log);
        }
        try (HelpdeskBot second = HelpdeskBot.start()) {
            assertThat(second.config.get(Settings.ZENDESK_TOKEN)).isNotEqualTo(firstToken);
        }

        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(log.list)) {
            StringBuilder line = new StringBuilder(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) line.append(" | ").append(t.getMessage());
            lines.add(line.toString());
        }
        assertThat(lines).isNotEmpty();
        assertThat(secrets).allSatisfy(secret -> {
            assertThat(secret).hasSizeGreaterThan(40);
            assertThat(lines).noneMatch(l -> l.contains(secret));
            assertThat(tableText).noneMatch(v -> v.contains(secret));
        });
    }
}
