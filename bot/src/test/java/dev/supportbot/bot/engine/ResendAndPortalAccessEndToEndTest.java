package dev.supportbot.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportbot.bot.Plugins;
import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.portal.HttpPortalClient;
import dev.supportbot.bot.portal.PortalClients;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.ContextCapture;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.bot.testing.Signing;
import dev.supportbot.bot.testing.TestBots;
import dev.supportbot.bot.testing.VendorContracts;
import dev.supportbot.workflows.domain.MailDelivery;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;

/**
 * Two tasks the handbook leaves to people (docs/handbook.md, "Resend a license to another address" and "Portal access
 * help"): signed webhook -> fake Zendesk -> (ownership verification) -> Slack approval (MockServer) by another user ->
 * the sandbox portal's mail log, with the real engine, database and sandbox portal. Only Zendesk and Slack are replaced.
 */
class ResendAndPortalAccessEndToEndTest {
    private static final AtomicInteger DELIVERY = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AGENT_EMAIL = "agent@vendor.example";
    private static final String AGENT_SLACK = "UAGENT1";
    private static final String APPROVER = "UAPPROVER1";
    private static final String SAM = "sam@acme.example";
    private static final String PAT = "pat@acme.example";
    private static final String GAVIN = "gavin@hooli.example";

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
        for (String method : List.of("chat.postMessage", "chat.update")) {
            slack.when(request().withPath("/api/" + method))
                    .respond(response().withStatusCode(200).withHeader("Content-Type", "application/json")
                            .withBody("{\"ok\":true,\"channel\":\"C123\",\"ts\":\"1700000000.000100\"}"));
        }
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
        env.put("BOT_APPROVERS", APPROVER + "," + AGENT_SLACK);
        env.put("BOT_SLACK_AGENTS", AGENT_SLACK);
        ContextCapture capture = new ContextCapture();
        var config = TestBots.config(env);
        bot = SupportBot.builder(config).host("127.0.0.1").plugins(Plugins.standard(config)).plugins(capture).start();
        portal = PortalClients.forBot(capture.context()).withoutCache();
    }

    private void webhook(long ticketId, String actorEmail) throws Exception {
        String body = "{\"ticket_id\":" + ticketId + ",\"event\":\"ticket.updated\",\"delivery_id\":\"rl-" + DELIVERY.incrementAndGet()
                + "\"" + (actorEmail == null ? "" : ",\"actor_email\":\"" + actorEmail + "\"") + "}";
        String ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/webhooks/zendesk"))
                .header("X-Zendesk-Webhook-Signature-Timestamp", ts)
                .header("X-Zendesk-Webhook-Signature", Signing.zendesk(TestBots.ZENDESK_SECRET, ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private int click(String user, String value) throws Exception {
        String payload = "{\"type\":\"block_actions\",\"trigger_id\":\"tr-" + System.nanoTime() + "\",\"user\":{\"id\":\"" + user + "\"},"
                + "\"team\":{\"id\":\"T1\"},\"api_app_id\":\"A1\",\"channel\":{\"id\":\"C123\"},"
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"1700000000.000100\"},"
                + "\"response_url\":\"http://127.0.0.1:" + slack.getPort() + "/respond/" + user + "-" + System.nanoTime() + "\","
                + "\"actions\":[{\"type\":\"button\",\"action_id\":\"approve\",\"block_id\":\"b\",\"value\":\"" + value
                + "\",\"action_ts\":\"1.1\"}]}";
        String form = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
        String ts = Long.toString(Instant.now().getEpochSecond());
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", Signing.slack(TestBots.SLACK_SECRET, ts, form))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private void settled() {
        Await.until("the bot to finish its work", Duration.ofSeconds(30), () -> bot.inbox().depth() == 0);
    }

    private List<String> approvalIds() {
        List<String> ids = new ArrayList<>();
        for (var r : slack.retrieveRecordedRequests(request().withPath("/api/chat.postMessage"))) {
            try {
                String blocks = "";
                for (String pair : r.getBodyAsString().split("&")) {
                    String[] kv = pair.split("=", 2);
                    if (kv[0].equals("blocks") && kv.length > 1) blocks = URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
                }
                if (blocks.isEmpty()) continue;
                for (JsonNode block : JSON.readTree(blocks)) {
                    for (JsonNode element : block.path("elements")) {
                        if ("approve".equals(element.path("action_id").asText())) ids.add(element.path("value").asText());
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return ids;
    }

    private List<String> responsesTo(String user) {
        return java.util.Arrays.stream(slack.retrieveRecordedRequests(request().withPath("/respond/" + user + "-.*")))
                .map(r -> r.getBodyAsString()).toList();
    }

    private static String notes(FakeZendesk.Ticket ticket) {
        return String.join("\n---\n", ticket.privateNotes().stream().map(FakeZendesk.Comment::body).toList());
    }

    private static List<String> botReplies(FakeZendesk.Ticket ticket) {
        return ticket.publicCommentsBy(FakeZendesk.BOT_USER).stream().map(FakeZendesk.Comment::body).toList();
    }

    /** Every cell of the bot's own tables (not the sandbox portal's, which is the world), as text. */
    private List<String> botRows() {
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

    private String licenseText(long licenseId) {
        return bot.database().jdbi().withHandle(h -> h.createQuery("SELECT license_text FROM sandbox_license WHERE id = :id")
                .bind("id", licenseId).mapTo(String.class).one());
    }

    private FakeZendesk.Ticket verifiedRequest(long id, FakeZendesk.User requester, String description) throws Exception {
        FakeZendesk.Ticket ticket = zendesk.ticket(id, "License for A-S00001001", description, requester, "supportbot_start_resend_license");
        webhook(id, AGENT_EMAIL);
        Await.until("the ownership proof request", Duration.ofSeconds(30), () -> ticket.tags.contains("supportbot_ov_awaiting_proof"));
        settled();
        zendesk.reply(id, requester, "Our latest invoice is INV-1001-A.");
        webhook(id, null);
        Await.until("verification", Duration.ofSeconds(30), () -> ticket.tags.contains("supportbot_ov_verified"));
        settled();
        return ticket;
    }

    @Test
    void sam_verified_with_an_invoice_gets_the_acme_license_after_another_user_approves() throws Exception {
        start();
        FakeZendesk.User sam = zendesk.user("Sam Rivera", SAM);
        int patMailsBefore = portal.mailDeliveries(PAT).size();
        FakeZendesk.Ticket ticket = verifiedRequest(901, sam, "Hello, Pat who bought our subscription A-S00001001 has left."
                + " Could you send our license to me?");

        Await.until("the approval request in Slack", Duration.ofSeconds(30), () -> approvalIds().size() == 1);
        settled();
        String approval = approvalIds().get(0);
        assertThat(portal.mailDeliveries(SAM)).as("nothing is sent before the approval").isEmpty();

        // The agent who applied the macro may not approve it; nothing is sent.
        assertThat(click(AGENT_SLACK, approval)).isEqualTo(200);
        settled();
        assertThat(responsesTo(AGENT_SLACK)).hasSize(1);
        assertThat(portal.mailDeliveries(SAM)).isEmpty();

        assertThat(click(APPROVER, approval)).isEqualTo(200);
        Await.until("the license mailed to Sam", Duration.ofSeconds(30), () -> !portal.mailDeliveries(SAM).isEmpty());
        Await.until("the reply to Sam", Duration.ofSeconds(30), () -> !botReplies(ticket).isEmpty());
        settled();

        assertThat(portal.mailDeliveries(SAM)).singleElement().satisfies(mail -> {
            assertThat(mail.status()).isEqualTo(MailDelivery.Status.DELIVERED);
            assertThat(mail.subject()).contains("license", "A-S00001001");
        });
        assertThat(portal.mailDeliveries(PAT)).as("the Sold To gets nothing").hasSize(patMailsBefore);
        assertThat(botReplies(ticket)).last().satisfies(r -> assertThat(r).contains("the license of subscription A-S00001001")
                .doesNotContain(PAT));
        assertThat(ticket.comments).noneMatch(c -> c.body().contains(PAT));
        assertThat(notes(ticket)).contains("Resend license 1101 to " + SAM + ": done");
        assertThat(new AuditLog(bot.database()).forTicket(901)).filteredOn(e -> e.action().equals("plan step")).hasSize(1);

        String text = licenseText(1101);
        assertThat(text).isNotBlank();
        assertThat(ticket.comments).noneMatch(c -> c.body().contains(text));
        assertThat(zendesk.receivedBodies()).noneMatch(b -> b.contains(text));
        assertThat(slack.retrieveRecordedRequests(request())).noneMatch(r -> String.valueOf(r.getBodyAsString()).contains(text));
        assertThat(botRows()).noneMatch(r -> r.contains(text));
    }

    @Test
    void a_request_to_send_it_to_another_address_gets_a_note_and_nothing_is_sent() throws Exception {
        start();
        FakeZendesk.User sam = zendesk.user("Sam Rivera", SAM);
        FakeZendesk.Ticket ticket = zendesk.ticket(902, "License for A-S00001001",
                "Please send the license of A-S00001001 to our contractor, bob@contractor.example.", sam,
                "supportbot_start_resend_license");
        webhook(902, AGENT_EMAIL);
        Await.until("the note", Duration.ofSeconds(30), () -> notes(ticket).contains("another address"));
        settled();

        assertThat(notes(ticket)).contains("bob@contractor.example", "nothing was planned");
        assertThat(approvalIds()).isEmpty();
        assertThat(botReplies(ticket)).isEmpty();
        assertThat(ticket.tags).doesNotContain("supportbot_ov_awaiting_proof");
        assertThat(portal.mailDeliveries("bob@contractor.example")).isEmpty();
        assertThat(portal.mailDeliveries(SAM)).isEmpty();
    }

    // ---- portal access help

    @Test
    void gavin_who_cannot_sign_in_gets_a_one_time_link_to_his_own_address_after_another_user_approves() throws Exception {
        start();
        FakeZendesk.User gavin = zendesk.user("Gavin Belson", GAVIN);
        int mailsBefore = portal.mailDeliveries(GAVIN).size();
        FakeZendesk.Ticket ticket = zendesk.ticket(911, "Cannot sign in", "Hello, I cannot sign in to the Customers Portal.",
                gavin, "supportbot_start_portal_access");
        webhook(911, AGENT_EMAIL);
        Await.until("the approval request in Slack", Duration.ofSeconds(30), () -> approvalIds().size() == 1);
        settled();
        String approval = approvalIds().get(0);
        assertThat(portal.mailDeliveries(GAVIN)).as("nothing is sent before the approval").hasSize(mailsBefore);

        assertThat(click(AGENT_SLACK, approval)).isEqualTo(200);
        settled();
        assertThat(responsesTo(AGENT_SLACK)).hasSize(1);
        assertThat(portal.mailDeliveries(GAVIN)).hasSize(mailsBefore);

        assertThat(click(APPROVER, approval)).isEqualTo(200);
        Await.until("the link mailed to Gavin", Duration.ofSeconds(30), () -> portal.mailDeliveries(GAVIN).size() > mailsBefore);
        Await.until("the reply to Gavin", Duration.ofSeconds(30), () -> !botReplies(ticket).isEmpty());
        settled();

        assertThat(portal.mailDeliveries(GAVIN)).hasSize(mailsBefore + 1).first()
                .satisfies(mail -> assertThat(mail.subject()).isEqualTo("Your one-time sign-in link"));
        assertThat(botReplies(ticket)).singleElement().satisfies(r -> assertThat(r)
                .contains("one-time sign-in link", "the one you wrote to us from").doesNotContain("@"));
        assertThat(notes(ticket)).contains("Send a one-time sign-in link to Gavin Belson");
        assertThat(new AuditLog(bot.database()).forTicket(911)).filteredOn(e -> e.action().equals("plan step")).hasSize(1);
    }

    @Test
    void sam_who_manages_no_billing_account_is_answered_with_the_self_service_steps() throws Exception {
        start();
        FakeZendesk.User sam = zendesk.user("Sam Rivera", SAM);
        FakeZendesk.Ticket ticket = zendesk.ticket(913, "Cannot sign in", "Hello, I cannot sign in to the Customers Portal.",
                sam, "supportbot_start_portal_access");
        webhook(913, AGENT_EMAIL);
        Await.until("the reply to Sam", Duration.ofSeconds(30), () -> !botReplies(ticket).isEmpty());
        settled();

        assertThat(botReplies(ticket)).singleElement().satisfies(r -> assertThat(r)
                .contains("Sign in with your email", "sign_in?legacy=true").doesNotContain("@"));
        assertThat(approvalIds()).isEmpty();
        assertThat(portal.mailDeliveries(SAM)).isEmpty();
    }

    @Test
    void a_sign_in_link_asked_for_another_address_gets_a_note_and_nothing_is_sent() throws Exception {
        start();
        FakeZendesk.User sam = zendesk.user("Sam Rivera", SAM);
        FakeZendesk.Ticket ticket = zendesk.ticket(912, "Cannot sign in",
                "Please send a sign-in link for my account to sam.private@mail.example instead.", sam,
                "supportbot_start_portal_access");
        webhook(912, AGENT_EMAIL);
        Await.until("the note", Duration.ofSeconds(30), () -> notes(ticket).contains("another address"));
        settled();

        assertThat(notes(ticket)).contains("sam.private@mail.example", "nothing was planned");
        assertThat(approvalIds()).isEmpty();
        assertThat(botReplies(ticket)).isEmpty();
        assertThat(portal.mailDeliveries("sam.private@mail.example")).isEmpty();
        assertThat(portal.mailDeliveries(SAM)).isEmpty();
    }
}
