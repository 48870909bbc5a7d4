package dev.supportbot.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportbot.bot.Plugins;
import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.portal.CustomerUpdate;
import dev.supportbot.bot.portal.HttpPortalClient;
import dev.supportbot.bot.portal.IdempotencyKey;
import dev.supportbot.bot.portal.PortalClients;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.ContextCapture;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.bot.testing.Signing;
import dev.supportbot.bot.testing.TestBots;
import dev.supportbot.bot.testing.VendorContracts;
import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Membership;
import java.net.URI;
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
 * Adding a subscription management contact from the agent's macro to the sandbox portal's new membership: signed
 * webhook -> fake Zendesk -> Slack approval (MockServer) -> signed button click -> the plan's steps on the sandbox
 * portal over HTTP, with the real engine and database. Only Zendesk and Slack are replaced, at the far side of the wire.
 */
class AddContactEndToEndTest {
    private static final AtomicInteger DELIVERY = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AGENT_EMAIL = "agent@vendor.example";
    private static final String AGENT_SLACK = "UAGENT1";
    private static final String APPROVER = "UAPPROVER1";

    private final HttpClient http = HttpClient.newHttpClient();
    private final FakeZendesk zendesk = new FakeZendesk();
    private final ClientAndServer slack = ClientAndServer.startClientAndServer();
    private SupportBot bot;
    private HttpPortalClient portal;
    private Clock clock = Clock.systemUTC();
    private final Map<String, String> extraEnv = new java.util.HashMap<>();

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.database().jdbi().useHandle(h -> h.createQuery(
                            "SELECT id, source, event_type, ticket_id, status, attempts, outcome, last_error FROM inbox ORDER BY id")
                    .mapToMap().forEach(row -> System.out.println("inbox " + row)));
            bot.close();
        }
        zendesk.close();
        VendorContracts.assertKeptThenStop(VendorContracts.Api.SLACK, slack);
    }

    private void start() {
        start(Clock.systemUTC());
    }

    private void start(Clock clock) {
        this.clock = clock;
        slack.when(request().withPath("/api/chat.postMessage"))
                .respond(response().withStatusCode(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"channel\":\"C123\",\"ts\":\"1700000000.000100\"}"));
        slack.when(request().withPath("/api/chat.update"))
                .respond(response().withStatusCode(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"channel\":\"C123\",\"ts\":\"1700000000.000100\"}"));
        slack.when(request().withPath("/api/users.info").withBody(org.mockserver.model.RegexBody.regex(".*user=" + APPROVER + ".*")))
                .respond(response().withStatusCode(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"user\":{\"id\":\"" + APPROVER + "\",\"real_name\":\"Alex Morgan\","
                                + "\"profile\":{\"display_name\":\"\"}}}"));
        slack.when(request().withPath("/api/users.lookupByEmail"))
                .respond(response().withStatusCode(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"user\":{\"id\":\"" + AGENT_SLACK + "\",\"name\":\"agent\"}}"));
        slack.when(request().withPath("/api/views.open"))
                .respond(response().withStatusCode(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"view\":{\"id\":\"V1\"}}"));
        slack.when(request().withPath("/respond/.*")).respond(response().withStatusCode(200).withBody("ok"));
        Map<String, String> env = TestBots.env();
        env.put("BOT_ZENDESK_URL", zendesk.url());
        env.put("BOT_ZENDESK_EMAIL", "bot@vendor.example");
        env.put("BOT_ZENDESK_TOKEN", "zd-token");
        env.put("BOT_SLACK_BOT_TOKEN", "xoxb-test-token");
        env.put("BOT_SLACK_API_URL", "http://127.0.0.1:" + slack.getPort() + "/api/");
        env.put("BOT_SLACK_CHANNEL", "C123");
        env.put("BOT_APPROVERS", APPROVER + ",UAPPROVER2," + AGENT_SLACK);
        env.put("BOT_SLACK_AGENTS", AGENT_SLACK);
        env.putAll(extraEnv);
        BotConfig config = TestBots.config(env);
        ContextCapture capture = new ContextCapture();
        bot = SupportBot.builder(config).host("127.0.0.1").clock(clock).plugins(Plugins.standard(config)).plugins(capture).start();
        portal = PortalClients.forBot(capture.context()).withoutCache(); // reads what the portal holds now, not a cached copy
    }

    /** Keeps the context, for the bot's own portal client. */

    private void webhook(long ticketId, String actorEmail) throws Exception {
        String body = "{\"ticket_id\":" + ticketId + ",\"event\":\"ticket.updated\",\"delivery_id\":\"ac-" + DELIVERY.incrementAndGet()
                + "\"" + (actorEmail == null ? "" : ",\"actor_email\":\"" + actorEmail + "\"") + "}";
        String ts = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
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

    /** Submits the reason modal the bot opened (views.open answers V1), once the bot has recorded it as opened. */
    private int submitReason(String user, String approval, String reason) throws Exception {
        Await.until("the modal recorded as opened", Duration.ofSeconds(30), () -> bot.database().jdbi().withHandle(h ->
                h.createQuery("SELECT COUNT(*) FROM slack_view WHERE view_id = 'V1'").mapTo(Long.class).one()) == 1);
        String payload = "{\"type\":\"view_submission\",\"team\":{\"id\":\"T1\"},\"user\":{\"id\":\"" + user + "\"},"
                + "\"view\":{\"id\":\"V1\",\"type\":\"modal\",\"callback_id\":\"approval_reject\","
                + "\"private_metadata\":\"" + approval + "\",\"state\":{\"values\":{\"input\":{\"input\":"
                + "{\"type\":\"plain_text_input\",\"value\":\"" + reason + "\"}}}}}}";
        return slackForm("payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8));
    }

    private int slackForm(String form) throws Exception {
        String ts = Long.toString(clock.instant().getEpochSecond()); // the bot checks against its own clock
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

    private static String approvalIdIn(JsonNode message) throws Exception {
        JsonNode blocks = message.path("blocks").isTextual() ? JSON.readTree(message.path("blocks").asText()) : message.path("blocks");
        for (JsonNode block : blocks) {
            for (JsonNode element : block.path("elements")) {
                if ("approve".equals(element.path("action_id").asText())) return element.path("value").asText();
            }
        }
        return null;
    }

    private List<String> responsesTo(String user) {
        List<String> out = new ArrayList<>();
        for (var r : slack.retrieveRecordedRequests(request().withPath("/respond/" + user + "-.*"))) out.add(r.getBodyAsString());
        return out;
    }

    private FakeZendesk.Ticket verifiedRequest(long id, String name, String email, String subscription, String invoice) throws Exception {
        FakeZendesk.User requester = zendesk.user(name, email);
        FakeZendesk.Ticket ticket = zendesk.ticket(id, "Please add me as a contact of " + subscription,
                "Hello, please add me as a contact of our subscription " + subscription + ".", requester,
                "supportbot_start_add_contact");
        webhook(id, AGENT_EMAIL);
        Await.until("the ownership proof request", Duration.ofSeconds(30), () -> ticket.tags.contains("supportbot_ov_awaiting_proof"));
        settled();
        zendesk.reply(id, requester, "Our latest invoice is " + invoice + ".");
        webhook(id, null);
        Await.until("verification", Duration.ofSeconds(30), () -> ticket.tags.contains("supportbot_ov_verified"));
        settled();
        return ticket;
    }

    /** Waits for the approval request in Slack; its approval id. */
    private String approvalPosted() {
        Await.until("the approval request in Slack", Duration.ofSeconds(30), () -> approvalIds().size() == 1);
        settled();
        return approvalIds().get(0);
    }

    /** The message's blocks as JSON text, Slack's escapes undone. */
    private static String blocksOf(JsonNode message) {
        try {
            return message.path("blocks").isMissingNode() ? "" : JSON.readTree(message.path("blocks").asText()).toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> approvalIds() {
        List<String> ids = new ArrayList<>();
        for (JsonNode m : posted("chat.postMessage")) {
            try {
                String id = approvalIdIn(m);
                if (id != null) ids.add(id);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return ids;
    }

    private long planSteps(long ticket) {
        return new AuditLog(bot.database()).forTicket(ticket).stream().filter(e -> e.action().equals("plan step")).count();
    }

    private long acmeAccount() {
        return portal.subscription("A-S00001001").billingAccountId();
    }

    private List<Long> membersOf(long accountId) {
        return portal.membershipsOfBillingAccount(accountId).stream().map(Membership::customerId).sorted().toList();
    }

    @Test
    void an_approved_plan_makes_sam_a_management_contact_of_acme_and_pat_stays_sold_to() throws Exception {
        start();
        long account = acmeAccount();
        List<Long> before = membersOf(account);
        FakeZendesk.Ticket ticket = verifiedRequest(701, "Sam Rivera", "sam@acme.example", "A-S00001001", "INV-1001-A");

        Await.until("the approval request in Slack", Duration.ofSeconds(30),
                () -> posted("chat.postMessage").stream().anyMatch(m -> { try { return approvalIdIn(m) != null; } catch (Exception e) { return false; } }));
        settled();
        JsonNode request = posted("chat.postMessage").stream().filter(m -> { try { return approvalIdIn(m) != null; } catch (Exception e) { return false; } })
                .findFirst().orElseThrow();
        String approval = approvalIdIn(request);
        assertThat(request.path("blocks").asText()).contains("#701").contains("Sam Rivera").contains("proof: an invoice")
                .contains("\"action_id\":\"reject\"");

        // The agent who applied the macro, and someone who is not an approver, are refused; nothing changes.
        assertThat(click(AGENT_SLACK, "approve", approval)).isEqualTo(200);
        assertThat(click("USTRANGER", "approve", approval)).isEqualTo(200);
        settled();
        assertThat(responsesTo(AGENT_SLACK)).hasSize(1);
        assertThat(responsesTo("USTRANGER")).hasSize(1);
        assertThat(membersOf(account)).isEqualTo(before);

        assertThat(click(APPROVER, "approve", approval)).isEqualTo(200);
        Await.until("Sam's membership", Duration.ofSeconds(30), () -> membersOf(account).contains(1102L));
        settled();

        BillingAccount after = portal.billingAccount(account);
        assertThat(after.soldTo().email()).isEqualTo("pat@acme.example");
        assertThat(membersOf(account)).containsExactlyInAnyOrder(1101L, 1102L);
        assertThat(portal.findCustomerByEmail("sam@acme.example").orElseThrow().loginActivated()).isTrue();
        assertThat(new AuditLog(bot.database()).forTicket(701)).filteredOn(e -> e.action().equals("plan step"))
                .singleElement().satisfies(e -> {
                    assertThat(e.before()).contains("pat@acme.example").doesNotContain("sam@acme.example\",\"billingAccountId");
                    assertThat(e.after()).contains("{\"customerEmail\":\"sam@acme.example\",\"billingAccountId\":" + account + "}");
                });
        assertThat(ticket.privateNotes()).extracting(FakeZendesk.Comment::body).anyMatch(n -> n.toLowerCase().contains("approved"));
        assertThat(posted("chat.update")).isNotEmpty();

        // A second click on a plan already carried out changes nothing.
        assertThat(click("UAPPROVER2", "approve", approval)).isEqualTo(200);
        settled();
        assertThat(responsesTo("UAPPROVER2")).hasSize(1);
        assertThat(membersOf(account)).containsExactlyInAnyOrder(1101L, 1102L);
    }

    /**
     * Issue 19 item 7: Nia has no portal account. She is asked to create one, with the sign-up link; she signs up on the
     * sandbox portal through its API (as the portal's sign-up page does) and replies; the bot finds her account, stops
     * the reminders and puts the usual plan before the approvers, which makes her a member once approved.
     */
    @Test
    void a_requester_without_a_portal_account_is_asked_to_sign_up_and_planned_for_once_she_has() throws Exception {
        extraEnv.put("BOT_PORTAL_TOKEN", TestBots.PORTAL_TOKEN); // the sandbox portal's API, as the sign-up page calls it
        start();
        long account = acmeAccount();
        FakeZendesk.Ticket ticket = verifiedRequest(710, "Nia New", "nia@acme.example", "A-S00001001", "INV-1001-A");
        Await.until("the request to sign up", Duration.ofSeconds(30), () -> botReplies(ticket).stream()
                .anyMatch(c -> c.contains("https://customers.gitlab.com/customers/sign_up")));
        settled();
        assertThat(approvalIds()).isEmpty();
        assertThat(signUpReminders(710)).as("the sign-up's reminders and expiry").containsExactlyInAnyOrder(
                "sequence-1", "sequence-2", "sequence-3");

        HttpResponse<String> signedUp = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port()
                        + PortalClients.SANDBOX_API_PATH + "/customers"))
                .header("Content-Type", "application/json").header("Idempotency-Key", "nia-signs-up")
                .header("Authorization", "Bearer " + TestBots.PORTAL_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"first_name\": \"Nia\", \"last_name\": \"New\","
                        + " \"email\": \"nia@acme.example\", \"company\": \"Acme Corp\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedUp.statusCode()).isEqualTo(201);
        long nia = portal.findCustomerByEmail("nia@acme.example").orElseThrow().id();

        zendesk.reply(710, zendesk.user("Nia New", "nia@acme.example"), "Done, I created my account.");
        webhook(710, null);
        String approval = approvalPosted();
        assertThat(signUpReminders(710)).as("the sign-up reminders stopped; only the approval's expiry is left")
                .containsExactly("sequence-" + 4);

        assertThat(click(APPROVER, "approve", approval)).isEqualTo(200);
        Await.until("Nia's membership", Duration.ofSeconds(30), () -> membersOf(account).contains(nia));
        settled();
        assertThat(portal.billingAccount(account).soldTo().email()).isEqualTo("pat@acme.example");
    }

    /** The reminders the add-contact run of {@code ticket} has scheduled, by their Quartz job names. */
    private List<String> signUpReminders(long ticket) {
        return bot.database().jdbi().withHandle(h -> h.createQuery("""
                        SELECT t.trigger_name FROM qrtz_triggers t JOIN workflow_instance w ON t.trigger_group = 'instance-' || w.id
                        WHERE w.ticket_id = :ticket AND w.kind = 'add_contact'""").bind("ticket", ticket).mapTo(String.class).list());
    }

    private static List<String> botReplies(FakeZendesk.Ticket ticket) {
        return ticket.publicCommentsBy(FakeZendesk.BOT_USER).stream().map(FakeZendesk.Comment::body).toList();
    }

    @Test
    void miltons_login_switched_off_on_purpose_goes_to_a_person_without_a_plan() throws Exception {
        start();
        FakeZendesk.Ticket ticket = verifiedRequest(702, "Milton Waddams", "milton@initech.example", "A-S00003001", "INV-3001-I");
        Await.until("the note to the agents", Duration.ofSeconds(30),
                () -> ticket.privateNotes().stream().anyMatch(n -> n.body().toLowerCase().contains("login")));
        settled();
        assertThat(posted("chat.postMessage")).noneMatch(m -> { try { return approvalIdIn(m) != null; } catch (Exception e) { return false; } });
        assertThat(portal.findCustomerByEmail("milton@initech.example").orElseThrow().loginActivated()).isFalse();
    }

    @Test
    void a_rejection_asks_for_a_reason_records_it_and_changes_nothing() throws Exception {
        start();
        long account = acmeAccount();
        List<Long> before = membersOf(account);
        FakeZendesk.Ticket ticket = verifiedRequest(703, "Sam Rivera", "sam@acme.example", "A-S00001001", "INV-1001-A");
        String approval = approvalPosted();

        assertThat(click(APPROVER, "reject", approval)).isEqualTo(200);
        Await.until("the reason modal", Duration.ofSeconds(30),
                () -> slack.retrieveRecordedRequests(request().withPath("/api/views.open")).length == 1);
        assertThat(submitReason(APPROVER, approval, "Sam left Acme last week")).isEqualTo(200);
        Await.until("the rejection note", Duration.ofSeconds(30),
                () -> ticket.privateNotes().stream().anyMatch(n -> n.body().contains("Sam left Acme last week")));
        settled();
        // The approver is named as Slack names them (users.info), never by an internal id.
        assertThat(ticket.privateNotes()).extracting(FakeZendesk.Comment::body)
                .anyMatch(n -> n.contains("rejected by Alex Morgan: Sam left Acme last week"))
                .noneMatch(n -> n.contains("slack:"));

        assertThat(membersOf(account)).isEqualTo(before);
        assertThat(planSteps(703)).isZero();
        assertThat(posted("chat.update")).anyMatch(m -> m.toString().contains("Sam left Acme last week"));
        // A late approval of the rejected plan is refused.
        assertThat(click("UAPPROVER2", "approve", approval)).isEqualTo(200);
        settled();
        assertThat(responsesTo("UAPPROVER2")).hasSize(1);
        assertThat(membersOf(account)).isEqualTo(before);
    }

    @Test
    void two_approvers_clicking_at_once_run_the_plan_once() throws Exception {
        start();
        long account = acmeAccount();
        verifiedRequest(704, "Sam Rivera", "sam@acme.example", "A-S00001001", "INV-1001-A");
        String approval = approvalPosted();

        java.util.concurrent.CompletableFuture<Integer> first = java.util.concurrent.CompletableFuture.supplyAsync(() -> clickQuietly(APPROVER, approval));
        java.util.concurrent.CompletableFuture<Integer> second = java.util.concurrent.CompletableFuture.supplyAsync(() -> clickQuietly("UAPPROVER2", approval));
        assertThat(first.get()).isEqualTo(200);
        assertThat(second.get()).isEqualTo(200);
        Await.until("Sam's membership", Duration.ofSeconds(30), () -> membersOf(account).contains(1102L));
        settled();

        assertThat(membersOf(account)).containsExactlyInAnyOrder(1101L, 1102L);
        assertThat(planSteps(704)).isEqualTo(1);
        long approved = bot.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM inbox WHERE event_type = 'ApprovalDecided'").mapTo(Long.class).one());
        assertThat(approved).isEqualTo(1);
    }

    private int clickQuietly(String user, String approval) {
        try {
            return click(user, "approve", approval);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void without_approvers_the_plan_waits_and_says_so() throws Exception {
        extraEnv.put("BOT_APPROVERS", "");
        start();
        long account = acmeAccount();
        List<Long> before = membersOf(account);
        verifiedRequest(705, "Sam Rivera", "sam@acme.example", "A-S00001001", "INV-1001-A");
        String approval = approvalPosted();
        assertThat(posted("chat.postMessage")).anyMatch(m -> m.path("blocks").asText().contains("No approver is configured"));

        assertThat(click(APPROVER, "approve", approval)).isEqualTo(200);
        settled();
        assertThat(responsesTo(APPROVER)).hasSize(1);
        assertThat(membersOf(account)).isEqualTo(before);
    }

    @Test
    void a_plan_nobody_decides_expires_with_a_note_and_a_late_click_changes_nothing() throws Exception {
        // The bot's clock runs 72 h (less 10 s) behind: the approval's expiry reminder, 72 h after the request on the
        // bot's clock, is due on Quartz's wall clock 10 s after it; then 72 h pass for the bot, so it is not early.
        dev.supportbot.bot.testing.MutableClock behind = new dev.supportbot.bot.testing.MutableClock(
                Duration.ofHours(72).minusSeconds(10).negated());
        start(behind);
        long account = acmeAccount();
        List<Long> before = membersOf(account);
        FakeZendesk.Ticket ticket = verifiedRequest(706, "Sam Rivera", "sam@acme.example", "A-S00001001", "INV-1001-A");
        String approval = approvalPosted();
        behind.advance(Duration.ofHours(72));

        Await.until("the expiry note", Duration.ofSeconds(40),
                () -> ticket.privateNotes().stream().anyMatch(n -> n.body().toLowerCase().contains("expired")));
        settled();
        assertThat(click(APPROVER, "approve", approval)).isEqualTo(200);
        settled();
        assertThat(responsesTo(APPROVER)).hasSize(1);
        assertThat(membersOf(account)).isEqualTo(before);
        assertThat(planSteps(706)).isZero();
    }

    @Test
    void a_step_whose_facts_changed_since_the_preview_stops_and_an_approver_retries_it_once_they_are_back()
            throws Exception {
        start();
        long account = acmeAccount();
        FakeZendesk.Ticket ticket = verifiedRequest(707, "Sam Rivera", "sam@acme.example", "A-S00001001", "INV-1001-A");
        String approval = approvalPosted();
        // Someone switches Sam's login off in the portal after the preview was made.
        long sam = portal.findCustomerByEmail("sam@acme.example").orElseThrow().id();
        portal.updateCustomer(sam, CustomerUpdate.save().withLoginActivated(false), IdempotencyKey.of("test-login-off"));

        assertThat(click(APPROVER, "approve", approval)).isEqualTo(200);
        Await.until("the failure note", Duration.ofSeconds(30),
                () -> ticket.privateNotes().stream().anyMatch(n -> n.body().contains("failed at step 1")));
        settled();
        assertThat(membersOf(account)).doesNotContain(sam);
        assertThat(planSteps(707)).isZero();
        assertThat(posted("chat.update")).anyMatch(m -> m.path("blocks").asText().contains("\"action_id\":\"retry\""));

        // Back as it was: an approver retries from step 1; the initiator may not.
        portal.updateCustomer(sam, CustomerUpdate.save().withLoginActivated(true), IdempotencyKey.of("test-login-on"));
        assertThat(click(AGENT_SLACK, "retry", approval + ":1")).isEqualTo(200);
        settled();
        assertThat(responsesTo(AGENT_SLACK)).hasSize(1);
        assertThat(membersOf(account)).doesNotContain(sam);
        assertThat(click(APPROVER, "retry", approval + ":1")).isEqualTo(200);
        Await.until("Sam's membership", Duration.ofSeconds(30), () -> membersOf(account).contains(sam));
        settled();
        assertThat(membersOf(account)).containsExactlyInAnyOrder(1101L, sam);
        assertThat(planSteps(707)).isEqualTo(1);
        assertThat(portal.billingAccount(account).soldTo().email()).isEqualTo("pat@acme.example");
    }

    @Test
    void an_agent_starts_it_with_lnr_add_contact_and_cannot_approve_what_they_started() throws Exception {
        start();
        long account = acmeAccount();
        FakeZendesk.User sam = zendesk.user("Sam Rivera", "sam@acme.example");
        FakeZendesk.Ticket ticket = zendesk.ticket(708, "Please add me as a contact of A-S00001001",
                "Hello, please add me as a contact of our subscription A-S00001001.", sam);
        assertThat(slackForm("token=verif&team_id=T1&channel_id=C123&user_id=" + AGENT_SLACK + "&user_name=agent"
                + "&command=%2Flnr&text=" + URLEncoder.encode("add-contact 708", StandardCharsets.UTF_8)
                + "&response_url=" + URLEncoder.encode("http://127.0.0.1:" + slack.getPort() + "/respond/" + AGENT_SLACK
                        + "-cmd", StandardCharsets.UTF_8) + "&trigger_id=tr-" + System.nanoTime())).isEqualTo(200);
        Await.until("the ownership proof request", Duration.ofSeconds(30), () -> ticket.tags.contains("supportbot_ov_awaiting_proof"));
        settled();
        zendesk.reply(708, sam, "Our latest invoice is INV-1001-A.");
        webhook(708, null);
        String approval = approvalPosted();
        assertThat(posted("chat.postMessage")).anyMatch(m -> blocksOf(m).contains("*Started by*\\n<@" + AGENT_SLACK + ">"));

        assertThat(click(AGENT_SLACK, "approve", approval)).isEqualTo(200);
        settled();
        assertThat(membersOf(account)).doesNotContain(1102L);
        assertThat(click(APPROVER, "approve", approval)).isEqualTo(200);
        Await.until("Sam's membership", Duration.ofSeconds(30), () -> membersOf(account).contains(1102L));
        settled();
        assertThat(planSteps(708)).isEqualTo(1);
    }
}
