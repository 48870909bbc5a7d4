package dev.supportbot.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import dev.supportbot.bot.Plugins;
import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.config.Settings;
import dev.supportbot.bot.redaction.MaskingPatternLayoutEncoder;
import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.PlantedSecrets;
import dev.supportbot.bot.testing.Signing;
import dev.supportbot.bot.testing.TestBots;
import dev.supportbot.bot.testing.TestDatabases;
import dev.supportbot.bot.zendesk.ZendeskAccount;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Plants activation codes and licenses in every position and JSON/form encoding of signed Zendesk webhooks and Slack
 * requests to the real service, stops it, and searches what it left behind for them: every value of every table
 * (PostgreSQL's files are not ours to search), and the log output.
 */
class SecretsAtRestTest {
    private static final String LOG_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level [%thread] %logger{24} - %msg%n";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final PlantedSecrets planted = new PlantedSecrets();
    private final SoftAssertions softly = new SoftAssertions();
    private final String canary = "canary" + Long.toString(System.nanoTime(), 36) + "marker";
    private long nextTicket = 7000;
    private int port;
    /** The configuration the bot runs on, the sandbox Zendesk's generated credentials included. */
    private BotConfig running;

    @Test
    void no_planted_secret_is_found_in_the_tables_or_the_log() throws Exception {
        String url = TestDatabases.freshUrl();
        Map<String, String> env = TestBots.env(url);
        // Most events here cannot be handled (no such ticket, an unreachable response URL): one retry is enough to
        // log both the retry and the dead letter, and keeps the wait for them short however loaded the machine is.
        env.put("BOT_INBOX_MAX_ATTEMPTS", "2");
        BotConfig config = TestBots.config(env);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> appender = captureLog(log);
        try {
            SupportBot bot = SupportBot.builder(config).plugins(Plugins.standard(config)).plugins(context -> {
                running = context.config();
                return List.of();
            }).host("127.0.0.1").start();
            try {
                port = bot.port();
                plantInZendeskWebhooks();
                plantInSlackRequests();
                plantInTheSandboxZendesk();
                Await.until("every stored event handled", Duration.ofSeconds(120), () -> bot.inbox().depth() == 0);
            } finally {
                bot.close();
            }
        } finally {
            rootLogger().detachAppender(appender);
            appender.stop();
        }

        String tables = allTableValues(url);
        softly.assertThat(tables).as("the canary planted beside the secrets is stored, so the search can find things").contains(canary);
        softly.assertThat(planted.foundIn(tables)).as("planted secrets found in the tables, of " + planted.count()).isEmpty();
        String logged = log.toString(StandardCharsets.UTF_8);
        softly.assertThat(logged).as("the request log was captured").contains("POST /webhooks/zendesk 200");
        softly.assertThat(planted.foundIn(logged)).as("planted secrets found in the log, of " + planted.count()).isEmpty();
        softly.assertAll();
    }

    private void plantInZendeskWebhooks() throws Exception {
        String escapes = "\"comment_lf\":\"my activation code:\\n" + planted.code("after \\n") + "\","
                + "\"comment_crlf\":\"hello\\r\\n" + planted.code("after \\r\\n") + "\\r\\nthanks\","
                + "\"comment_tab\":\"code\\t" + planted.code("after \\t") + "\","
                + "\"comment_quote\":\"the code is \\\"" + planted.code("inside \\\"") + "\\\"\","
                + "\"comment_before\":\"" + planted.code("before \\n") + "\\nthanks\","
                + "\"comment_backslash\":\"C:\\\\tmp\\\\\\n" + planted.code("after \\\\ and \\n") + "\","
                + "\"comment_solidus\":\"a\\/b\\n" + planted.code("after \\/ and \\n") + "\","
                + "\"comment_escaped_lf\":\"code:\\u000a" + planted.code("after \\u000a") + "\","
                + "\"note\":\"" + canary + "\"";
        zendesk(escapes);

        String first = planted.code("first char as \\u00XX");
        String escapedFirst = unicodeEscape(first.charAt(0)) + first.substring(1);
        planted.alsoAs("first char as \\u00XX", escapedFirst);
        String middle = planted.code("middle char as \\u00XX");
        String escapedMiddle = middle.substring(0, 10) + unicodeEscape(middle.charAt(10)) + middle.substring(11);
        planted.alsoAs("middle char as \\u00XX", escapedMiddle);
        zendesk("\"comment\":\"code: " + escapedFirst + "\",\"other\":\"code: " + escapedMiddle + "\"");

        zendesk("\"ticket\":{\"comments\":[{\"body\":\"hi\\n" + planted.code("nested object") + "\"}]}");
        zendesk("\"tags\":[\"a\",\"x\\n" + planted.code("array") + "\"]");
        zendesk("\"code\\n" + planted.code("object key") + "\":1");
        zendesk("\"comment\":\"" + "a ".repeat(20_000) + "\\n" + planted.code("long string") + "\"");
        zendesk("\"raw\":\"{\\\"note\\\":\\\"x\\\\n" + planted.code("JSON inside a string") + "\\\"}\"");
        zendesk("\"comment\":\"my license:\\n" + planted.license("license wrapped with \\n", "\n").replace("\n", "\\n") + "\"");
        zendesk("\"comment\":\"license:\\r\\n" + planted.license("license wrapped with \\r\\n", "\r\n").replace("\r\n", "\\r\\n")
                + "\\r\\n\"");

        zendesk("\"comment\":\"thanks \uD83D\uDD11" + planted.code("after an emoji") + "\uD83D\uDE4F\","
                + "\"comment_accents\":\"c\u00F3digo:" + planted.code("between accented letters") + "\u00F1\","
                + "\"comment_dash\":\"code\u2014" + planted.code("between em dashes") + "\u2014thanks\","
                + "\"comment_cjk\":\"\u300C" + planted.code("in CJK brackets") + "\u300D\","
                + "\"comment_parens\":\"(" + planted.code("between ( and (") + "(\"");
        String inBase64 = planted.code("base64 of a text");
        String base64 = Base64.getEncoder().encodeToString(("my activation code is " + inBase64).getBytes(StandardCharsets.UTF_8));
        planted.alsoAs("base64 of a text", base64);
        String percent = planted.code("percent-encoded");
        String percentEncoded = String.format("%%%02X", (int) percent.charAt(0)) + percent.substring(1, 12)
                + String.format("%%%02X", (int) percent.charAt(12)) + percent.substring(13);
        planted.alsoAs("percent-encoded", percentEncoded);
        planted.alsoAs("percent-encoded", percent.substring(13));
        zendesk("\"comment\":\"the tool printed " + base64 + " for us\",\"other\":\"my code: " + percentEncoded + "\"");
        zendesk("\"actor_email\":\"" + planted.code("local part of actor_email") + "@vendor.example\"");

        String delivered = "{\"ticket_id\":" + ticket() + ",\"event\":\"ticket.updated\",\"delivery_id\":\""
                + planted.code("delivery_id") + "\"}";
        post("/webhooks/zendesk", delivered, 200);
        // A redelivery: the de-duplication key clashes in the database, whose error would quote it.
        softly.assertThat(post("/webhooks/zendesk", delivered, 200).body()).contains("duplicate");
        // A control character in the event type is refused (400) and stores nothing; after a space it is scrubbed.
        post("/webhooks/zendesk", "{\"ticket_id\":" + ticket() + ",\"event\":\"ticket.updated\\n" + planted.code("event")
                + "\"}", 400);
        post("/webhooks/zendesk", "{\"ticket_id\":" + ticket() + ",\"event\":\"ticket.updated " + planted.code("event after a space")
                + "\"}", 200);
        String longEvent = "e".repeat(75) + " " + planted.code("event of 100 chars");
        post("/webhooks/zendesk", "{\"ticket_id\":" + ticket() + ",\"event\":\"" + longEvent + "\"}", 200);
    }

    private void plantInSlackRequests() throws Exception {
        post("/slack/events", command("ov confirm-contract 123\n" + planted.code("slash command text"), "tr-" + System.nanoTime()), 200);
        post("/slack/events", command("ov escalate 124", planted.code("slash command trigger_id")), 200);
        post("/slack/events", command("ov cancel 125", "tr-" + System.nanoTime()) + "&team_domain=" + planted.code("form field team_domain")
                + "&channel_name=x%0A" + planted.code("form field channel_name") + "&enterprise_name=" + planted.code("form field enterprise_name"), 200);
        String unknown = planted.code("unknown slash command");
        HttpResponse<String> answer = post("/slack/events", command(unknown + " please", "tr-" + System.nanoTime()), 200);
        softly.assertThat(answer.body().toLowerCase(Locale.ROOT)).as("answer to an unknown command").doesNotContain(unknown.toLowerCase(Locale.ROOT));

        // Control characters in an action id are refused (400) and store nothing; other values are scrubbed.
        post("/slack/events", blockAction("approve\\t" + planted.code("action_id after \\t"), "plan-7", "tr-" + System.nanoTime()), 400);
        post("/slack/events", blockAction("approve\\n" + planted.code("action_id after \\n"), "plan-8", "tr-" + System.nanoTime()), 400);
        post("/slack/events", blockAction("approve " + planted.code("action_id after a space"), "plan\\n" + planted.code("action value"),
                planted.code("action trigger_id")), 200);
        String message = "\"message\":{\"text\":\"the code\\n" + planted.code("message text in an interaction") + "\"},";
        post("/slack/events", blockAction("approve", "plan-9", "tr-" + System.nanoTime(), message), 200);
        post("/slack/events", blockAction("approve_" + planted.code("action_id after _"), "plan-10",
                "12345.67890." + planted.code("trigger_id after a dot")), 200);
        post("/slack/events", blockAction("approve", "plan-11", "tr-" + System.nanoTime(), "", "b_" + planted.code("block_id after _")), 200);
        String view = "{\"type\":\"view_submission\",\"team\":{\"id\":\"T1\"},\"user\":{\"id\":\"U2\"},\"api_app_id\":\"A1\","
                + "\"trigger_id\":\"tr-" + System.nanoTime() + "\",\"view\":{\"id\":\"V_" + planted.code("view id after _")
                + "\",\"type\":\"modal\",\"callback_id\":\"reject_" + planted.code("callback_id after _")
                + "\",\"private_metadata\":\"7\",\"state\":{\"values\":{}}}}";
        // A view the bot never opened is refused before anything of it is stored or logged.
        post("/slack/events", "payload=" + URLEncoder.encode(view, StandardCharsets.UTF_8), 403);
        String mystery = "{\"type\":\"mystery\",\"note\":\"x\\n" + planted.code("unknown interaction type") + "\"}";
        post("/slack/events", "payload=" + URLEncoder.encode(mystery, StandardCharsets.UTF_8), 400);
        post("/slack/events", "text=" + planted.code("form field of an unknown request") + "&note=x", 400);
    }

    /** A ticket opened in the sandbox Zendesk with a code in its subject and one in its new requester's name. */
    private void plantInTheSandboxZendesk() throws Exception {
        String body = "{\"ticket\":{\"subject\":\"Activation code " + planted.code("ticket subject") + " fails\","
                + "\"requester\":{\"name\":\"Sam " + planted.code("requester name") + "\",\"email\":\"sam.subject@acme.example\"},"
                + "\"comment\":{\"body\":\"hello\"}}}";
        ZendeskAccount account = new ZendeskAccount(running.get(Settings.ZENDESK_URL), running.get(Settings.ZENDESK_EMAIL),
                running.get(Settings.ZENDESK_TOKEN));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(running.get(Settings.ZENDESK_URL) + "/api/v2/tickets.json"))
                .header("Authorization", account.basicAuthorization()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        softly.assertThat(created.statusCode()).as("the sandbox Zendesk's answer: " + created.body()).isEqualTo(201);
    }

    private void zendesk(String fields) throws Exception {
        long ticket = ticket();
        post("/webhooks/zendesk", "{\"ticket_id\":" + ticket + ",\"event\":\"ticket.updated\",\"delivery_id\":\"d-" + ticket
                + "\"," + fields + "}", 200);
    }

    private long ticket() {
        return nextTicket++;
    }

    private static String command(String text, String triggerId) {
        return "token=verif&team_id=T1&channel_id=C1&user_id=U1&user_name=agent&command=%2Flnr&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&response_url=http%3A%2F%2F127.0.0.1%3A1%2Fx"
                + "&trigger_id=" + URLEncoder.encode(triggerId, StandardCharsets.UTF_8);
    }

    /** A block_actions interaction; {@code actionId} and {@code value} are JSON string contents (escapes allowed). */
    private static String blockAction(String actionId, String value, String triggerId) {
        return blockAction(actionId, value, triggerId, "");
    }

    /** A block_actions interaction that also has {@code otherFields} (JSON members, each followed by a comma). */
    private static String blockAction(String actionId, String value, String triggerId, String otherFields) {
        return blockAction(actionId, value, triggerId, otherFields, "b");
    }

    private static String blockAction(String actionId, String value, String triggerId, String otherFields, String blockId) {
        String payload = "{" + otherFields + "\"type\":\"block_actions\",\"token\":\"verif\",\"trigger_id\":\"" + triggerId + "\","
                + "\"user\":{\"id\":\"U2\"},\"team\":{\"id\":\"T1\"},\"channel\":{\"id\":\"C1\"},"
                + "\"container\":{\"message_ts\":\"1.2\"},\"response_url\":\"http://127.0.0.1:1/y\","
                + "\"actions\":[{\"action_id\":\"" + actionId + "\",\"value\":\"" + value + "\",\"type\":\"button\",\"block_id\":\"" + blockId + "\"}]}";
        return "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> post(String path, String body, int expectedStatus) throws Exception {
        String ts = path.startsWith("/slack") ? Long.toString(Instant.now().getEpochSecond())
                : Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (path.startsWith("/slack")) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Slack-Request-Timestamp", ts)
                    .header("X-Slack-Signature", Signing.slack(TestBots.SLACK_SECRET, ts, body));
        } else {
            request.header("X-Zendesk-Webhook-Signature-Timestamp", ts)
                    .header("X-Zendesk-Webhook-Signature", Signing.zendesk(TestBots.ZENDESK_SECRET, ts, body));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        softly.assertThat(response.statusCode()).as("status of a request to " + path + ": " + response.body()).isEqualTo(expectedStatus);
        return response;
    }

    private static String unicodeEscape(char c) {
        return String.format("\\u%04x", (int) c);
    }

    private static Logger rootLogger() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** Everything the service logs from now on, formatted as its console appender formats it. */
    private static OutputStreamAppender<ILoggingEvent> captureLog(ByteArrayOutputStream out) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        MaskingPatternLayoutEncoder encoder = new MaskingPatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(LOG_PATTERN);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        rootLogger().addAppender(appender);
        return appender;
    }

    /** Every value of every table of the bot's schema, binary columns as Latin-1 chars. */
    private static String allTableValues(String url) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Database database = TestDatabases.reopen(url); Connection c = database.dataSource().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, "public", "%", new String[] {"TABLE"})) {
                while (rs.next()) tables.add(rs.getString("TABLE_NAME"));
            }
            assertThat(tables).isNotEmpty();
            try (Statement s = c.createStatement()) {
                for (String table : tables) {
                    try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                        ResultSetMetaData columns = rs.getMetaData();
                        while (rs.next()) {
                            for (int i = 1; i <= columns.getColumnCount(); i++) all.append(value(rs, i, columns.getColumnType(i))).append('\n');
                        }
                    }
                }
            }
        }
        return all.toString();
    }

    private static String value(ResultSet rs, int column, int type) throws Exception {
        if (Map.of(Types.BINARY, 1, Types.VARBINARY, 1, Types.LONGVARBINARY, 1, Types.BLOB, 1).containsKey(type)) {
            byte[] bytes = rs.getBytes(column);
            return bytes == null ? "" : new String(bytes, StandardCharsets.ISO_8859_1);
        }
        String text = rs.getString(column);
        return text == null ? "" : text;
    }
}
