package dev.supportbot.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportbot.bot.Plugins;
import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.portal.HttpPortalClient;
import dev.supportbot.bot.portal.PortalClients;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.ContextCapture;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.bot.testing.Signing;
import dev.supportbot.bot.testing.TestBots;
import dev.supportbot.bot.testing.VendorContracts;
import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.MailDelivery;
import java.net.URI;
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
 * Fixing an email typo from the account manager's request to the sandbox portal's corrected Sold To, customer and the
 * resent activation code: signed webhook -> fake Zendesk -> the AM's written confirmation -> Slack approval
 * (MockServer) -> signed button click -> the plan's steps on the sandbox portal over HTTP, with the real engine and
 * database. Only Zendesk and Slack are replaced, at the far side of the wire.
 */
class TypoFixEndToEndTest {
    private static final AtomicInteger DELIVERY = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AGENT_EMAIL = "agent@vendor.example";
    private static final String AGENT_SLACK = "UAGENT1";
    private static final String APPROVER = "UAPPROVER1";
    private static final String TYPO = "alice@umbrela.example";
    private static final String FIXED = "alice@umbrella.example";

    private final HttpClient http = HttpClient.newHttpClient();
    private final FakeZendesk zendesk = new FakeZendesk();
    private final ClientAndServer slack = ClientAndServer.startClientAndServer();
    private SupportBot bot;
    private HttpPortalClient portal;
    private FakeZendesk.User am;

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
        env.put("BOT_STAFF_DOMAINS", "vendor.example");
        BotConfig config = TestBots.config(env);
        ContextCapture capture = new ContextCapture();
        bot = SupportBot.builder(config).host("127.0.0.1").plugins(Plugins.standard(config)).plugins(capture).start();
        portal = PortalClients.forBot(capture.context()).withoutCache();
        am = zendesk.user("Avery Manager", "avery.manager@vendor.example");
    }

    /** Keeps the context, for the bot's own portal client. */

    // ---- the wire

    private void webhook(long ticketId, String actorEmail) throws Exception {
        String body = "{\"ticket_id\":" + ticketId + ",\"event\":\"ticket.updated\",\"delivery_id\":\"tf-" + DELIVERY.incrementAndGet()
                + "\"" + (actorEmail == null ? "" : ",\"actor_email\":\"" + actorEmail + "\"") + "}";
        String ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/webhooks/zendesk"))
                .header("X-Zendesk-Webhook-Signature-Timestamp", ts)
                .header("X-Zendesk-Webhook-Signature", Signing.zendesk(TestBots.ZENDESK_SECRET, ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private int click(String user, String actionId, String value) throws Exception {
        String payload = "{\"type\":\"block_actions\",\"trigger_id\":\"tr-" + System.nanoTime() + "\",\"user\":{\"id\":\"" + user + "\"},"
                + "\"team\":{\"id\":\"T1\"},\"api_app_id\":\"A1\",\"channel\":{\"id\":\"C123\"},"
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"1700000000.000100\"},"
                + "\"response_url\":\"http://127.0.0.1:" + slack.getPort() + "/respond/" + user + "-" + System.nanoTime() + "\","
                + "\"actions\":[{\"type\":\"button\",\"action_id\":\"" + actionId + "\",\"block_id\":\"b\",\"value\":\"" + value
                + "\",\"action_ts\":\"1.1\"}]}";
        return slackForm("payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8));
    }

    private int lnr(String text) throws Exception {
        return slackForm("token=verif&team_id=T1&channel_id=C123&user_id=" + AGENT_SLACK + "&user_name=agent"
                + "&command=%2Flnr&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + "&response_url=" + URLEncoder.encode("http://127.0.0.1:" + slack.getPort() + "/respond/" + AGENT_SLACK
                        + "-cmd" + System.nanoTime(), StandardCharsets.UTF_8) + "&trigger_id=tr-" + System.nanoTime());
    }

    private int slackForm(String form) throws Exception {
        String ts = Long.toString(Instant.now().getEpochSecond());
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", Signing.slack(TestBots.SLACK_SECRET, ts, form))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    private void settled() {
        Await.until("the bot to finish its work", Duration.ofSeconds(30), () -> bot.inbox().depth() == 0);
    }

    // ---- what the bot did

    private List<JsonNode> posted(String method) {
        List<JsonNode> out = new ArrayList<>();
        for (var r : slack.retrieveRecordedRequests(request().withPath("/api/" + method))) out.add(slackBody(r.getBodyAsString()));
        return out;
    }

    /** The Slack SDK sends form fields; blocks are a JSON string field. */
    private static JsonNode slackBody(String body) {
        try {
            if (body.startsWith("{")) return JSON.readTree(body);
            var node = JSON.createObjectNode();
            for (String pair : body.split("&")) {
                String[] kv = pair.split("=", 2);
                node.put(java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
            return node;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> approvalIds() {
        List<String> ids = new ArrayList<>();
        for (JsonNode m : posted("chat.postMessage")) {
            try {
                JsonNode blocks = m.path("blocks").isTextual() ? JSON.readTree(m.path("blocks").asText()) : m.path("blocks");
                for (JsonNode block : blocks) {
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

    private String approvalPosted() {
        Await.until("the approval request in Slack", Duration.ofSeconds(30), () -> approvalIds().size() == 1);
        settled();
        return approvalIds().get(0);
    }

    private List<String> responsesTo(String user) {
        List<String> out = new ArrayList<>();
        for (var r : slack.retrieveRecordedRequests(request().withPath("/respond/" + user + "-.*"))) out.add(r.getBodyAsString());
        return out;
    }

    private static String notes(FakeZendesk.Ticket ticket) {
        return String.join("\n---\n", ticket.privateNotes().stream().map(FakeZendesk.Comment::body).toList());
    }

    private static List<String> botReplies(FakeZendesk.Ticket ticket) {
        return ticket.publicCommentsBy(FakeZendesk.BOT_USER).stream().map(FakeZendesk.Comment::body).toList();
    }

    private String activationCode(String subscription) {
        return bot.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT activation_code FROM sandbox_cloud_activation WHERE subscription_name = :s")
                .bind("s", subscription).mapTo(String.class).one());
    }

    /** Every cell of the bot's own tables (the sandbox portal's are the world, not the bot), as text. */
    private List<String> botRows() {
        return bot.database().jdbi().withHandle(h -> {
            List<String> tables = h.createQuery("SELECT table_name FROM information_schema.tables WHERE LOWER(table_schema) = 'public'")
                    .mapTo(String.class).list();
            List<String> rows = new ArrayList<>();
            for (String table : tables) {
                String name = table.toLowerCase(Locale.ROOT);
                if (name.startsWith("sandbox_") || name.startsWith("qrtz_")) continue;
                h.createQuery("SELECT * FROM \"" + table + "\"").mapToMap().forEach(row -> rows.add(name + " " + row));
            }
            return rows;
        });
    }

    /** The activation code is nowhere the bot writes: notes, comments, Slack requests, its own tables and rows. */
    private void noActivationCodeAnywhere(FakeZendesk.Ticket ticket, String code) {
        assertThat(ticket.comments).extracting(FakeZendesk.Comment::body).noneMatch(b -> b.contains(code));
        assertThat(slack.retrieveRecordedRequests(request())).extracting(r -> r.getBodyAsString() == null ? "" : r.getBodyAsString())
                .noneMatch(b -> b.contains(code));
        assertThat(zendesk.receivedBodies()).noneMatch(b -> b.contains(code));
        List<String> rows = botRows();
        assertThat(rows).anyMatch(r -> r.startsWith("audit_log ")).anyMatch(r -> r.startsWith("inbox "));
        assertThat(rows).noneMatch(r -> r.contains(code));
    }

    private FakeZendesk.Ticket amRequest(long id, String description) throws Exception {
        FakeZendesk.Ticket ticket = zendesk.ticket(id, "Internal request: email typo", description, am, "supportbot_start_typo_fix");
        webhook(id, AGENT_EMAIL);
        return ticket;
    }

    private void amReplies(FakeZendesk.Ticket ticket, String body) throws Exception {
        zendesk.reply(ticket.id, am, body);
        webhook(ticket.id, null);
    }

    // ---- the cases of the issue

    @Test
    void umbrella_the_am_confirms_an_approver_approves_and_the_code_goes_to_the_corrected_address() throws Exception {
        start();
        long account = portal.subscription("A-S00004001").billingAccountId();
        FakeZendesk.Ticket ticket = amRequest(801, "Hi team, the activation code mail to " + TYPO + " bounced. The customer's"
                + " address is " + FIXED + ", please fix it and resend the code.");

        Await.until("the question to the AM", Duration.ofSeconds(30), () -> botReplies(ticket).size() == 1);
        settled();
        assertThat(notes(ticket)).contains("Recipient: " + TYPO, "SMTP: 550 5.1.1 mailbox unavailable", " UTC",
                "Subject: Your GitLab activation code: ");
        assertThat(botReplies(ticket).get(0)).contains("confirm in writing", FIXED);
        assertThat(approvalIds()).isEmpty();

        amReplies(ticket, "Yes, " + FIXED + " is right.");
        String approval = approvalPosted();
        assertThat(portal.billingAccount(account).soldTo().email()).as("nothing changes before the approval").isEqualTo(TYPO);

        // The agent who applied the macro may not approve it; nothing changes.
        assertThat(click(AGENT_SLACK, "approve", approval)).isEqualTo(200);
        settled();
        assertThat(responsesTo(AGENT_SLACK)).hasSize(1);
        assertThat(portal.findCustomerByEmail(FIXED)).isEmpty();

        assertThat(click(APPROVER, "approve", approval)).isEqualTo(200);
        Await.until("the code resent to the corrected address", Duration.ofSeconds(30), () -> !portal.mailDeliveries(FIXED).isEmpty());
        Await.until("the CRM note", Duration.ofSeconds(30), () -> notes(ticket).contains("CRM"));
        settled();

        BillingAccount after = portal.billingAccount(account);
        assertThat(after.soldTo().email()).isEqualTo(FIXED);
        assertThat(after.billTo().email()).isEqualTo(FIXED);
        assertThat(portal.findCustomerByEmail(TYPO)).isEmpty();
        assertThat(portal.findCustomerByEmail(FIXED).orElseThrow().id()).isEqualTo(1401);
        assertThat(portal.mailDeliveries(FIXED)).singleElement().satisfies(mail -> {
            assertThat(mail.status()).isEqualTo(MailDelivery.Status.DELIVERED);
            assertThat(mail.subject()).startsWith("Your GitLab activation code");
        });
        assertThat(new AuditLog(bot.database()).forTicket(801)).filteredOn(e -> e.action().equals("plan step")).hasSize(2);
        assertThat(notes(ticket)).contains("from " + TYPO + " to " + FIXED);
        assertThat(botReplies(ticket)).last().asString().contains("update the contact's email in the CRM", "from " + TYPO + " to " + FIXED);
        noActivationCodeAnywhere(ticket, activationCode("A-S00004001"));
    }

    /**
     * Issue 19 item 4 on the sandbox portal: while the code is resent (the last step), another writer puts the mistyped
     * address back on the Sold To, as a CRM sync that overwrites Zuora would. A database trigger on the sandbox
     * portal's own tables plays that writer, so the portal's answers are the real ones. The re-read after the last step
     * shows the difference: the AM is not told the fix is done, a private note names the difference, the ticket gets
     * the Billing team's tag and the team a post in Slack.
     */
    @Test
    void a_sold_to_that_is_not_what_the_plan_predicted_after_the_last_step_goes_to_the_billing_team() throws Exception {
        start();
        long account = portal.subscription("A-S00004001").billingAccountId();
        bot.database().jdbi().useHandle(h -> {
            h.execute("""
                    CREATE FUNCTION test_crm_sync_overwrites_sold_to() RETURNS trigger AS $$
                    BEGIN
                        UPDATE sandbox_billing_account SET sold_to_email = 'alice@umbrela.example' WHERE id = %d;
                        RETURN NEW;
                    END $$ LANGUAGE plpgsql""".formatted(account));
            h.execute("""
                    CREATE TRIGGER test_crm_sync AFTER INSERT ON sandbox_mail_delivery FOR EACH ROW
                    WHEN (NEW.recipient = 'alice@umbrella.example') EXECUTE FUNCTION test_crm_sync_overwrites_sold_to()""");
        });
        FakeZendesk.Ticket ticket = amRequest(805, "Hi team, the activation code mail to " + TYPO + " bounced. The customer's"
                + " address is " + FIXED + ", please fix it and resend the code.");
        Await.until("the question to the AM", Duration.ofSeconds(30), () -> botReplies(ticket).size() == 1);
        settled();
        amReplies(ticket, "Yes, " + FIXED + " is right.");
        String approval = approvalPosted();

        assertThat(click(APPROVER, "approve", approval)).isEqualTo(200);
        Await.until("the hand-off to the Billing team", Duration.ofSeconds(30), () -> ticket.tags.contains("billing_handoff"));
        settled();

        assertThat(portal.mailDeliveries(FIXED)).as("every step ran").singleElement()
                .satisfies(mail -> assertThat(mail.status()).isEqualTo(MailDelivery.Status.DELIVERED));
        assertThat(portal.billingAccount(account).soldTo().email()).isEqualTo(TYPO);
        assertThat(botReplies(ticket)).as("the AM is not told the fix is done").hasSize(1)
                .noneMatch(r -> r.contains("CRM") || r.contains("typo is fixed"));
        assertThat(notes(ticket)).contains("the billing account does not show what the plan predicted",
                "the Sold To of", "is Alice Abernathy (" + TYPO + "), the plan expected Alice Abernathy (" + FIXED + ")",
                "Handed to the Billing team").doesNotContain("update the contact's email in the CRM");
        assertThat(posted("chat.postMessage")).extracting(m -> m.path("text").asText())
                .anySatisfy(t -> assertThat(t).startsWith("Billing team: ").contains("alice@umbrela.example",
                        "Please put the billing account right"));
        noActivationCodeAnywhere(ticket, activationCode("A-S00004001"));

        assertThat(lnr("status 805")).isEqualTo(200);
        Await.until("the status of the run", Duration.ofSeconds(30), () -> responsesTo(AGENT_SLACK).stream().anyMatch(r -> r.contains("Ticket 805")));
        assertThat(responsesTo(AGENT_SLACK)).filteredOn(r -> r.contains("Ticket 805")).singleElement()
                .satisfies(r -> assertThat(r).contains("(finished): handed to the billing team on ").doesNotContain(": done"));
    }

    @Test
    void hooli_whose_activation_code_was_used_stops_at_step_1() throws Exception {
        start();
        FakeZendesk.Ticket ticket = amRequest(802, "Please fix the typo in gavin@hooli.example and resend the code.");
        Await.until("the note", Duration.ofSeconds(30), () -> notes(ticket).contains("stopped at step 1"));
        settled();
        assertThat(notes(ticket)).contains("already used", "gitlab.hooli.example", "Nothing was changed");
        assertThat(botReplies(ticket)).isEmpty();
        assertThat(approvalIds()).isEmpty();
        assertThat(portal.findCustomerByEmail("gavin@hooli.example")).isPresent();
        noActivationCodeAnywhere(ticket, activationCode("A-S00005001"));
    }

    @Test
    void an_address_whose_mail_was_delivered_stops_at_step_2_also_when_started_with_lnr_typo_fix() throws Exception {
        start();
        FakeZendesk.Ticket ticket = zendesk.ticket(803, "Internal request", "The customer says they never got the license.", am);
        assertThat(lnr("typo-fix 803 not-an-address")).isEqualTo(200);
        assertThat(lnr("typo-fix 803 pat@acme.example")).isEqualTo(200);
        Await.until("the note", Duration.ofSeconds(30), () -> notes(ticket).contains("stopped at step 2"));
        settled();
        // Two commands, two answers, in whichever order the workers sent them.
        assertThat(responsesTo(AGENT_SLACK)).hasSize(2).anySatisfy(r -> assertThat(r).contains("Usage"))
                .anySatisfy(r -> assertThat(r).contains("typo fix requested"));
        assertThat(notes(ticket)).contains("no failed delivery", "delivered with SMTP 250");
        assertThat(botReplies(ticket)).isEmpty();
        assertThat(approvalIds()).isEmpty();
    }

    @Test
    void the_am_correcting_twice_restarts_the_confirmation_and_the_plan_takes_the_last_address() throws Exception {
        start();
        FakeZendesk.Ticket ticket = amRequest(804, "The mail to " + TYPO + " bounced; it should be alicia@umbrella.example.");
        Await.until("the question to the AM", Duration.ofSeconds(30), () -> botReplies(ticket).size() == 1);
        settled();
        assertThat(botReplies(ticket).get(0)).contains("alicia@umbrella.example");

        amReplies(ticket, "Sorry, my mistake: it is alice.a@umbrella.example");
        Await.until("the second question", Duration.ofSeconds(30), () -> botReplies(ticket).size() == 2);
        settled();
        amReplies(ticket, "No wait, the customer wrote again, it is " + FIXED);
        Await.until("the third question", Duration.ofSeconds(30), () -> botReplies(ticket).size() == 3);
        settled();
        assertThat(botReplies(ticket).get(1)).contains("alice.a@umbrella.example");
        assertThat(botReplies(ticket).get(2)).contains(FIXED);
        assertThat(approvalIds()).isEmpty();

        amReplies(ticket, "Confirmed.");
        approvalPosted();
        String plan = posted("chat.postMessage").get(0).path("blocks").asText();
        assertThat(plan).contains(FIXED).doesNotContain("alicia@").doesNotContain("alice.a@");
        assertThat(notes(ticket)).contains("confirmed " + FIXED + " in writing");
    }
}
