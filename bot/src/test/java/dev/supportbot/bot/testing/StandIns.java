package dev.supportbot.bot.testing;

import dev.supportbot.bot.SupportBot;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** A bot under test wired to the stand-ins of Zendesk and Slack, and the signed calls Zendesk and Slack make. */
public final class StandIns {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private StandIns() {}

    /** Adds to {@code env} the settings that point the bot at a fake Zendesk and a Slack MockServer on {@code slackPort}. */
    public static Map<String, String> connect(Map<String, String> env, String zendeskUrl, int slackPort) {
        env.put("BOT_ZENDESK_URL", zendeskUrl);
        env.put("BOT_ZENDESK_EMAIL", "bot@vendor.example");
        env.put("BOT_ZENDESK_TOKEN", "zd-token");
        env.put("BOT_SLACK_BOT_TOKEN", "xoxb-test-token");
        env.put("BOT_SLACK_API_URL", "http://127.0.0.1:" + slackPort + "/api/");
        env.put("BOT_SLACK_CHANNEL", "C123");
        return env;
    }

    /** Posts {@code body} to the bot's Zendesk webhook route, signed as Zendesk signs it at {@code at}; the HTTP status. */
    public static int zendeskWebhook(SupportBot bot, Instant at, String body) throws Exception {
        String ts = at.truncatedTo(ChronoUnit.SECONDS).toString();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/webhooks/zendesk"))
                .header("X-Zendesk-Webhook-Signature-Timestamp", ts)
                .header("X-Zendesk-Webhook-Signature", Signing.zendesk(TestBots.ZENDESK_SECRET, ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    /**
     * A {@code block_actions} click of a button in the bot's channel, as Slack sends it from the test workspace, signed
     * at {@code at}; the HTTP status. {@code triggerId} tells deliveries apart: Slack redelivers a click with the same one.
     */
    public static int slackClick(SupportBot bot, Instant at, String user, String actionId, String value, String responseUrl,
            String triggerId) throws Exception {
        String payload = "{\"type\":\"block_actions\",\"trigger_id\":\"" + triggerId + "\",\"user\":{\"id\":\"" + user + "\"},"
                + "\"team\":{\"id\":\"" + TestBots.SLACK_TEAM + "\"},\"channel\":{\"id\":\"C123\"},"
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"1700000000.000100\"},"
                + "\"response_url\":\"" + responseUrl + "\","
                + "\"actions\":[{\"type\":\"button\",\"action_id\":\"" + actionId + "\",\"block_id\":\"b\",\"value\":\"" + value
                + "\",\"action_ts\":\"1.1\"}]}";
        return slackForm(bot, at, "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8));
    }

    /** Posts the form {@code form} to the bot's {@code /slack/events}, signed as Slack signs it at {@code at}; the HTTP status. */
    public static int slackForm(SupportBot bot, Instant at, String form) throws Exception {
        String ts = Long.toString(at.getEpochSecond());
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", Signing.slack(TestBots.SLACK_SECRET, ts, form))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }
}
