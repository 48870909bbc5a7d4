package dev.supportbot.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;
import dev.supportbot.bot.testing.VendorContracts;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.supportbot.bot.Plugins;
import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.FakeGitlab;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.bot.testing.Licenses;
import dev.supportbot.bot.testing.MutableClock;
import dev.supportbot.bot.testing.StandIns;
import dev.supportbot.bot.testing.TestBots;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;

/**
 * Ownership verification from signed webhook to the calls Zendesk and Slack see, with the real engine, the real
 * database and the sandbox portal over HTTP. Only Zendesk and Slack are replaced, at the far side of the wire.
 */
class OwnershipEndToEndTest {
    private static final AtomicInteger DELIVERY = new AtomicInteger();
    private static final String SOLD_TO = "pat@acme.example";

    private final HttpClient http = HttpClient.newHttpClient();
    private final FakeZendesk zendesk = new FakeZendesk();
    private final ClientAndServer slack = ClientAndServer.startClientAndServer();
    private SupportBot bot;
    private Clock clock = Clock.systemUTC();
    private Map<String, String> extraEnv = Map.of();

    @AfterEach
    void stop() {
        if (bot != null) {
            // What the bot did, for the test log: each inbox event with its outcome or last error.
            bot.database().jdbi().useHandle(h -> h.createQuery(
                            "SELECT id, source, event_type, ticket_id, status, attempts, outcome, last_error FROM inbox ORDER BY id")
                    .mapToMap().forEach(row -> System.out.println("inbox " + row)));
            bot.close();
        }
        zendesk.close();
        VendorContracts.assertKeptThenStop(VendorContracts.Api.SLACK, slack);
    }

    private SupportBot start(Clock clock) {
        slack.when(request().withPath("/api/chat.postMessage"))
                .respond(response().withStatusCode(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"channel\":\"C123\",\"ts\":\"1700000000.000100\"}"));
        Map<String, String> env = StandIns.connect(TestBots.env(), zendesk.url(), slack.getPort());
        env.putAll(extraEnv);
        BotConfig config = TestBots.config(env);
        this.clock = clock;
        bot = SupportBot.builder(config).host("127.0.0.1").clock(clock).plugins(Plugins.standard(config)).start();
        return bot;
    }

    private void webhook(long ticketId) throws Exception {
        webhook("{\"ticket_id\":" + ticketId + ",\"event\":\"ticket.updated\",\"delivery_id\":\"e2e-" + DELIVERY.incrementAndGet() + "\"}");
    }

    private void webhook(String body) throws Exception {
        assertThat(StandIns.zendeskWebhook(bot, clock.instant(), body)).isEqualTo(200); // the bot checks against its own clock
    }

    private void settled() {
        Await.until("the bot to finish its work", Duration.ofSeconds(30), () -> bot.inbox().depth() == 0);
    }

    private FakeZendesk.Ticket requestOwnership(long id) throws Exception {
        FakeZendesk.User sam = zendesk.user("Sam Rivera", "sam@acme.example");
        FakeZendesk.Ticket ticket = zendesk.ticket(id, "Please make me the owner of A-S00001001",
                "Hello, Pat left the company. Please make me the owner of subscription A-S00001001.", sam,
                "supportbot_start_ownership_verification");
        webhook(id);
        Await.until("the proof request", Duration.ofSeconds(30), () -> ticket.tags.contains("supportbot_ov_awaiting_proof"));
        settled();
        return ticket;
    }

