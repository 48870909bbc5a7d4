package dev.supportbot.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportbot.bot.Plugins;
import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.shadow.ShadowReport;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.workflows.engine.Dates;
import dev.supportbot.bot.testing.Licenses;
import dev.supportbot.bot.testing.StandIns;
import dev.supportbot.bot.testing.TestBots;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;

/**
 * {@code BOT_MODE=shadow} from signed webhook to what Zendesk, Slack and the portal see, with the real engine, the
 * real database (PostgreSQL) and the sandbox portal over HTTP: the bot decides as in live mode, and the only writes
 * are private notes saying what it would have done, and Slack posts without buttons.
 */
class ShadowEndToEndTest {
    private static final AtomicInteger DELIVERY = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AGENT_EMAIL = "agent@vendor.example";

    private final FakeZendesk zendesk = new FakeZendesk();
    private final ClientAndServer slack = ClientAndServer.startClientAndServer();
    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();
    private SupportBot bot;

    @AfterEach
    void stop() {
        // What the bot wrote, for the test log.
        zendesk.tickets().forEach(t -> notes(t).forEach(n -> System.out.println("note on #" + t.id + ":\n" + n)));
        if (bot != null) bot.close();
        zendesk.close();
        slack.stop();
    }

    private void start() {
        start(Map.of());
    }

    private void start(Map<String, String> more) {
        slack.when(request().withPath("/respond/.*")).respond(response().withStatusCode(200).withBody("ok"));
        slack.when(request().withPath("/api/chat.postMessage"))
                .respond(response().withStatusCode(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"channel\":\"C123\",\"ts\":\"1700000000.000100\"}"));
        slack.when(request().withPath("/api/users.lookupByEmail"))
                .respond(response().withStatusCode(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"user\":{\"id\":\"UAGENT1\",\"name\":\"agent\"}}"));
        Map<String, String> env = TestBots.mixOnPurpose(StandIns.connect(TestBots.env(), zendesk.url(), slack.getPort()));
        env.put("BOT_MODE", "shadow");
        env.put("BOT_APPROVERS", "UAPPROVER1,UAPPROVER2");
        env.put("BOT_SLACK_AGENTS", "UAGENT1,UAGENT2");
        env.putAll(more);
        BotConfig config = TestBots.config(env);
        bot = SupportBot.builder(config).host("127.0.0.1").plugins(Plugins.standard(config)).start();
    }

