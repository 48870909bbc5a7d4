package dev.supportbot.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.bot.Plugins;
import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.json.Json;
import dev.supportbot.bot.portal.HttpPortalClient;
import dev.supportbot.bot.portal.LicenseSearch;
import dev.supportbot.bot.portal.PortalClients;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.ContextCapture;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.bot.testing.Signing;
import dev.supportbot.bot.testing.TestBots;
import dev.supportbot.bot.testing.VendorContracts;
import dev.supportbot.workflows.domain.License;
import dev.supportbot.workflows.troubleshooting.LicenseTroubleshooting;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;

/**
 * The true-up fix end to end: a signed webhook for a ticket whose requester quotes the true-up error -> the private
 * note -> the approval request in Slack (MockServer) -> signed approve clicks (the agent who applied the macro is
 * refused, an approver is not) -> the sandbox portal over HTTP holds the duplicate of Vandelay's license 1605 with
 * true-up 3 -> the done note. The real engine, database and sandbox portal; Zendesk and Slack are replaced at the far
 * side of the wire.
 */
class LicenseTroubleshootingTrueUpEndToEndTest {
    private static final AtomicInteger DELIVERY = new AtomicInteger();
    private static final String AGENT_EMAIL = "agent@vendor.example";
    private static final String AGENT_SLACK = "UAGENT1";
    private static final String APPROVER = "UAPPROVER1";
    private static final String ART = "art@vandelay.example";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newHttpClient();
    private final FakeZendesk zendesk = new FakeZendesk();
    private final ClientAndServer slack = ClientAndServer.startClientAndServer();
    private SupportBot bot;
    private HttpPortalClient portal;

    @AfterEach
    void stop() {
        if (bot != null) bot.close();
        zendesk.close();
        VendorContracts.assertKeptThenStop(VendorContracts.Api.SLACK, slack);
    }

    private void start() {
        slack.when(request().withPath("/api/chat.postMessage"))
                .respond(response().withStatusCode(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"channel\":\"C123\",\"ts\":\"1700000000.000100\"}"));
        slack.when(request().withPath("/api/chat.update"))
                .respond(response().withStatusCode(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"channel\":\"C123\",\"ts\":\"1700000000.000100\"}"));
        slack.when(request().withPath("/api/users.lookupByEmail"))
                .respond(response().withStatusCode(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"user\":{\"id\":\"" + AGENT_SLACK + "\",\"name\":\"agent\"}}"));
        slack.when(request().withPath("/respond/.*")).respond(response().withStatusCode(200).withBody("ok"));
        Map<String, String> env = TestBots.env();
        env.put("BOT_ZENDESK_URL", zendesk.url());
        env.put("BOT_ZENDESK_EMAIL", "bot@vendor.example");
        env.put("BOT_ZENDESK_TOKEN", "zd-token");
        env.put("BOT_SLACK_BOT_TOKEN", "xoxb-test-token");
        env.put("BOT_SLACK_API_URL", "http://127.0.0.1:" + slack.getPort() + "/api/");
        env.put("BOT_SLACK_CHANNEL", "C123");
        // The agent is an approver too: only being the initiator keeps them from approving their own fix.
        env.put("BOT_APPROVERS", APPROVER + "," + AGENT_SLACK);
        env.put("BOT_SLACK_AGENTS", AGENT_SLACK);
        BotConfig config = TestBots.config(env);
        ContextCapture capture = new ContextCapture();
        bot = SupportBot.builder(config).host("127.0.0.1").clock(Clock.systemUTC()).plugins(Plugins.standard(config))
                .plugins(capture).start();
        portal = PortalClients.forBot(capture.context()).withoutCache();
    }

    /** Keeps the context, for the bot's own portal client. */

