package dev.supportbot.bot.engine;

import static dev.supportbot.bot.testing.EndToEnd.AGENT_EMAIL;
import static dev.supportbot.bot.testing.EndToEnd.AGENT_SLACK;
import static dev.supportbot.bot.testing.EndToEnd.APPROVER;
import static dev.supportbot.bot.testing.SlackMessages.approvalIdIn;
import static dev.supportbot.bot.testing.SlackMessages.blocksOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.portal.CustomerUpdate;
import dev.supportbot.bot.portal.HttpPortalClient;
import dev.supportbot.bot.portal.IdempotencyKey;
import dev.supportbot.bot.portal.PortalClients;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.EndToEnd;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.bot.testing.SignedRequests;
import dev.supportbot.bot.testing.SlackStandIn;
import dev.supportbot.bot.testing.TestBots;
import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Membership;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Adding a subscription management contact from the agent's macro to the sandbox portal's new membership: signed
 * webhook -> fake Zendesk -> Slack approval (MockServer) -> signed button click -> the plan's steps on the sandbox
 * portal over HTTP, with the real engine and database. Only Zendesk and Slack are replaced, at the far side of the wire.
 */
class AddContactEndToEndTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final EndToEnd e2e = new EndToEnd();
    private final FakeZendesk zendesk = e2e.zendesk();
    private final SlackStandIn slack = e2e.slack();
    private SupportBot bot;
    private HttpPortalClient portal;
    private SignedRequests send;
    private final Map<String, String> extraEnv = new java.util.HashMap<>();

    @AfterEach
    void stop() {
        e2e.printInbox();
        e2e.close();
    }

    private void start() {
        start(Clock.systemUTC());
    }

    private void start(Clock clock) {
        slack.postsMessages().updatesMessages().names(APPROVER, "Alex Morgan").findsByEmail(AGENT_SLACK).opensViews().takesResponses();
        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                "BOT_APPROVERS", APPROVER + ",UAPPROVER2," + AGENT_SLACK,
                "BOT_SLACK_AGENTS", AGENT_SLACK));
        settings.putAll(extraEnv);
        bot = e2e.start(clock, settings);
        portal = e2e.portal();
        send = e2e.send();
    }

    private FakeZendesk.Ticket verifiedRequest(long id, String name, String email, String subscription, String invoice) throws Exception {
        FakeZendesk.User requester = zendesk.user(name, email);
        FakeZendesk.Ticket ticket = zendesk.ticket(id, "Please add me as a contact of " + subscription,
                "Hello, please add me as a contact of our subscription " + subscription + ".", requester,
                "supportbot_start_add_contact");
        send.webhook(id, AGENT_EMAIL);
        Await.until("the ownership proof request", Duration.ofSeconds(30), () -> ticket.tags.contains("supportbot_ov_awaiting_proof"));
        e2e.settled();
        zendesk.reply(id, requester, "Our latest invoice is " + invoice + ".");
        send.webhook(id, null);
        Await.until("verification", Duration.ofSeconds(30), () -> ticket.tags.contains("supportbot_ov_verified"));
        e2e.settled();
        return ticket;
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
                () -> slack.posted("chat.postMessage").stream().anyMatch(m -> approvalIdIn(m) != null));
        e2e.settled();
        JsonNode request = slack.posted("chat.postMessage").stream().filter(m -> approvalIdIn(m) != null)
                .findFirst().orElseThrow();
        String approval = approvalIdIn(request);
        assertThat(request.path("blocks").asText()).contains("#701").contains("Sam Rivera").contains("proof: an invoice")
                .contains("\"action_id\":\"reject\"");

        // The agent who applied the macro, and someone who is not an approver, are refused; nothing changes.
        assertThat(send.click(AGENT_SLACK, "approve", approval)).isEqualTo(200);
        assertThat(send.click("USTRANGER", "approve", approval)).isEqualTo(200);
        e2e.settled();
        assertThat(slack.responsesTo(AGENT_SLACK)).hasSize(1);
        assertThat(slack.responsesTo("USTRANGER")).hasSize(1);
        assertThat(membersOf(account)).isEqualTo(before);

        assertThat(send.click(APPROVER, "approve", approval)).isEqualTo(200);
        Await.until("Sam's membership", Duration.ofSeconds(30), () -> membersOf(account).contains(1102L));
        e2e.settled();

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
        assertThat(slack.posted("chat.update")).isNotEmpty();

        // A second click on a plan already carried out changes nothing.
        assertThat(send.click("UAPPROVER2", "approve", approval)).isEqualTo(200);
        e2e.settled();
        assertThat(slack.responsesTo("UAPPROVER2")).hasSize(1);
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
        e2e.settled();
        assertThat(slack.approvalIds()).isEmpty();
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
        send.webhook(710, null);
        String approval = e2e.approvalPosted();
        assertThat(signUpReminders(710)).as("the sign-up reminders stopped; only the approval's expiry is left")
                .containsExactly("sequence-" + 4);

        assertThat(send.click(APPROVER, "approve", approval)).isEqualTo(200);
        Await.until("Nia's membership", Duration.ofSeconds(30), () -> membersOf(account).contains(nia));
        e2e.settled();
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
        e2e.settled();
        assertThat(slack.posted("chat.postMessage")).noneMatch(m -> approvalIdIn(m) != null);
        assertThat(portal.findCustomerByEmail("milton@initech.example").orElseThrow().loginActivated()).isFalse();
    }

    @Test
    void a_rejection_asks_for_a_reason_records_it_and_changes_nothing() throws Exception {
        start();
        long account = acmeAccount();
        List<Long> before = membersOf(account);
        FakeZendesk.Ticket ticket = verifiedRequest(703, "Sam Rivera", "sam@acme.example", "A-S00001001", "INV-1001-A");
        String approval = e2e.approvalPosted();

        assertThat(send.click(APPROVER, "reject", approval)).isEqualTo(200);
        Await.until("the reason modal", Duration.ofSeconds(30),
                () -> slack.recorded("/api/views.open").length == 1);
        assertThat(send.submitReason(APPROVER, approval, "Sam left Acme last week")).isEqualTo(200);
        Await.until("the rejection note", Duration.ofSeconds(30),
                () -> ticket.privateNotes().stream().anyMatch(n -> n.body().contains("Sam left Acme last week")));
        e2e.settled();
        // The approver is named as Slack names them (users.info), never by an internal id.
        assertThat(ticket.privateNotes()).extracting(FakeZendesk.Comment::body)
                .anyMatch(n -> n.contains("rejected by Alex Morgan: Sam left Acme last week"))
                .noneMatch(n -> n.contains("slack:"));

        assertThat(membersOf(account)).isEqualTo(before);
        assertThat(e2e.planSteps(703)).isZero();
        assertThat(slack.posted("chat.update")).anyMatch(m -> m.toString().contains("Sam left Acme last week"));
        // A late approval of the rejected plan is refused.
        assertThat(send.click("UAPPROVER2", "approve", approval)).isEqualTo(200);
        e2e.settled();
        assertThat(slack.responsesTo("UAPPROVER2")).hasSize(1);
        assertThat(membersOf(account)).isEqualTo(before);
    }

    @Test
    void two_approvers_clicking_at_once_run_the_plan_once() throws Exception {
        start();
        long account = acmeAccount();
        verifiedRequest(704, "Sam Rivera", "sam@acme.example", "A-S00001001", "INV-1001-A");
        String approval = e2e.approvalPosted();

        java.util.concurrent.CompletableFuture<Integer> first = java.util.concurrent.CompletableFuture.supplyAsync(() -> clickQuietly(APPROVER, approval));
        java.util.concurrent.CompletableFuture<Integer> second = java.util.concurrent.CompletableFuture.supplyAsync(() -> clickQuietly("UAPPROVER2", approval));
        assertThat(first.get()).isEqualTo(200);
        assertThat(second.get()).isEqualTo(200);
        Await.until("Sam's membership", Duration.ofSeconds(30), () -> membersOf(account).contains(1102L));
        e2e.settled();

        assertThat(membersOf(account)).containsExactlyInAnyOrder(1101L, 1102L);
        assertThat(e2e.planSteps(704)).isEqualTo(1);
        long approved = bot.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM inbox WHERE event_type = 'ApprovalDecided'").mapTo(Long.class).one());
        assertThat(approved).isEqualTo(1);
    }

    private int clickQuietly(String user, String approval) {
        try {
            return send.click(user, "approve", approval);
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
        String approval = e2e.approvalPosted();
        assertThat(slack.posted("chat.postMessage")).anyMatch(m -> m.path("blocks").asText().contains("No approver is configured"));

        assertThat(send.click(APPROVER, "approve", approval)).isEqualTo(200);
        e2e.settled();
        assertThat(slack.responsesTo(APPROVER)).hasSize(1);
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
        String approval = e2e.approvalPosted();
        behind.advance(Duration.ofHours(72));

        Await.until("the expiry note", Duration.ofSeconds(40),
                () -> ticket.privateNotes().stream().anyMatch(n -> n.body().toLowerCase().contains("expired")));
        e2e.settled();
        assertThat(send.click(APPROVER, "approve", approval)).isEqualTo(200);
        e2e.settled();
        assertThat(slack.responsesTo(APPROVER)).hasSize(1);
        assertThat(membersOf(account)).isEqualTo(before);
        assertThat(e2e.planSteps(706)).isZero();
    }

    @Test
    void a_step_whose_facts_changed_since_the_preview_stops_and_an_approver_retries_it_once_they_are_back()
            throws Exception {
        start();
        long account = acmeAccount();
        FakeZendesk.Ticket ticket = verifiedRequest(707, "Sam Rivera", "sam@acme.example", "A-S00001001", "INV-1001-A");
        String approval = e2e.approvalPosted();
        // Someone switches Sam's login off in the portal after the preview was made.
        long sam = portal.findCustomerByEmail("sam@acme.example").orElseThrow().id();
        portal.updateCustomer(sam, CustomerUpdate.save().withLoginActivated(false), IdempotencyKey.of("test-login-off"));

        assertThat(send.click(APPROVER, "approve", approval)).isEqualTo(200);
        Await.until("the failure note", Duration.ofSeconds(30),
                () -> ticket.privateNotes().stream().anyMatch(n -> n.body().contains("failed at step 1")));
        e2e.settled();
        assertThat(membersOf(account)).doesNotContain(sam);
        assertThat(e2e.planSteps(707)).isZero();
        assertThat(slack.posted("chat.update")).anyMatch(m -> m.path("blocks").asText().contains("\"action_id\":\"retry\""));

        // Back as it was: an approver retries from step 1; the initiator may not.
        portal.updateCustomer(sam, CustomerUpdate.save().withLoginActivated(true), IdempotencyKey.of("test-login-on"));
        assertThat(send.click(AGENT_SLACK, "retry", approval + ":1")).isEqualTo(200);
        e2e.settled();
        assertThat(slack.responsesTo(AGENT_SLACK)).hasSize(1);
        assertThat(membersOf(account)).doesNotContain(sam);
        assertThat(send.click(APPROVER, "retry", approval + ":1")).isEqualTo(200);
        Await.until("Sam's membership", Duration.ofSeconds(30), () -> membersOf(account).contains(sam));
        e2e.settled();
        assertThat(membersOf(account)).containsExactlyInAnyOrder(1101L, sam);
        assertThat(e2e.planSteps(707)).isEqualTo(1);
        assertThat(portal.billingAccount(account).soldTo().email()).isEqualTo("pat@acme.example");
    }

    @Test
    void an_agent_starts_it_with_lnr_add_contact_and_cannot_approve_what_they_started() throws Exception {
        start();
        long account = acmeAccount();
        FakeZendesk.User sam = zendesk.user("Sam Rivera", "sam@acme.example");
        FakeZendesk.Ticket ticket = zendesk.ticket(708, "Please add me as a contact of A-S00001001",
                "Hello, please add me as a contact of our subscription A-S00001001.", sam);
        assertThat(send.lnr(AGENT_SLACK, "add-contact 708", "/respond/" + AGENT_SLACK + "-cmd")).isEqualTo(200);
        Await.until("the ownership proof request", Duration.ofSeconds(30), () -> ticket.tags.contains("supportbot_ov_awaiting_proof"));
        e2e.settled();
        zendesk.reply(708, sam, "Our latest invoice is INV-1001-A.");
        send.webhook(708, null);
        String approval = e2e.approvalPosted();
        assertThat(slack.posted("chat.postMessage")).anyMatch(m -> blocksOf(m).contains("*Started by*\\n<@" + AGENT_SLACK + ">"));

        assertThat(send.click(AGENT_SLACK, "approve", approval)).isEqualTo(200);
        e2e.settled();
        assertThat(membersOf(account)).doesNotContain(1102L);
        assertThat(send.click(APPROVER, "approve", approval)).isEqualTo(200);
        Await.until("Sam's membership", Duration.ofSeconds(30), () -> membersOf(account).contains(1102L));
        e2e.settled();
        assertThat(e2e.planSteps(708)).isEqualTo(1);
    }
}
