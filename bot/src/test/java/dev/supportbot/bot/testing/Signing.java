package dev.supportbot.bot.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures computed independently of the production code, straight from the platforms' documentation, so a test
 * that uses them checks the production verifier rather than agreeing with it.
 */
public final class Signing {
    private Signing() {}

    public static String zendesk(String secret, String timestamp, String body) {
        return Base64.getEncoder().encodeToString(hmac(secret, timestamp + body));
    }

    public static String slack(String secret, String timestamp, String body) {
        return "v0=" + HexFormat.of().formatHex(hmac(secret, "v0:" + timestamp + ":" + body));
    }

    /** POSTs {@code body} to a bot's Zendesk webhook at {@code port}, signed with the tests' secret; the status. */
    public static int sendZendeskWebhook(int port, String body) throws java.io.IOException, InterruptedException {
        return java.net.http.HttpClient.newHttpClient().send(zendeskWebhook(port, body),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A POST of {@code body} to a bot's Zendesk webhook at {@code port}, signed now with the tests' secret. */
    public static java.net.http.HttpRequest zendeskWebhook(int port, String body) {
        String ts = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        return java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/webhooks/zendesk"))
                .timeout(java.time.Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("X-Zendesk-Webhook-Signature-Timestamp", ts)
                .header("X-Zendesk-Webhook-Signature", zendesk(TestBots.ZENDESK_SECRET, ts, body))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** A POST of the form {@code form} to a bot's {@code /slack/events} at {@code port}, signed now with the tests' secret. */
    public static java.net.http.HttpRequest slackEvents(int port, String form) {
        String ts = Long.toString(java.time.Instant.now().getEpochSecond());
        return java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", slack(TestBots.SLACK_SECRET, ts, form))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static byte[] hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
