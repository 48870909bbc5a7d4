package dev.supportbot.bot.engine;

import static dev.supportbot.bot.testing.EndToEnd.AGENT_EMAIL;
import static dev.supportbot.bot.testing.EndToEnd.AGENT_SLACK;
import static dev.supportbot.bot.testing.EndToEnd.APPROVER;
import static dev.supportbot.bot.testing.SlackMessages.blocksOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.portal.CustomerUpdate;
import dev.supportbot.bot.portal.HttpPortalClient;
import dev.supportbot.bot.portal.IdempotencyKey;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.EndToEnd;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.bot.testing.SignedRequests;
import dev.supportbot.bot.testing.SlackStandIn;
import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.Membership;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Changing the subscription management contact from the agent's macro to the sandbox portal's new Sold To: signed
 * webhook -> fake Zendesk -> ownership verification -> Slack approval by two approvers (MockServer) -> signed button
 * clicks -> the plan's steps on the sandbox portal over HTTP, with the real engine and database. Only Zendesk and
 * Slack are replaced, at the far side of the wire.
 */
class ChangeContactEndToEndTest {

    private final EndToEnd e2e = new EndToEnd();
    private final FakeZendesk zendesk = e2e.zendesk();
    private final SlackStandIn slack = e2e.slack();
    private SupportBot bot;
    private HttpPortalClient portal;
    private SignedRequests send;

    @AfterEach
    void stop() {
        e2e.printInbox();
        e2e.close();
    }

    private void start() {
        slack.postsMessages().updatesMessages().findsByEmail(AGENT_SLACK).opensViews().takesResponses();
        bot = e2e.start(Map.of("BOT_APPROVERS", APPROVER + ",UAPPROVER2," + AGENT_SLACK, "BOT_SLACK_AGENTS", AGENT_SLACK));
        portal = e2e.portal();
        send = e2e.send();
    }

    private long acmeAccount() {
        return portal.subscription("A-S00001001").billingAccountId();
    }

    private List<Long> membersOf(long accountId) {
        return portal.membershipsOfBillingAccount(accountId).stream().map(Membership::customerId).sorted().toList();
    }

    private static final String ACME = "A-S00001001";
    private static final String INITECH = "A-S00003001";

    /** A change-contact request; the requester proves ownership with an invoice once the bot asks. */
    private FakeZendesk.Ticket changeRequest(long id, FakeZendesk.User requester, String subscription, String description)
            throws Exception {
        FakeZendesk.Ticket ticket = zendesk.ticket(id, "New subscription owner for " + subscription, description, requester,
                "supportbot_start_change_contact");
        send.webhook(id, AGENT_EMAIL);
        e2e.settled();
        return ticket;
    }

    private void proveOwnership(long id, FakeZendesk.User requester, String invoice) throws Exception {
        FakeZendesk.Ticket ticket = zendesk.ticket(id);
        Await.until("the ownership proof request", Duration.ofSeconds(30), () -> ticket.tags.contains("supportbot_ov_awaiting_proof"));
        e2e.settled();
        zendesk.reply(id, requester, "Our latest invoice is " + invoice + ".");
        send.webhook(id, null);
        Await.until("verification", Duration.ofSeconds(30), () -> ticket.tags.contains("supportbot_ov_verified"));
        e2e.settled();
    }

    /** {@code /lnr text} from the agent, answered at a response URL of its own (not one of {@code responsesTo}). */
    private int lnr(String text) throws Exception {
        return send.lnr(AGENT_SLACK, text, "/respond/cmd-" + AGENT_SLACK);
    }

    private long customers() {
        return bot.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM sandbox_customer").mapTo(Long.class).one());
    }

