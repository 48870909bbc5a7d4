package dev.supportbot.bot.engine;

import static dev.supportbot.bot.testing.EndToEnd.AGENT_EMAIL;
import static dev.supportbot.bot.testing.EndToEnd.AGENT_SLACK;
import static dev.supportbot.bot.testing.EndToEnd.APPROVER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.portal.HttpPortalClient;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.EndToEnd;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.bot.testing.SignedRequests;
import dev.supportbot.bot.testing.SlackStandIn;
import dev.supportbot.workflows.domain.MailDelivery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two tasks the handbook leaves to people (docs/handbook.md, "Resend a license to another address" and "Portal access
 * help"): signed webhook -> fake Zendesk -> (ownership verification) -> Slack approval (MockServer) by another user ->
 * the sandbox portal's mail log, with the real engine, database and sandbox portal. Only Zendesk and Slack are replaced.
 */
class ResendAndPortalAccessEndToEndTest {
    private static final String SAM = "sam@acme.example";
    private static final String PAT = "pat@acme.example";
    private static final String GAVIN = "gavin@hooli.example";

    private final EndToEnd e2e = new EndToEnd();
    private final FakeZendesk zendesk = e2e.zendesk();
    private final SlackStandIn slack = e2e.slack();
    private SupportBot bot;
    private HttpPortalClient portal;
    private SignedRequests send;

    @AfterEach
    void stop() {
        e2e.close();
    }

    private void start() {
        slack.postsMessages().updatesMessages().findsByEmail(AGENT_SLACK).takesResponses();
        bot = e2e.start(Map.of("BOT_APPROVERS", APPROVER + "," + AGENT_SLACK, "BOT_SLACK_AGENTS", AGENT_SLACK));
        portal = e2e.portal();
        send = e2e.send();
    }

    private static String notes(FakeZendesk.Ticket ticket) {
        return String.join("\n---\n", ticket.privateNotes().stream().map(FakeZendesk.Comment::body).toList());
    }

    private static List<String> botReplies(FakeZendesk.Ticket ticket) {
        return ticket.publicCommentsBy(FakeZendesk.BOT_USER).stream().map(FakeZendesk.Comment::body).toList();
    }

    private String licenseText(long licenseId) {
        return bot.database().jdbi().withHandle(h -> h.createQuery("SELECT license_text FROM sandbox_license WHERE id = :id")
                .bind("id", licenseId).mapTo(String.class).one());
    }

    private FakeZendesk.Ticket verifiedRequest(long id, FakeZendesk.User requester, String description) throws Exception {
        FakeZendesk.Ticket ticket = zendesk.ticket(id, "License for A-S00001001", description, requester, "supportbot_start_resend_license");
        send.webhook(id, AGENT_EMAIL);
        Await.until("the ownership proof request", Duration.ofSeconds(30), () -> ticket.tags.contains("supportbot_ov_awaiting_proof"));
        e2e.settled();
        zendesk.reply(id, requester, "Our latest invoice is INV-1001-A.");
        send.webhook(id, null);
        Await.until("verification", Duration.ofSeconds(30), () -> ticket.tags.contains("supportbot_ov_verified"));
        e2e.settled();
        return ticket;
    }

    @Test
    void sam_verified_with_an_invoice_gets_the_acme_license_after_another_user_approves() throws Exception {
        start();
        FakeZendesk.User sam = zendesk.user("Sam Rivera", SAM);
        int patMailsBefore = portal.mailDeliveries(PAT).size();
        FakeZendesk.Ticket ticket = verifiedRequest(901, sam, "Hello, Pat who bought our subscription A-S00001001 has left."
                + " Could you send our license to me?");

        Await.until("the approval request in Slack", Duration.ofSeconds(30), () -> slack.approvalIds().size() == 1);
        e2e.settled();
        String approval = slack.approvalIds().get(0);
        assertThat(portal.mailDeliveries(SAM)).as("nothing is sent before the approval").isEmpty();

        // The agent who applied the macro may not approve it; nothing is sent.
        assertThat(send.click(AGENT_SLACK, "approve", approval)).isEqualTo(200);
        e2e.settled();
        assertThat(slack.responsesTo(AGENT_SLACK)).hasSize(1);
        assertThat(portal.mailDeliveries(SAM)).isEmpty();

        assertThat(send.click(APPROVER, "approve", approval)).isEqualTo(200);
        Await.until("the license mailed to Sam", Duration.ofSeconds(30), () -> !portal.mailDeliveries(SAM).isEmpty());
        Await.until("the reply to Sam", Duration.ofSeconds(30), () -> !botReplies(ticket).isEmpty());
        e2e.settled();

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
        assertThat(slack.recorded()).noneMatch(r -> String.valueOf(r.getBodyAsString()).contains(text));
        assertThat(e2e.botRows()).noneMatch(r -> r.contains(text));
    }

    @Test
    void a_request_to_send_it_to_another_address_gets_a_note_and_nothing_is_sent() throws Exception {
        start();
        FakeZendesk.User sam = zendesk.user("Sam Rivera", SAM);
        FakeZendesk.Ticket ticket = zendesk.ticket(902, "License for A-S00001001",
                "Please send the license of A-S00001001 to our contractor, bob@contractor.example.", sam,
                "supportbot_start_resend_license");
        send.webhook(902, AGENT_EMAIL);
        Await.until("the note", Duration.ofSeconds(30), () -> notes(ticket).contains("another address"));
        e2e.settled();

        assertThat(notes(ticket)).contains("bob@contractor.example", "nothing was planned");
        assertThat(slack.approvalIds()).isEmpty();
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
        send.webhook(911, AGENT_EMAIL);
        Await.until("the approval request in Slack", Duration.ofSeconds(30), () -> slack.approvalIds().size() == 1);
        e2e.settled();
        String approval = slack.approvalIds().get(0);
        assertThat(portal.mailDeliveries(GAVIN)).as("nothing is sent before the approval").hasSize(mailsBefore);

        assertThat(send.click(AGENT_SLACK, "approve", approval)).isEqualTo(200);
        e2e.settled();
        assertThat(slack.responsesTo(AGENT_SLACK)).hasSize(1);
        assertThat(portal.mailDeliveries(GAVIN)).hasSize(mailsBefore);

        assertThat(send.click(APPROVER, "approve", approval)).isEqualTo(200);
        Await.until("the link mailed to Gavin", Duration.ofSeconds(30), () -> portal.mailDeliveries(GAVIN).size() > mailsBefore);
        Await.until("the reply to Gavin", Duration.ofSeconds(30), () -> !botReplies(ticket).isEmpty());
        e2e.settled();

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
        send.webhook(913, AGENT_EMAIL);
        Await.until("the reply to Sam", Duration.ofSeconds(30), () -> !botReplies(ticket).isEmpty());
        e2e.settled();

        assertThat(botReplies(ticket)).singleElement().satisfies(r -> assertThat(r)
                .contains("Sign in with your email", "sign_in?legacy=true").doesNotContain("@"));
        assertThat(slack.approvalIds()).isEmpty();
        assertThat(portal.mailDeliveries(SAM)).isEmpty();
    }

    @Test
    void a_sign_in_link_asked_for_another_address_gets_a_note_and_nothing_is_sent() throws Exception {
        start();
        FakeZendesk.User sam = zendesk.user("Sam Rivera", SAM);
        FakeZendesk.Ticket ticket = zendesk.ticket(912, "Cannot sign in",
                "Please send a sign-in link for my account to sam.private@mail.example instead.", sam,
                "supportbot_start_portal_access");
        send.webhook(912, AGENT_EMAIL);
        Await.until("the note", Duration.ofSeconds(30), () -> notes(ticket).contains("another address"));
        e2e.settled();

        assertThat(notes(ticket)).contains("sam.private@mail.example", "nothing was planned");
        assertThat(slack.approvalIds()).isEmpty();
        assertThat(botReplies(ticket)).isEmpty();
        assertThat(portal.mailDeliveries("sam.private@mail.example")).isEmpty();
        assertThat(portal.mailDeliveries(SAM)).isEmpty();
    }
}
