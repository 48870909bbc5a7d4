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
import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.MailDelivery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Fixing an email typo from the account manager's request to the sandbox portal's corrected Sold To, customer and the
 * resent activation code: signed webhook -> fake Zendesk -> the AM's written confirmation -> Slack approval
 * (MockServer) -> signed button click -> the plan's steps on the sandbox portal over HTTP, with the real engine and
 * database. Only Zendesk and Slack are replaced, at the far side of the wire.
 */
class TypoFixEndToEndTest {
    private static final String TYPO = "alice@umbrela.example";
    private static final String FIXED = "alice@umbrella.example";

    private final EndToEnd e2e = new EndToEnd();
    private final FakeZendesk zendesk = e2e.zendesk();
    private final SlackStandIn slack = e2e.slack();
    private SupportBot bot;
    private HttpPortalClient portal;
    private SignedRequests send;
    private FakeZendesk.User am;

    @AfterEach
    void stop() {
        e2e.close();
    }

    private void start() {
        slack.postsMessages().updatesMessages().findsByEmail(AGENT_SLACK).takesResponses();
        bot = e2e.start(Map.of("BOT_APPROVERS", APPROVER + "," + AGENT_SLACK, "BOT_SLACK_AGENTS", AGENT_SLACK,
                "BOT_STAFF_DOMAINS", "vendor.example"));
        portal = e2e.portal();
        send = e2e.send();
        am = zendesk.user("Avery Manager", "avery.manager@vendor.example");
    }

    /** {@code /lnr text} from the agent; the answer is one of {@code responsesTo(AGENT_SLACK)}. */
    private int lnr(String text) throws Exception {
        return send.lnr(AGENT_SLACK, text, "/respond/" + AGENT_SLACK + "-cmd" + System.nanoTime());
    }

    // ---- what the bot did

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

    /** The activation code is nowhere the bot writes: notes, comments, Slack requests, its own tables and rows. */
    private void noActivationCodeAnywhere(FakeZendesk.Ticket ticket, String code) {
        assertThat(ticket.comments).extracting(FakeZendesk.Comment::body).noneMatch(b -> b.contains(code));
        assertThat(slack.recorded()).extracting(r -> r.getBodyAsString() == null ? "" : r.getBodyAsString())
                .noneMatch(b -> b.contains(code));
        assertThat(zendesk.receivedBodies()).noneMatch(b -> b.contains(code));
        List<String> rows = e2e.botRows();
        assertThat(rows).anyMatch(r -> r.startsWith("audit_log ")).anyMatch(r -> r.startsWith("inbox "));
        assertThat(rows).noneMatch(r -> r.contains(code));
    }

    private FakeZendesk.Ticket amRequest(long id, String description) throws Exception {
        FakeZendesk.Ticket ticket = zendesk.ticket(id, "Internal request: email typo", description, am, "supportbot_start_typo_fix");
        send.webhook(id, AGENT_EMAIL);
        return ticket;
    }

    private void amReplies(FakeZendesk.Ticket ticket, String body) throws Exception {
        zendesk.reply(ticket.id, am, body);
        send.webhook(ticket.id, null);
    }

    // ---- the cases of the issue

