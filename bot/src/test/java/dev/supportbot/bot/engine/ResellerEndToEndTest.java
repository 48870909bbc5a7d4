package dev.supportbot.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import dev.supportbot.bot.Plugins;
import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.bot.testing.StandIns;
import dev.supportbot.bot.testing.TestBots;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;

/**
 * Reseller purchases end to end (docs/handbook.md, "Ownership verification" and "Resellers"): signed webhooks, the real
 * engine on PostgreSQL and the sandbox portal over HTTP, where Globex's A-S00002001 was bought through Resellerone
 * (invoice owner at resellerone.example) and its activation code is unused. Only Zendesk and Slack are replaced.
 */
class ResellerEndToEndTest {
    private static final AtomicInteger DELIVERY = new AtomicInteger();
    private static final String SUBSCRIPTION = "A-S00002001";

    private final FakeZendesk zendesk = new FakeZendesk();
    private final ClientAndServer slack = ClientAndServer.startClientAndServer();
    private SupportBot bot;

    @BeforeEach
    void start() {
        slack.when(request().withPath("/api/chat.postMessage"))
                .respond(response().withStatusCode(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"channel\":\"C123\",\"ts\":\"1700000000.000100\"}"));
        Map<String, String> env = StandIns.connect(TestBots.env(), zendesk.url(), slack.getPort());
        env.put("BOT_APPROVERS", "UAPPROVER1");
        var config = TestBots.config(env);
        bot = SupportBot.builder(config).host("127.0.0.1").plugins(Plugins.standard(config)).start();
    }

    @AfterEach
    void stop() {
        if (bot != null) bot.close();
        zendesk.close();
        slack.stop();
    }

    @Test
    void a_resellers_refusal_hedge_or_vouch_for_someone_else_verifies_nothing_and_leaves_a_note_and_only_its_explicit_vouch_verifies() throws Exception {
        FakeZendesk.User gil = zendesk.user("Gil Grant", "gil@globex.example");
        FakeZendesk.User olga = zendesk.user("Olga Reyes", "olga@resellerone.example");
        FakeZendesk.Ticket ticket = zendesk.ticket(901, "Please make me the owner of " + SUBSCRIPTION,
                "Hello, Rita left Globex. Please make me the owner of subscription " + SUBSCRIPTION + ".", gil,
                "supportbot_start_ownership_verification");
        webhook(901);
        Await.until("the proof request", Duration.ofSeconds(30), () -> ticket.tags.contains("supportbot_ov_awaiting_proof"));
        settled();
        int publicBefore = ticket.publicCommentsBy(FakeZendesk.BOT_USER).size();

        zendesk.reply(901, olga, "We cannot vouch for this person.");
        webhook(901);
        Await.until("the note about the reseller's refusal", Duration.ofSeconds(30),
                () -> ticket.privateNotes().stream().anyMatch(n -> n.body().contains("refused to confirm the request")));
        zendesk.reply(901, olga, "We are checking with Globex and will get back to you.");
        webhook(901);
        Await.until("the note about the reseller's hedge", Duration.ofSeconds(30),
                () -> ticket.privateNotes().stream().anyMatch(n -> n.body().contains("did not confirm the request yet")));
        // confirming something, or vouching for someone else, is not confirming that the requester may manage it
        zendesk.reply(901, olga, "Confirmed, please proceed. We confirm that Rita may manage the subscription.");
        webhook(901);
        Await.until("the note about a confirmation that is no vouch for the requester", Duration.ofSeconds(30),
                () -> ticket.privateNotes().stream().anyMatch(n -> n.body().contains(
                        "did not confirm, in its own words, that the requester may manage the subscription")));
        settled();
        assertThat(ticket.tags).doesNotContain("supportbot_ov_verified").contains("supportbot_ov_awaiting_proof");
        assertThat(ticket.publicCommentsBy(FakeZendesk.BOT_USER)).hasSize(publicBefore);

        zendesk.reply(901, olga, "We confirm that Gil may manage the subscription.");
        webhook(901);
        Await.until("verification by the reseller's vouch", Duration.ofSeconds(30), () -> ticket.tags.contains("supportbot_ov_verified"));
        settled();
        assertThat(ticket.privateNotes()).anySatisfy(n -> assertThat(n.body()).contains("Ownership verified with the reseller's confirmation"));
    }

    @Test
    void a_ticket_from_the_resellers_domain_never_plans_a_membership_for_the_reseller() throws Exception {
        FakeZendesk.User olga = zendesk.user("Olga Reyes", "orders@resellerone.example");
        FakeZendesk.Ticket ticket = zendesk.ticket(902, "Please add me as a contact of " + SUBSCRIPTION,
                "Hello, we are Globex's reseller; please add me as a contact of subscription " + SUBSCRIPTION + ".", olga,
                "supportbot_start_add_contact");
        webhook(902);
        Await.until("the note that a reseller is never a contact", Duration.ofSeconds(30),
                () -> ticket.privateNotes().stream().anyMatch(n -> n.body().contains("A reseller is never made a member")));
        settled();
        assertThat(ticket.privateNotes()).anySatisfy(n -> assertThat(n.body())
                .contains("Resellerone, the reseller of this subscription")
                .contains("Draft public reply").contains("Resellers do not have access to the Customers Portal"));
        assertThat(new AuditLog(bot.database()).forTicket(902)).noneMatch(e -> e.action().equals("plan step"));
        assertThat(slack.retrieveRecordedRequests(request().withPath("/api/chat.postMessage")))
                .noneMatch(r -> r.getBodyAsString().contains("approve"));
    }

    private void webhook(long ticketId) throws Exception {
        String body = "{\"ticket_id\":" + ticketId + ",\"event\":\"ticket.updated\",\"delivery_id\":\"rs-"
                + DELIVERY.incrementAndGet() + "\"}";
        assertThat(StandIns.zendeskWebhook(bot, Instant.now(), body)).isEqualTo(200);
    }

    private void settled() {
        Await.until("the bot to finish its work", Duration.ofSeconds(30), () -> bot.inbox().depth() == 0);
    }
}
