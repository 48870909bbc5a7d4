package dev.supportbot.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.testing.Signing;
import dev.supportbot.bot.testing.TestBots;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** While a signing secret is rotated, requests signed with the previous one are accepted too; any other is not. */
class SecretRotationTest {
    private static final String ZENDESK_PREVIOUS = "zendesk-previous-secret";
    private static final String SLACK_PREVIOUS = "slack-previous-secret";
    private final HttpClient http = HttpClient.newHttpClient();

    private SupportBot start(boolean withPrevious) {
        Map<String, String> env = new HashMap<>(TestBots.env());
        if (withPrevious) {
            env.put("BOT_ZENDESK_WEBHOOK_SECRET_PREVIOUS", ZENDESK_PREVIOUS);
            env.put("BOT_SLACK_SIGNING_SECRET_PREVIOUS", SLACK_PREVIOUS);
        }
        return SupportBot.builder(TestBots.config(env)).host("127.0.0.1").start();
    }

    private long stored(SupportBot bot) {
        return bot.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM inbox").mapTo(Long.class).one());
    }

    private HttpResponse<String> zendesk(SupportBot bot, String secret, long ticket) throws Exception {
        String body = "{\"ticket_id\":" + ticket + ",\"event\":\"ticket.updated\"}";
        String ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/webhooks/zendesk"))
                .header("X-Zendesk-Webhook-Signature-Timestamp", ts)
                .header("X-Zendesk-Webhook-Signature", Signing.zendesk(secret, ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> slack(SupportBot bot, String secret, String trigger) throws Exception {
        String form = "token=verif&team_id=T1&channel_id=C1&user_id=U1&user_name=agent&command=%2Flnr&text=help"
                + "&response_url=https%3A%2F%2Fhooks.slack.example%2Fx&trigger_id=" + trigger;
        String ts = Long.toString(Instant.now().getEpochSecond());
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", Signing.slack(secret, ts, form))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_current_and_the_previous_secret_are_accepted_during_a_rotation_and_no_other() throws Exception {
        try (SupportBot bot = start(true)) {
            assertThat(zendesk(bot, TestBots.ZENDESK_SECRET, 1).statusCode()).isEqualTo(200);
            assertThat(zendesk(bot, ZENDESK_PREVIOUS, 2).statusCode()).isEqualTo(200);
            assertThat(slack(bot, TestBots.SLACK_SECRET, "1.1.a").statusCode()).isEqualTo(200);
            assertThat(slack(bot, SLACK_PREVIOUS, "1.1.b").statusCode()).isEqualTo(200);
            long accepted = stored(bot);
            assertThat(accepted).isEqualTo(4);

            assertThat(zendesk(bot, "some-other-secret", 3).statusCode()).isEqualTo(401);
            assertThat(zendesk(bot, SLACK_PREVIOUS, 4).statusCode()).as("Slack's previous secret for Zendesk").isEqualTo(401);
            assertThat(slack(bot, "some-other-secret", "1.1.c").statusCode()).isEqualTo(401);
            assertThat(slack(bot, ZENDESK_PREVIOUS, "1.1.d").statusCode()).isEqualTo(401);
            assertThat(stored(bot)).isEqualTo(accepted);
        }
    }

    @Test
    void without_a_rotation_a_previous_secret_is_refused() throws Exception {
        try (SupportBot bot = start(false)) {
            assertThat(zendesk(bot, ZENDESK_PREVIOUS, 5).statusCode()).isEqualTo(401);
            assertThat(slack(bot, SLACK_PREVIOUS, "1.1.e").statusCode()).isEqualTo(401);
            assertThat(stored(bot)).isZero();
        }
    }
}