    private List<String> signInLinks() {
        return bot.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT customer_id, email FROM sandbox_sign_in_link ORDER BY customer_id")
                .map((rs, ctx) -> rs.getLong("customer_id") + " " + rs.getString("email")).list());
    }

    private static List<String> bodies(List<FakeZendesk.Comment> comments) {
        return comments.stream().map(FakeZendesk.Comment::body).toList();
    }

    /** Approves with the two approvers the change needs; the first approval alone changes nothing. */
    private void approveTwice(long ticketId, String approval, long account, List<Long> membersBefore) throws Exception {
        assertThat(send.click(AGENT_SLACK, "approve", approval)).isEqualTo(200);
        assertThat(send.click(APPROVER, "approve", approval)).isEqualTo(200);
        e2e.settled();
        assertThat(slack.responsesTo(AGENT_SLACK)).as("the initiator may not approve").hasSize(1);
        assertThat(membersOf(account)).as("one approver is not enough").isEqualTo(membersBefore);
        assertThat(e2e.planSteps(ticketId)).isZero();
        assertThat(send.click("UAPPROVER2", "approve", approval)).isEqualTo(200);
    }

    @Test
    void sam_rivera_an_existing_user_replaces_pat_lee_at_acme_after_two_approvals() throws Exception {
        start();
        long account = acmeAccount();
        long customersBefore = customers();
        FakeZendesk.User sam = zendesk.user("Sam Rivera", "sam@acme.example");
        FakeZendesk.Ticket ticket = changeRequest(901, sam, ACME, "Pat Lee left Acme and I take over subscription " + ACME
                + ". I followed your steps, but the portal says: Email has already been taken.");
        proveOwnership(901, sam, "INV-1001-A");
        String approval = e2e.approvalPosted();
        JsonNode request = slack.posted("chat.postMessage").stream().filter(m -> blocksOf(m).contains("\"approve\"")).findFirst().orElseThrow();
        assertThat(blocksOf(request)).contains("#901").contains("Sam Rivera").contains("proof: an invoice");
        assertThat(bodies(ticket.privateNotes())).anyMatch(n -> n.contains("waits for 2 approvers"));

        approveTwice(901, approval, account, List.of(1101L));
        Await.until("the new Sold To", Duration.ofSeconds(30),
                () -> portal.billingAccount(account).soldTo().email().equals("sam@acme.example"));
        e2e.settled();

        BillingAccount after = portal.billingAccount(account);
        assertThat(after.soldTo().fullName()).isEqualTo("Sam Rivera");
        assertThat(after.soldTo().address()).isEqualTo("1 Roadrunner Way, Phoenix, AZ 85001, US");
        assertThat(after.billTo().email()).as("the Bill To was someone else: it stays").isEqualTo("billing@acme.example");
        assertThat(membersOf(account)).containsExactly(1102L);
        assertThat(customers()).as("no customer created").isEqualTo(customersBefore);
        assertThat(portal.findCustomerByEmail("pat@acme.example")).as("Pat's record stays, without the membership").isPresent();
        assertThat(signInLinks()).isEmpty();
        List<AuditLog.Entry> steps = new AuditLog(bot.database()).forTicket(901).stream()
                .filter(e -> e.action().equals("plan step")).toList();
        assertThat(steps).hasSize(3);
        assertThat(steps.get(2).after()).contains("sam@acme.example").doesNotContain("\"soldTo\":{\"firstName\":\"Pat\"");
        assertThat(bodies(ticket.privateNotes())).anyMatch(n -> n.startsWith("Change contact: done for " + ACME)
                && n.contains("The plan approved by a Slack user, a Slack user ran:") && !n.contains("slack:"));
        List<String> toSam = bodies(ticket.publicCommentsBy(FakeZendesk.BOT_USER));
        assertThat(toSam).anyMatch(c -> c.contains("you are now the subscription management contact of subscription " + ACME));
        assertThat(toSam).noneMatch(c -> c.contains("pat@acme.example") || c.contains("Pat Lee"));
        assertThat(zendesk.tickets()).filteredOn(t -> t.id != 901)
                .allSatisfy(t -> assertThat(bodies(t.comments)).noneMatch(c -> c.contains("sam@acme.example")));
    }

    @Test
    void rita_a_member_of_globex_agrees_to_leave_it_and_ends_a_member_of_acme_only_and_its_sold_to()
            throws Exception {
        start();
        long account = acmeAccount();
        long globex = portal.subscription("A-S00002001").billingAccountId();
        assertThat(membersOf(globex)).containsExactly(1201L);
        long customersBefore = customers();
        FakeZendesk.User rita = zendesk.user("Rita Ortega", "rita@globex.example");
        FakeZendesk.Ticket ticket = changeRequest(906, rita, ACME, "Pat Lee left and I take over subscription " + ACME
                + ". The portal says: Email has already been taken.");
        proveOwnership(906, rita, "INV-1001-A");
        Await.until("the question to Rita", Duration.ofSeconds(30), () -> bodies(ticket.publicCommentsBy(FakeZendesk.BOT_USER))
                .stream().anyMatch(c -> c.contains("stop managing your current subscriptions")));
        e2e.settled();
        assertThat(slack.approvalIds()).as("no plan before she answers").isEmpty();
        assertThat(membersOf(globex)).containsExactly(1201L);

        zendesk.reply(906, rita, "Yes, please go ahead.");
        send.webhook(906, null);
        String approval = e2e.approvalPosted();
        approveTwice(906, approval, account, List.of(1101L));
        Await.until("the new Sold To", Duration.ofSeconds(30),
                () -> portal.billingAccount(account).soldTo().email().equals("rita@globex.example"));
        e2e.settled();

        assertThat(membersOf(account)).as("Rita replaces Pat").containsExactly(1201L);
        assertThat(membersOf(globex)).as("her Globex membership went first").isEmpty();
        assertThat(portal.billingAccount(account).soldTo().fullName()).isEqualTo("Rita Ortega");
        assertThat(customers()).as("no customer created").isEqualTo(customersBefore);
        assertThat(new AuditLog(bot.database()).forTicket(906).stream().filter(e -> e.action().equals("plan step"))).hasSize(4);
        List<String> toRita = bodies(ticket.publicCommentsBy(FakeZendesk.BOT_USER));
        assertThat(toRita).anyMatch(c -> c.contains("you are now the subscription management contact of subscription " + ACME)
                && c.contains("no longer manages your previous subscriptions"));
        assertThat(toRita).noneMatch(c -> c.contains("pat@acme.example") || c.contains("Pat Lee"));
    }

    @Test
    void a_brand_new_address_at_initech_renames_the_sold_to_customer_unlinks_its_gitlab_account_and_sends_a_sign_in_link() throws Exception {
        start();
        long account = portal.subscription(INITECH).billingAccountId();
        long customersBefore = customers();
        FakeZendesk.User nia = zendesk.user("Nia Ng", "nia@initech.example");
        FakeZendesk.Ticket ticket = changeRequest(902, nia, INITECH, "Bill Lumbergh left Initech; I am the new owner of "
                + INITECH + ". Nobody can reach his mailbox.");
        // Nia is no contact of the subscription: no self-service steps, ownership verification at once.
        assertThat(bodies(ticket.publicCommentsBy(FakeZendesk.BOT_USER))).noneMatch(c -> c.contains("one-time sign-in link"));
        assertThat(bodies(ticket.privateNotes())).anyMatch(n -> n.contains("could not follow the self-service steps (from the"
                + " previous owner's email domain, but not a contact of the subscription"));
        proveOwnership(902, nia, "INV-3001-I");
        String approval = e2e.approvalPosted();
        assertThat(portal.findCustomerByEmail("nia@initech.example")).as("searched, not created").isEmpty();

        approveTwice(902, approval, account, List.of(1301L));
        Await.until("the sign-in link mail", Duration.ofSeconds(30), () -> !portal.mailDeliveries("nia@initech.example").isEmpty());
        e2e.settled();

        BillingAccount after = portal.billingAccount(account);
        assertThat(after.soldTo().email()).isEqualTo("nia@initech.example");
        assertThat(after.soldTo().fullName()).isEqualTo("Nia Ng");
        assertThat(after.billTo().email()).as("the Bill To was the Sold To: it follows").isEqualTo("nia@initech.example");
        Customer renamed = portal.findCustomerByEmail("nia@initech.example").orElseThrow();
        assertThat(renamed.id()).isEqualTo(1301);
        assertThat(renamed.uid()).as("Bill's GitLab.com account unlinked").isNull();
        assertThat(portal.findCustomerByEmail("bill@initech.example")).isEmpty();
        assertThat(customers()).as("no customer created").isEqualTo(customersBefore);
        assertThat(membersOf(account)).containsExactly(1301L);
        assertThat(signInLinks()).containsExactly("1301 nia@initech.example");
        assertThat(portal.mailDeliveries("nia@initech.example")).singleElement()
                .satisfies(m -> assertThat(m.subject()).isEqualTo("Your one-time sign-in link"));
        assertThat(new AuditLog(bot.database()).forTicket(902)).filteredOn(e -> e.action().equals("plan step")).hasSize(3);
        assertThat(bodies(ticket.privateNotes())).anyMatch(n -> n.startsWith("Change contact: done for " + INITECH));
        assertThat(bodies(ticket.publicCommentsBy(FakeZendesk.BOT_USER)))
                .anyMatch(c -> c.contains("We have sent a one-time sign-in link"))
                .noneMatch(c -> c.contains("bill@initech.example") || c.contains("Lumbergh"));
    }

    @Test
    void a_plan_whose_facts_changed_between_preview_and_execution_stops_at_step_1() throws Exception {
        start();
        long account = acmeAccount();
        FakeZendesk.User sam = zendesk.user("Sam Rivera", "sam@acme.example");
        FakeZendesk.Ticket ticket = changeRequest(903, sam, ACME, "I take over " + ACME + "; the portal says Email has already been taken.");
        proveOwnership(903, sam, "INV-1001-A");
        String approval = e2e.approvalPosted();
        // Someone switches Sam's login off in the portal after the preview was made.
        long samId = portal.findCustomerByEmail("sam@acme.example").orElseThrow().id();
        portal.updateCustomer(samId, CustomerUpdate.save().withLoginActivated(false), IdempotencyKey.of("test-cc-login-off"));

        approveTwice(903, approval, account, List.of(1101L));
        Await.until("the failure note", Duration.ofSeconds(30),
                () -> bodies(ticket.privateNotes()).stream().anyMatch(n -> n.contains("failed at step 1")));
        e2e.settled();
        assertThat(e2e.planSteps(903)).isZero();
        assertThat(membersOf(account)).containsExactly(1101L);
        assertThat(portal.billingAccount(account).soldTo().email()).isEqualTo("pat@acme.example");
        assertThat(slack.posted("chat.update")).anyMatch(m -> m.path("blocks").asText().contains("\"action_id\":\"retry\""));
        assertThat(bodies(ticket.publicCommentsBy(FakeZendesk.BOT_USER))).noneMatch(c -> c.contains("you are now"));
    }

    @Test
    void remove_membership_of_the_last_member_warns_the_approvers_and_removes_it() throws Exception {
        start();
        long account = acmeAccount();
        FakeZendesk.User sam = zendesk.user("Sam Rivera", "sam@acme.example");
        FakeZendesk.Ticket ticket = zendesk.ticket(904, "Remove Pat from " + ACME, "Please remove Pat's access to " + ACME + ".", sam);
        // A change of contact takes no address: an extra word gets the usage line and starts nothing.
        assertThat(lnr("change-contact 904 pat@acme.example")).isEqualTo(200);
        e2e.settled();
        assertThat(new InstanceStore(bot.database(), Clock.systemUTC()).forTicket(904)).isEmpty();
        assertThat(lnr("remove-membership 904 pat@acme.example")).isEqualTo(200);
        proveOwnership(904, sam, "INV-1001-A");
        String approval = e2e.approvalPosted();
        assertThat(slack.posted("chat.postMessage")).anyMatch(m -> blocksOf(m).contains("only membership of billing account A00001001"));

        approveTwice(904, approval, account, List.of(1101L));
        Await.until("Pat's membership removed", Duration.ofSeconds(30), () -> membersOf(account).isEmpty());
        e2e.settled();
        assertThat(portal.billingAccount(account).soldTo().email()).as("contacts stay").isEqualTo("pat@acme.example");
        assertThat(e2e.planSteps(904)).isEqualTo(1);
        assertThat(bodies(ticket.publicCommentsBy(FakeZendesk.BOT_USER))).anyMatch(c -> c.contains("has been removed"))
                .noneMatch(c -> c.contains("pat@acme.example"));
    }

    /** Bo Chan, Acme's Bill To, writes from Pat's domain and has no portal account: the self-service steps fit him. */
    @Test
    void self_service_bo_the_bill_to_claims_pats_account_reports_done_and_the_run_ends_without_a_plan() throws Exception {
        start();
        long account = acmeAccount();
        FakeZendesk.User bo = zendesk.user("Bo Chan", "billing@acme.example");
        FakeZendesk.Ticket ticket = changeRequest(905, bo, ACME, "Pat Lee left; I should manage " + ACME + " now.");
        assertThat(bodies(ticket.publicCommentsBy(FakeZendesk.BOT_USER))).singleElement().asString()
                .contains("claim the account", "Email has already been taken").doesNotContain("pat@acme.example");
        assertThat(ticket.tags).doesNotContain("supportbot_ov_awaiting_proof");
        // Bo signs in with a link sent to Pat's mailbox and claims the profile, as the instructions say.
        portal.updateCustomer(1101, CustomerUpdate.save().withName("Bo", "Chan").withConfirmedEmail("billing@acme.example"),
                IdempotencyKey.of("test-cc-claim"));
        zendesk.reply(905, bo, "Done, I claimed the account.");
        send.webhook(905, null);
        Await.until("the confirmation", Duration.ofSeconds(30), () -> bodies(ticket.publicCommentsBy(FakeZendesk.BOT_USER))
                .stream().anyMatch(c -> c.contains("is now the management contact of subscription " + ACME)));
        e2e.settled();
        assertThat(portal.billingAccount(account).soldTo().email()).isEqualTo("billing@acme.example");
        assertThat(slack.approvalIds()).isEmpty();
        assertThat(e2e.planSteps(905)).isZero();
        assertThat(bodies(ticket.privateNotes())).anyMatch(n -> n.contains("matches") || n.contains("requester's portal account"));
    }

    /** The steps went to Bo, but the agent knows he cannot reach Pat's mailbox: /lnr cc assist turns to verification. */
    @Test
    void the_agent_rules_self_service_out_and_ownership_verification_starts() throws Exception {
        start();
        FakeZendesk.User bo = zendesk.user("Bo Chan", "billing@acme.example");
        FakeZendesk.Ticket ticket = changeRequest(907, bo, ACME, "Pat Lee left; I should manage " + ACME + " now.");
        assertThat(bodies(ticket.publicCommentsBy(FakeZendesk.BOT_USER))).singleElement().asString().contains("claim the account");

        assertThat(lnr("cc assist 907")).isEqualTo(200);
        Await.until("the command's answer", Duration.ofSeconds(30),
                () -> slack.recorded("/respond/cmd-" + AGENT_SLACK).length == 1);
        Await.until("the ownership proof request", Duration.ofSeconds(30), () -> ticket.tags.contains("supportbot_ov_awaiting_proof"));
        e2e.settled();
        assertThat(bodies(ticket.privateNotes())).anyMatch(n -> n.contains("ruled out self-service"));
        assertThat(bodies(ticket.publicCommentsBy(FakeZendesk.BOT_USER))).noneMatch(c -> c.contains("pat@acme.example"));
    }
}