    /** The Slack SDK posts form fields; blocks are a JSON string field. */
    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&")).map(p -> p.split("=", 2)).collect(java.util.stream.Collectors.toMap(
                p -> java.net.URLDecoder.decode(p[0], java.nio.charset.StandardCharsets.UTF_8),
                p -> p.length < 2 ? "" : java.net.URLDecoder.decode(p[1], java.nio.charset.StandardCharsets.UTF_8)));
    }

    private List<String> requestsAbout(long ticketId) {
        return Arrays.stream(zendesk.recorded())
                .filter(r -> r.getPath().getValue().contains("/tickets/" + ticketId))
                .map(r -> r.getBodyAsString() == null ? "" : r.getBodyAsString())
                .toList();
    }

    @Test
    void a_recent_invoice_verifies_the_requester() throws Exception {
        start(Clock.systemUTC());
        FakeZendesk.Ticket ticket = requestOwnership(501);

        List<FakeZendesk.Comment> asked = ticket.publicCommentsBy(FakeZendesk.BOT_USER);
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0).body()).containsIgnoringCase("invoice").doesNotContain(SOLD_TO).doesNotContain("Pat Lee");

        FakeZendesk.User sam = zendesk.user("Sam Rivera", "sam@acme.example");
        zendesk.reply(501, sam, "Sure, our latest invoice is INV-1001-A.");
        webhook(501);
        Await.until("verification", Duration.ofSeconds(30), () -> ticket.tags.contains("supportbot_ov_verified"));
        settled();

        assertThat(ticket.tags).doesNotContain("supportbot_ov_awaiting_proof");
        assertThat(ticket.publicCommentsBy(FakeZendesk.BOT_USER)).hasSize(2);
        assertThat(ticket.privateNotes()).extracting(FakeZendesk.Comment::body).anyMatch(n -> n.contains("INV-1001-A"));
        // The post in the channel is Block Kit: a header, the ticket's link and the outcome in words; text as fallback.
        assertThat(slack.retrieveRecordedRequests(request().withPath("/api/chat.postMessage")))
                .singleElement().satisfies(r -> {
                    Map<String, String> post = form(r.getBodyAsString());
                    assertThat(post.get("channel")).isEqualTo("C123");
                    assertThat(post.get("text")).contains("#501", "verified with an invoice");
                    JsonNode blocks = new ObjectMapper().readTree(post.get("blocks"));
                    assertThat(blocks.get(0).path("type").asText()).isEqualTo("header");
                    assertThat(blocks.get(0).path("text").path("text").asText()).isEqualTo("Ownership verified");
                    assertThat(blocks.toString()).contains(zendesk.url() + "/agent/tickets/501|#501", "*Outcome*\\nverified with an invoice", "*Requester*\\nSam Rivera")
                            .doesNotContain("INVOICE").doesNotContain("\"actions\"");
                });
        // The Sold To contact is asked in a ticket of their own; their address never touches the requester's ticket.
        // Once another proof verified, they are told so on that ticket (without the requester's address) and it is solved.
        FakeZendesk.Ticket approval = zendesk.tickets().stream()
                .filter(t -> t.id != 501 && t.tags.contains(SeparateTicketHandler.LINKED_TICKET_TAG)).findFirst().orElseThrow();
        assertThat(approval.publicCommentsBy(FakeZendesk.BOT_USER)).last()
                .satisfies(c -> assertThat(c.body()).contains("no longer need your approval", "request #501")
                        .doesNotContain("sam@acme.example").doesNotContain("Sam Rivera"));
        assertThat(approval.status).isEqualTo("solved");
        assertThat(requestsAbout(501)).noneMatch(body -> body.contains(SOLD_TO));
        assertThat(new AuditLog(bot.database()).forTicket(501)).extracting(AuditLog.Entry::action).contains("decision", "effect");
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).containsPattern("supportbot_zendesk_requests_total\\{kind=\"read\",outcome=\"ok\"\\} [1-9]")
                .containsPattern("supportbot_zendesk_requests_total\\{kind=\"write\",outcome=\"ok\"\\} [1-9]")
                .containsPattern("supportbot_zendesk_budget_left\\{limit=\"requests\"\\} [1-9]")
                .containsPattern("supportbot_zendesk_budget_left\\{limit=\"updates\"\\} [1-9]");
    }

    @Test
    void the_sold_to_contacts_approval_in_their_own_ticket_verifies_the_requester() throws Exception {
        start(Clock.systemUTC());
        FakeZendesk.Ticket ticket = requestOwnership(502);
        FakeZendesk.Ticket approval = zendesk.tickets().stream()
                .filter(t -> t.id != 502 && t.tags.contains(SeparateTicketHandler.LINKED_TICKET_TAG)).findFirst().orElseThrow();
        assertThat(approval.comments.get(0).body()).doesNotContain("sam@acme.example");

        zendesk.reply(approval.id, zendesk.user("Pat Lee", SOLD_TO), "Yes, I approve this change.");
        webhook(approval.id);
        Await.until("verification", Duration.ofSeconds(30), () -> ticket.tags.contains("supportbot_ov_verified"));
        settled();
        assertThat(requestsAbout(502)).noneMatch(body -> body.contains(SOLD_TO));
        assertThat(approval.publicCommentsBy(FakeZendesk.BOT_USER)).last()
                .satisfies(c -> assertThat(c.body()).contains("Thank you for your approval").doesNotContain("sam@acme.example"));
        assertThat(approval.status).isEqualTo("solved");
        assertThat(ticket.privateNotes()).extracting(FakeZendesk.Comment::body)
                .anyMatch(n -> n.contains("Ownership verified with approval from the Sold To contact"));
    }

    @Test
    void a_screenshot_is_refused_with_the_reason_and_the_bot_keeps_waiting() throws Exception {
        start(Clock.systemUTC());
        FakeZendesk.Ticket ticket = requestOwnership(503);
        zendesk.reply(503, zendesk.user("Sam Rivera", "sam@acme.example"), "Here is a screenshot of our license page.", "license.png");
        webhook(503);
        Await.until("the refusal", Duration.ofSeconds(30), () -> ticket.publicCommentsBy(FakeZendesk.BOT_USER).size() == 2);
        settled();
        assertThat(ticket.publicCommentsBy(FakeZendesk.BOT_USER).get(1).body()).containsIgnoringCase("screenshot");
        assertThat(ticket.tags).contains("supportbot_ov_awaiting_proof").doesNotContain("supportbot_ov_verified");
    }

    @Test
    void a_requester_who_does_not_answer_is_reminded_through_quartz() throws Exception {
        // The bot's clock starts 2 days (less 2 s) behind: the first reminder, 2 days after the proof request, is
        // due 2 s from now on Quartz's wall clock. Then 2 days pass for the bot, so the reminder is not early.
        MutableClock clock = new MutableClock(Duration.ofDays(2).minusSeconds(2).negated());
        start(clock);
        FakeZendesk.Ticket ticket = requestOwnership(504);
        clock.advance(Duration.ofDays(2));
        Await.until("the first reminder", Duration.ofSeconds(30), () -> ticket.publicCommentsBy(FakeZendesk.BOT_USER).size() == 2);
        settled();
        assertThat(ticket.publicCommentsBy(FakeZendesk.BOT_USER)).hasSize(2);
        assertThat(ticket.tags).contains("supportbot_ov_awaiting_proof");
    }

    @Test
    void failures_between_steps_neither_lose_nor_repeat_an_effect() throws Exception {
        start(Clock.systemUTC());
        // Before the decision: the first read of the ticket fails. After the far side acted: the answers to the
        // proof request and to the new Sold To ticket are lost. Each step is retried; none is done twice.
        zendesk.loseNextResponse(r -> r.getPath().getValue().equals("/api/v2/tickets/505.json") && "GET".equals(r.getMethod().getValue()));
        zendesk.loseNextResponse(r -> r.getPath().getValue().equals("/api/v2/tickets/505.json") && "PUT".equals(r.getMethod().getValue()));
        zendesk.loseNextResponse(r -> r.getPath().getValue().equals("/api/v2/tickets.json"));
        FakeZendesk.Ticket ticket = requestOwnership(505);

        assertThat(zendesk.lostResponses()).isEqualTo(3);
        assertThat(ticket.publicCommentsBy(FakeZendesk.BOT_USER)).hasSize(1);
        assertThat(zendesk.tickets()).filteredOn(t -> t.tags.contains(SeparateTicketHandler.LINKED_TICKET_TAG)).hasSize(1);
        assertThat(ticket.tags).contains("supportbot_ov_awaiting_proof");
    }

    @Test
    void without_zendesks_idempotency_lost_answers_and_retries_still_open_one_sold_to_ticket() throws Exception {
        start(Clock.systemUTC());
        // Zendesk neither de-duplicates nor sends x-idempotency-lookup; the answer to the first look-up by external id
        // and the answer to the new ticket (opened all the same) are lost.
        zendesk.withoutIdempotency();
        zendesk.loseNextResponse(r -> r.getPath().getValue().equals("/api/v2/tickets.json") && "GET".equals(r.getMethod().getValue()));
        zendesk.loseNextResponse(r -> r.getPath().getValue().equals("/api/v2/tickets.json") && "POST".equals(r.getMethod().getValue()));
        requestOwnership(508);

        assertThat(zendesk.lostResponses()).isEqualTo(2);
        List<FakeZendesk.Ticket> soldTo = zendesk.tickets().stream()
                .filter(t -> t.tags.contains(SeparateTicketHandler.LINKED_TICKET_TAG)).toList();
        assertThat(soldTo).singleElement().satisfies(t -> {
            assertThat(t.externalId).isNotBlank();
            assertThat(zendesk.ticketsWithExternalId(t.externalId)).hasSize(1);
        });
        long linked = bot.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT linked_ticket_id FROM linked_ticket").mapTo(Long.class).one());
        assertThat(linked).isEqualTo(soldTo.get(0).id);
    }

    @Test
    void a_new_tickets_first_comment_is_redacted_on_the_webhook_the_trigger_sends_at_creation() throws Exception {
        start(Clock.systemUTC());
        String code = Licenses.activationCode();
        FakeZendesk.User ada = zendesk.user("Ada Lovelace", "ada@customer.example");
        FakeZendesk.Ticket ticket = zendesk.ticket(509, "Activation fails", "My activation code " + code + " fails.", ada);

        // The body the shipped trigger sends, placeholders filled in as Zendesk does on the ticket's creation.
        JsonNode trigger = new ObjectMapper(new YAMLFactory()).readTree(Path.of("..", "macros", "triggers",
                "supportbot-ticket-updated.yaml").toFile());
        webhook(trigger.path("actions").get(0).path("value").get(1).asText()
                .replace("{{ticket.id}}", "509").replace("{{ticket.updated_at_with_timestamp}}", "2026-11-22T10:00:00Z"));
        Await.until("the redaction note", Duration.ofSeconds(30), () -> !ticket.privateNotes().isEmpty());
        settled();

        assertThat(ticket.comments.get(0).body()).startsWith("My activation code ").endsWith(" fails.").doesNotContain(code);
        assertThat(ticket.privateNotes()).singleElement().satisfies(n -> assertThat(n.body()).doesNotContain(code));
    }

    @org.junit.jupiter.api.Test
    void two_bots_on_one_postgresql_post_each_reminder_once() throws Exception {
        MutableClock clock = new MutableClock(Duration.ofDays(2).minusSeconds(3).negated());
        String url = dev.supportbot.bot.testing.TestDatabases.freshUrl();
        start(url, clock);
        SupportBot first = bot;
        SupportBot second = startAnother(url, clock);
        try {
            FakeZendesk.Ticket ticket = requestOwnership(506);
            clock.advance(Duration.ofDays(2));
            Await.until("the first reminder", Duration.ofSeconds(30), () -> ticket.publicCommentsBy(FakeZendesk.BOT_USER).size() >= 2);
            Await.until("both bots idle", Duration.ofSeconds(30), () -> first.inbox().depth() == 0 && second.inbox().depth() == 0);
            long reminderEvents = first.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM inbox WHERE source = 'reminder'").mapTo(Long.class).one());
            assertThat(reminderEvents).isEqualTo(1);
            assertThat(ticket.publicCommentsBy(FakeZendesk.BOT_USER)).hasSize(2);
        } finally {
            second.close();
        }
    }

    private SupportBot start(String dbUrl, Clock clock) {
        bot = startAnother(dbUrl, clock);
        this.clock = clock;
        return bot;
    }

    private SupportBot startAnother(String dbUrl, Clock clock) {
        slack.when(request().withPath("/api/chat.postMessage"))
                .respond(response().withStatusCode(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"channel\":\"C123\",\"ts\":\"1700000000.000100\"}"));
        Map<String, String> env = TestBots.env(dbUrl);
        env.put("BOT_ZENDESK_URL", zendesk.url());
        env.put("BOT_ZENDESK_EMAIL", "bot@vendor.example");
        env.put("BOT_ZENDESK_TOKEN", "zd-token");
        BotConfig config = TestBots.config(env);
        return SupportBot.builder(config).host("127.0.0.1").clock(clock).plugins(Plugins.standard(config)).start();
    }

    @Test
    void the_escalate_macro_opens_a_legal_issue_and_parks_the_verification() throws Exception {
        try (FakeGitlab gitlab = new FakeGitlab("legal%2Fcompliance")) {
            // GitLab opens the issue but its answer is lost: the retry finds the issue instead of opening another.
            gitlab.loseCreateAnswers(1);
            extraEnv = Map.of("BOT_TRACKER_URL", gitlab.url(), "BOT_TRACKER_TOKEN", "glpat-test",
                    "BOT_TRACKER_PROJECT", "legal/compliance");
            start(Clock.systemUTC());
            FakeZendesk.Ticket ticket = requestOwnership(507);
            ticket.tags.add("supportbot_ov_escalate"); // an agent applies the escalation macro
            webhook("{\"ticket_id\":507,\"event\":\"ticket.updated\",\"delivery_id\":\"e2e-" + DELIVERY.incrementAndGet()
                    + "\",\"actor_email\":\"jordan.kim@vendor.example\",\"actor_name\":\"Jordan Kim\"}");
            Await.until("the escalation", Duration.ofSeconds(30), () -> ticket.tags.contains("supportbot_ov_escalated"));
            settled();

            assertThat(gitlab.lostAnswers()).isEqualTo(1);
            assertThat(gitlab.issues()).singleElement().satisfies(issue -> {
                assertThat(issue.confidential()).isTrue();
                assertThat(issue.description()).contains("507").doesNotContain(SOLD_TO);
            });
            assertThat(gitlab.recorded()).allSatisfy(r -> assertThat(r.getFirstHeader("PRIVATE-TOKEN")).isEqualTo("glpat-test"));
            assertThat(ticket.tags).doesNotContain("supportbot_ov_escalate", "supportbot_ov_awaiting_proof");
            assertThat(ticket.privateNotes()).extracting(FakeZendesk.Comment::body)
                    .anyMatch(n -> n.contains("escalated to Legal & Compliance by Jordan Kim"));
            String state = bot.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT state_type FROM workflow_instance WHERE ticket_id = 507").mapTo(String.class).one());
            assertThat(state).isEqualTo("Escalated");
        }
    }
}