    private void webhook(long ticketId, String actorEmail) throws Exception {
        String body = "{\"ticket_id\":" + ticketId + ",\"event\":\"ticket.updated\",\"delivery_id\":\"tu-" + DELIVERY.incrementAndGet()
                + "\",\"actor_email\":\"" + actorEmail + "\"}";
        String ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/webhooks/zendesk"))
                .header("X-Zendesk-Webhook-Signature-Timestamp", ts)
                .header("X-Zendesk-Webhook-Signature", Signing.zendesk(TestBots.ZENDESK_SECRET, ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private String respondPath(String user) {
        return "/respond/" + user + "-" + System.nanoTime();
    }

    private void click(String user, String actionId, String value, String respondPath) throws Exception {
        String payload = "{\"type\":\"block_actions\",\"trigger_id\":\"tr-" + System.nanoTime() + "\",\"user\":{\"id\":\"" + user + "\"},"
                + "\"team\":{\"id\":\"T1\"},\"api_app_id\":\"A1\",\"channel\":{\"id\":\"C123\"},"
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"1700000000.000100\"},"
                + "\"response_url\":\"http://127.0.0.1:" + slack.getPort() + respondPath + "\","
                + "\"actions\":[{\"type\":\"button\",\"action_id\":\"" + actionId + "\",\"block_id\":\"b\",\"value\":\"" + value
                + "\",\"action_ts\":\"1.1\"}]}";
        slackForm("payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8));
    }

    private void lnr(String user, String text, String respondPath) throws Exception {
        slackForm("token=verif&team_id=T1&channel_id=C123&user_id=" + user + "&user_name=someone&command=%2Flnr&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&response_url="
                + URLEncoder.encode("http://127.0.0.1:" + slack.getPort() + respondPath, StandardCharsets.UTF_8)
                + "&trigger_id=tr-" + System.nanoTime());
    }

    private void slackForm(String form) throws Exception {
        String ts = Long.toString(Instant.now().getEpochSecond());
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", Signing.slack(TestBots.SLACK_SECRET, ts, form))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    /** The text of the one answer sent to {@code respondPath}. */
    private String answer(String respondPath) {
        Await.until("the answer at " + respondPath, WAIT, () -> slack.retrieveRecordedRequests(request().withPath(respondPath)).length == 1);
        try {
            return Json.MAPPER.readTree(slack.retrieveRecordedRequests(request().withPath(respondPath))[0].getBodyAsString()).path("text").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void settled() {
        Await.until("the bot to finish its work", WAIT, () -> bot.inbox().depth() == 0);
    }

    /** The approval ids on the approve buttons of the messages posted to the channel. */
    private List<String> approvalIds() {
        List<String> ids = new ArrayList<>();
        for (var r : slack.retrieveRecordedRequests(request().withPath("/api/chat.postMessage"))) {
            JsonNode blocks = blocks(r.getBodyAsString());
            for (JsonNode block : blocks) {
                for (JsonNode element : block.path("elements")) {
                    if ("approve".equals(element.path("action_id").asText())) ids.add(element.path("value").asText());
                }
            }
        }
        return ids;
    }

    /** The Slack SDK sends form fields; blocks are a JSON string field. */
    private static JsonNode blocks(String body) {
        try {
            if (body.startsWith("{")) return Json.MAPPER.readTree(body).path("blocks");
            for (String pair : body.split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv[0].equals("blocks") && kv.length > 1) return Json.MAPPER.readTree(URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            return Json.MAPPER.createArrayNode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<License> trueUpCopiesOf1605() {
        License original = portal.license(1605);
        return portal.searchLicenses(LicenseSearch.byEmail(ART)).stream()
                .filter(l -> l.id() != 1605 && l.trueUpCount() == 3 && l.plan().equals(original.plan())
                        && l.usersCount() == original.usersCount())
                .toList();
    }

    private long planSteps(long ticket) {
        return new AuditLog(bot.database()).forTicket(ticket).stream().filter(e -> e.action().equals("plan step")).count();
    }

    @Test
    void an_approved_true_up_fix_duplicates_vandelays_license_with_true_up_3_and_the_initiator_cannot_approve_it()
            throws Exception {
        start();
        License original = portal.license(1605);
        assertThat(original.trueUpCount()).isEqualTo(2);
        int licensesBefore = portal.searchLicenses(LicenseSearch.byEmail(ART)).size();
        FakeZendesk.User art = zendesk.user("Art Vandelay", ART);
        FakeZendesk.Ticket ticket = zendesk.ticket(801, "New license does not register", """
                Hi, uploading our renewal license fails with:

                > You have applied a True-up for 2 users but you
                > need one for 3 users.

                Thanks, Art""", art, LicenseTroubleshooting.START_TAG);

        webhook(801, AGENT_EMAIL);

        Await.until("the approval request in Slack", WAIT, () -> approvalIds().size() == 1);
        settled();
        String approval = approvalIds().get(0);
        assertThat(ticket.privateNotes()).extracting(FakeZendesk.Comment::body)
                .anySatisfy(n -> assertThat(n).contains("True-up in the license: 2; true-up needed: 3")
                        .contains("The customer's last license: #1605"))
                .anySatisfy(n -> assertThat(n).contains("duplicate license #1605 with a true-up count of 3"));
        assertThat(ticket.publicCommentsBy(FakeZendesk.BOT_USER)).isEmpty();

        // The agent sees the fix waiting on an approver.
        String status = respondPath(AGENT_SLACK);
        lnr(AGENT_SLACK, "status 801", status);
        assertThat(answer(status)).contains("• license troubleshooting (running): true-up fix awaiting approval; waits on an approver since ")
                .contains("pending approval " + approval + " (").contains("0 of 1 approvals");
        String pending = respondPath(AGENT_SLACK);
        lnr(AGENT_SLACK, "pending", pending);
        assertThat(answer(pending)).contains("• #801 approval " + approval + " (");

        // The agent who applied the macro is an approver, but started this fix: refused, nothing changes.
        String refused = respondPath(AGENT_SLACK);
        click(AGENT_SLACK, "approve", approval, refused);
        assertThat(answer(refused)).contains("You started this plan, so someone else must decide on it.");
        settled();
        assertThat(trueUpCopiesOf1605()).isEmpty();
        assertThat(portal.searchLicenses(LicenseSearch.byEmail(ART))).hasSize(licensesBefore);
        assertThat(planSteps(801)).isZero();

        String approved = respondPath(APPROVER);
        click(APPROVER, "approve", approval, approved);
        Await.until("the done note", WAIT, () -> ticket.privateNotes().stream().anyMatch(n -> n.body().startsWith("Done: license #1605")));
        settled();

        assertThat(trueUpCopiesOf1605()).singleElement().satisfies(copy -> {
            assertThat(copy.licenseeEmail()).isEqualTo(ART);
            assertThat(copy.subscriptionName()).isEqualTo(original.subscriptionName());
        });
        assertThat(portal.searchLicenses(LicenseSearch.byEmail(ART))).hasSize(licensesBefore + 1);
        assertThat(portal.license(1605).trueUpCount()).isEqualTo(2);
        assertThat(ticket.privateNotes()).extracting(FakeZendesk.Comment::body)
                .anySatisfy(n -> assertThat(n).startsWith("Done: license #1605 was duplicated with a true-up count of 3"));
        assertThat(planSteps(801)).isOne();
        assertThat(ticket.publicCommentsBy(FakeZendesk.BOT_USER)).isEmpty();

        // A second approval of the plan carried out changes nothing.
        String late = respondPath("UAPPROVER2");
        click(APPROVER, "approve", approval, late);
        answer(late);
        settled();
        assertThat(trueUpCopiesOf1605()).hasSize(1);
        assertThat(planSteps(801)).isOne();
    }
}