    /** A read of the sandbox portal's API, which the bot serves itself (with the portal token outside sandbox mode). */
    private String portal(String path) throws Exception {
        var response = HTTP.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + bot.port() + "/sandbox/portal/api/v1/" + path))
                        .header("Authorization", "Bearer " + TestBots.PORTAL_TOKEN).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private void webhook(long ticketId, String actorEmail) throws Exception {
        String body = "{\"ticket_id\":" + ticketId + ",\"event\":\"ticket.updated\",\"delivery_id\":\"shadow-" + DELIVERY.incrementAndGet()
                + "\"" + (actorEmail == null ? "" : ",\"actor_email\":\"" + actorEmail + "\"") + "}";
        assertThat(StandIns.zendeskWebhook(bot, Clock.systemUTC().instant(), body)).isEqualTo(200);
    }

    private void settled() {
        Await.until("the bot to finish its work", Duration.ofSeconds(30), () -> bot.inbox().depth() == 0);
    }

    private static List<String> notes(FakeZendesk.Ticket ticket) {
        return ticket.privateNotes().stream().map(FakeZendesk.Comment::body).toList();
    }

    /** Every request that was not a read: each a private note on a ticket, and nothing else (no tag, status or public reply). */
    private void onlyPrivateNotesWereWritten() throws Exception {
        List<HttpRequest> writes = Arrays.stream(zendesk.recorded()).filter(r -> !"GET".equals(r.getMethod().getValue())).toList();
        assertThat(writes).isNotEmpty();
        for (HttpRequest write : writes) {
            assertThat(write.getMethod().getValue() + " " + write.getPath().getValue()).matches("PUT /api/v2/tickets/\\d+\\.json");
            JsonNode ticket = JSON.readTree(write.getBodyAsString()).path("ticket");
            assertThat(ticket.path("comment").path("public").asBoolean(true)).as(write.getBodyAsString()).isFalse();
            assertThat(ticket.has("additional_tags") || ticket.has("remove_tags") || ticket.has("status") || ticket.has("tags"))
                    .as(write.getBodyAsString()).isFalse();
        }
        assertThat(zendesk.tickets().stream().flatMap(t -> t.comments.stream()))
                .noneMatch(c -> c.isPublic() && c.authorId() == FakeZendesk.BOT_USER);
    }

    /** What was posted to Slack: as the SDK sends it, blocks as a JSON string field. */
    private List<String> slackPosts() {
        return Arrays.stream(slack.retrieveRecordedRequests(request().withPath("/api/chat.postMessage")))
                .map(r -> URLDecoder.decode(r.getBodyAsString(), StandardCharsets.UTF_8)).toList();
    }

    /** No button but the agents' rating of the decision: nothing in Slack can make a shadow run act. */
    private void noSlackButtonsButRatings() {
        assertThat(slackPosts()).allSatisfy(p -> assertThat(p.replace("\"shadow_rate_right\"", "").replace("\"shadow_rate_wrong\"", ""))
                .doesNotContainPattern("\"action_id\":\"[^\"]+\""));
        assertThat(slack.retrieveRecordedRequests(request().withPath("/api/chat.update"))).isEmpty();
    }

    private FakeZendesk.Ticket askForOwnership(long id, String subscription) throws Exception {
        FakeZendesk.User sam = zendesk.user("Sam Rivera", "sam@acme.example");
        FakeZendesk.Ticket ticket = zendesk.ticket(id, "Please make me the owner of " + subscription,
                "Hello, Pat left the company. Please make me the owner of subscription " + subscription + ".", sam,
                "supportbot_start_ownership_verification");
        webhook(id, null);
        Await.until("the note on the proof request", Duration.ofSeconds(30), () -> notes(ticket).stream()
                .anyMatch(n -> n.startsWith(ShadowNote.START) && n.contains("reply to the requester")));
        settled();
        return ticket;
    }

    @Test
    void ownership_verification_in_shadow_mode_writes_only_notes_of_what_it_would_have_done() throws Exception {
        start();
        FakeZendesk.Ticket ticket = askForOwnership(601, "A-S00001001");
        String asked = notes(ticket).stream().filter(n -> n.startsWith(ShadowNote.START)).findFirst().orElseThrow();
        assertThat(asked).contains("tag the ticket supportbot_ov_awaiting_proof", "Reply to the requester:")
                .containsIgnoringCase("invoice").doesNotContain("pat@acme.example");

        zendesk.reply(601, zendesk.user("Sam Rivera", "sam@acme.example"), "Sure, our latest invoice is INV-1001-A.");
        webhook(601, null);
        Await.until("the note on the verification", Duration.ofSeconds(30),
                () -> notes(ticket).stream().anyMatch(n -> n.startsWith(ShadowNote.START) && n.contains("supportbot_ov_verified")));
        settled();

        onlyPrivateNotesWereWritten();
        assertThat(ticket.tags).containsExactly("supportbot_start_ownership_verification");
        assertThat(ticket.status).isEqualTo("open");
        // The Sold To contact would have been asked in a ticket of their own: none was opened; the note says so.
        assertThat(zendesk.tickets()).hasSize(1);
        // Its simulated ticket number let the run go on: once verified, it would have told Pat there.
        assertThat(notes(ticket)).anyMatch(n -> n.contains("open a separate ticket to Pat Lee"))
                .anyMatch(n -> n.contains("reply on the separate ticket it would have opened"))
                .noneMatch(n -> n.contains("Could not open")).noneMatch(n -> n.matches("(?s).*#9\\d{17}.*"))
                .noneMatch(n -> n.contains("pat@acme.example")).noneMatch(n -> n.contains("PublicComment") || n.contains("AddTags"));
        noSlackButtonsButRatings();
        assertThat(slackPosts()).anyMatch(p -> p.contains("#601"));
    }

    @Test
    void add_contact_in_shadow_mode_posts_its_plan_for_information_and_stops_at_the_approval() throws Exception {
        start();
        long account = JSON.readTree(portal("subscriptions/A-S00001001")).path("billing_account_id").asLong();
        String membersBefore = portal("billing-accounts/" + account + "/memberships");
        FakeZendesk.User requester = zendesk.user("Sam Rivera", "sam@acme.example");
        FakeZendesk.Ticket ticket = zendesk.ticket(602, "Please add me as a contact of A-S00001001",
                "Hello, please add me as a contact of our subscription A-S00001001.", requester, "supportbot_start_add_contact");
        webhook(602, AGENT_EMAIL);
        Await.until("the note on the proof request", Duration.ofSeconds(30),
                () -> notes(ticket).stream().anyMatch(n -> n.contains("supportbot_ov_awaiting_proof")));
        settled();
        zendesk.reply(602, requester, "Our latest invoice is INV-1001-A.");
        webhook(602, null);
        Await.until("the note on the plan", Duration.ofSeconds(30),
                () -> notes(ticket).stream().anyMatch(n -> n.contains("ask the approvers in Slack to approve a plan")));
        settled();

        assertThat(notes(ticket)).filteredOn(n -> n.contains("ask the approvers in Slack")).singleElement()
                .satisfies(n -> assertThat(n).startsWith(ShadowNote.START).contains(ShadowNote.STOPS_AT_APPROVAL));
        assertThat(notes(ticket)).noneMatch(n -> n.contains("could not ask for approval"));
        assertThat(slackPosts()).anyMatch(p -> p.contains("Shadow plan") && p.contains("#602") && p.contains("*1.*"));
        noSlackButtonsButRatings();
        onlyPrivateNotesWereWritten();
        assertThat(portal("billing-accounts/" + account + "/memberships")).isEqualTo(membersBefore).contains("\"customer_id\"");
        assertThat(new AuditLog(bot.database()).forTicket(602)).noneMatch(e -> e.action().equals("plan step"));
    }

    @Test
    void a_secret_in_shadow_mode_is_not_redacted_and_a_note_says_what_would_have_been() throws Exception {
        start();
        String code = Licenses.activationCode();
        FakeZendesk.Ticket ticket = zendesk.ticket(603, "Activation problem", "Hi, my activation code is " + code + ". Help?",
                zendesk.user("Ada", "ada@customer.example"));
        webhook(603, null);
        Await.until("the note", Duration.ofSeconds(30), () -> !ticket.privateNotes().isEmpty());
        settled();

        assertThat(notes(ticket)).singleElement().satisfies(n -> assertThat(n)
                .startsWith("supportbot would: redact 1 activation code from the requester's reply of "
                        + Dates.utcMinute(FakeZendesk.createdAt(ticket.comments.get(0))))
                .doesNotContain(code));
        assertThat(ticket.comments.get(0).body()).contains(code);
        assertThat(Arrays.stream(zendesk.recorded())).noneMatch(r -> r.getPath().getValue().contains("redact"));
        onlyPrivateNotesWereWritten();
    }

    @Test
    void agents_rate_each_shadow_decision_once_and_the_report_shows_the_share_rated_right() throws Exception {
        start(Map.of("BOT_CONSOLE_ENABLED", "true", "BOT_CONSOLE_TOKEN", CONSOLE_TOKEN));
        FakeZendesk.Ticket ticket = askForOwnership(611, "A-S00001001");
        String wouldDo = notes(ticket).stream().filter(n -> n.startsWith(ShadowNote.START)).findFirst().orElseThrow().lines().findFirst().orElseThrow();
        // The decision's post for the agents: what it would have done, and Right / Wrong carrying the decision's id.
        long decision = bot.database().jdbi().withHandle(h -> h.createQuery("SELECT id FROM shadow_decision WHERE ticket_id = 611")
                .mapTo(Long.class).one());
        assertThat(slackPosts()).filteredOn(p -> p.contains(ShadowRatingPost.RIGHT)).singleElement().satisfies(p -> assertThat(p)
                .contains(wouldDo.replace("\"", "\\\""), ShadowRatingPost.WRONG, "\"value\":\"" + decision + "\"", "Shadow decision"));

        rate("UAGENT1", ShadowRatingPost.RIGHT, decision, "first");
        assertThat(answer("UAGENT1-first")).contains("is now right");
        // A second click by the same agent changes their rating; Slack redelivering that click changes nothing more.
        rate("UAGENT1", ShadowRatingPost.WRONG, decision, "second");
        rate("UAGENT1", ShadowRatingPost.WRONG, decision, "second");
        rate("UAGENT2", ShadowRatingPost.RIGHT, decision, "other-agent");
        rate("UAGENT2", ShadowRatingPost.RIGHT, decision + 1000, "no-such-decision");
        assertThat(answer("UAGENT2-no-such-decision")).contains("There is no such shadow decision to rate.");
        // Someone who is not an agent is told so, alone, and nothing is recorded.
        rate("UOUTSIDER", ShadowRatingPost.RIGHT, decision, "outsider");
        assertThat(answer("UOUTSIDER-outsider")).contains(ShadowRatingClick.NOT_AN_AGENT).contains("ephemeral");
        assertThat(slack.retrieveRecordedRequests(request().withPath("/respond/UAGENT1-second"))).hasSize(1);
        List<String> ratings = bot.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT slack_user_id || ':' || rated_right FROM shadow_rating ORDER BY slack_user_id").mapTo(String.class).list());
        assertThat(ratings).containsExactly("UAGENT1:false", "UAGENT2:true");

        // Its would-be actions are the changes its note lists; one agent of two rated it right.
        int actions = wouldDo.substring(ShadowNote.START.length()).split("; ").length;
        assertThat(new ShadowReport(bot.database().jdbi()).rows(Optional.empty())).containsExactly(
                new ShadowReport.Row("ownership verification", 1, actions, 1, 2));
        assertThat(new ShadowReport(bot.database().jdbi()).rows(Optional.of(LocalDate.now(ZoneOffset.UTC).plusDays(1)))).isEmpty();
        String page = get("/shadow", true).body();
        assertThat(page).contains("Shadow decisions", "ownership verification", "<td>" + actions + "</td>", "<td>50%</td>",
                "shadow mode: the bot changes nothing");
        assertThat(get("/shadow?since=yesterday", true).statusCode()).isEqualTo(400);
        assertThat(get("/shadow", false).statusCode()).isEqualTo(401);
        assertThat(get("/healthz", false).body()).contains("\"mode\":\"mixed\"", "\"actions\":\"shadow\"");
    }

    private static final String CONSOLE_TOKEN = "console-token-for-shadow";

    private void rate(String user, String action, long decision, String delivery) throws Exception {
        String responseUrl = "http://127.0.0.1:" + slack.getPort() + "/respond/" + user + "-" + delivery;
        assertThat(StandIns.slackClick(bot, Clock.systemUTC().instant(), user, action, Long.toString(decision), responseUrl,
                "tr-" + user + "-" + delivery)).isEqualTo(200);
        settled();
    }

    /** The one answer sent to a click's response URL. */
    private String answer(String path) {
        Await.until("the answer to " + path, Duration.ofSeconds(30),
                () -> slack.retrieveRecordedRequests(request().withPath("/respond/" + path)).length > 0);
        return slack.retrieveRecordedRequests(request().withPath("/respond/" + path))[0].getBodyAsString();
    }

    private java.net.http.HttpResponse<String> get(String path, boolean signedIn) throws Exception {
        var builder = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + bot.port() + path));
        if (signedIn) builder.header("Authorization", "Bearer " + CONSOLE_TOKEN);
        return HTTP.send(builder.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }
}