    @Test
    void umbrella_the_am_confirms_an_approver_approves_and_the_code_goes_to_the_corrected_address() throws Exception {
        start();
        long account = portal.subscription("A-S00004001").billingAccountId();
        FakeZendesk.Ticket ticket = amRequest(801, "Hi team, the activation code mail to " + TYPO + " bounced. The customer's"
                + " address is " + FIXED + ", please fix it and resend the code.");

        Await.until("the question to the AM", Duration.ofSeconds(30), () -> botReplies(ticket).size() == 1);
        e2e.settled();
        assertThat(notes(ticket)).contains("Recipient: " + TYPO, "SMTP: 550 5.1.1 mailbox unavailable", " UTC",
                "Subject: Your GitLab activation code: ");
        assertThat(botReplies(ticket).get(0)).contains("confirm in writing", FIXED);
        assertThat(slack.approvalIds()).isEmpty();

        amReplies(ticket, "Yes, " + FIXED + " is right.");
        String approval = e2e.approvalPosted();
        assertThat(portal.billingAccount(account).soldTo().email()).as("nothing changes before the approval").isEqualTo(TYPO);

        // The agent who applied the macro may not approve it; nothing changes.
        assertThat(send.click(AGENT_SLACK, "approve", approval)).isEqualTo(200);
        e2e.settled();
        assertThat(slack.responsesTo(AGENT_SLACK)).hasSize(1);
        assertThat(portal.findCustomerByEmail(FIXED)).isEmpty();

        assertThat(send.click(APPROVER, "approve", approval)).isEqualTo(200);
        Await.until("the code resent to the corrected address", Duration.ofSeconds(30), () -> !portal.mailDeliveries(FIXED).isEmpty());
        Await.until("the CRM note", Duration.ofSeconds(30), () -> notes(ticket).contains("CRM"));
        e2e.settled();

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
        e2e.settled();
        amReplies(ticket, "Yes, " + FIXED + " is right.");
        String approval = e2e.approvalPosted();

        assertThat(send.click(APPROVER, "approve", approval)).isEqualTo(200);
        Await.until("the hand-off to the Billing team", Duration.ofSeconds(30), () -> ticket.tags.contains("billing_handoff"));
        e2e.settled();

        assertThat(portal.mailDeliveries(FIXED)).as("every step ran").singleElement()
                .satisfies(mail -> assertThat(mail.status()).isEqualTo(MailDelivery.Status.DELIVERED));
        assertThat(portal.billingAccount(account).soldTo().email()).isEqualTo(TYPO);
        assertThat(botReplies(ticket)).as("the AM is not told the fix is done").hasSize(1)
                .noneMatch(r -> r.contains("CRM") || r.contains("typo is fixed"));
        assertThat(notes(ticket)).contains("the billing account does not show what the plan predicted",
                "the Sold To of", "is Alice Abernathy (" + TYPO + "), the plan expected Alice Abernathy (" + FIXED + ")",
                "Handed to the Billing team").doesNotContain("update the contact's email in the CRM");
        assertThat(slack.posted("chat.postMessage")).extracting(m -> m.path("text").asText())
                .anySatisfy(t -> assertThat(t).startsWith("Billing team: ").contains("alice@umbrela.example",
                        "Please put the billing account right"));
        noActivationCodeAnywhere(ticket, activationCode("A-S00004001"));

        assertThat(lnr("status 805")).isEqualTo(200);
        Await.until("the status of the run", Duration.ofSeconds(30), () -> slack.responsesTo(AGENT_SLACK).stream().anyMatch(r -> r.contains("Ticket 805")));
        assertThat(slack.responsesTo(AGENT_SLACK)).filteredOn(r -> r.contains("Ticket 805")).singleElement()
                .satisfies(r -> assertThat(r).contains("(finished): handed to the billing team on ").doesNotContain(": done"));
    }

    @Test
    void hooli_whose_activation_code_was_used_stops_at_step_1() throws Exception {
        start();
        FakeZendesk.Ticket ticket = amRequest(802, "Please fix the typo in gavin@hooli.example and resend the code.");
        Await.until("the note", Duration.ofSeconds(30), () -> notes(ticket).contains("stopped at step 1"));
        e2e.settled();
        assertThat(notes(ticket)).contains("already used", "gitlab.hooli.example", "Nothing was changed");
        assertThat(botReplies(ticket)).isEmpty();
        assertThat(slack.approvalIds()).isEmpty();
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
        e2e.settled();
        // Two commands, two answers, in whichever order the workers sent them.
        assertThat(slack.responsesTo(AGENT_SLACK)).hasSize(2).anySatisfy(r -> assertThat(r).contains("Usage"))
                .anySatisfy(r -> assertThat(r).contains("typo fix requested"));
        assertThat(notes(ticket)).contains("no failed delivery", "delivered with SMTP 250");
        assertThat(botReplies(ticket)).isEmpty();
        assertThat(slack.approvalIds()).isEmpty();
    }

    @Test
    void the_am_correcting_twice_restarts_the_confirmation_and_the_plan_takes_the_last_address() throws Exception {
        start();
        FakeZendesk.Ticket ticket = amRequest(804, "The mail to " + TYPO + " bounced; it should be alicia@umbrella.example.");
        Await.until("the question to the AM", Duration.ofSeconds(30), () -> botReplies(ticket).size() == 1);
        e2e.settled();
        assertThat(botReplies(ticket).get(0)).contains("alicia@umbrella.example");

        amReplies(ticket, "Sorry, my mistake: it is alice.a@umbrella.example");
        Await.until("the second question", Duration.ofSeconds(30), () -> botReplies(ticket).size() == 2);
        e2e.settled();
        amReplies(ticket, "No wait, the customer wrote again, it is " + FIXED);
        Await.until("the third question", Duration.ofSeconds(30), () -> botReplies(ticket).size() == 3);
        e2e.settled();
        assertThat(botReplies(ticket).get(1)).contains("alice.a@umbrella.example");
        assertThat(botReplies(ticket).get(2)).contains(FIXED);
        assertThat(slack.approvalIds()).isEmpty();

        amReplies(ticket, "Confirmed.");
        e2e.approvalPosted();
        String plan = slack.posted("chat.postMessage").get(0).path("blocks").asText();
        assertThat(plan).contains(FIXED).doesNotContain("alicia@").doesNotContain("alice.a@");
        assertThat(notes(ticket)).contains("confirmed " + FIXED + " in writing");
    }
}
