package dev.supportbot.workflows.ownership;

import static dev.supportbot.workflows.ownership.Fixtures.*;
import static dev.supportbot.workflows.ownership.Fixtures.Setup.*;
import static dev.supportbot.workflows.ownership.Flow.effects;
import static dev.supportbot.workflows.ownership.SoldToApprovalTest.LINKED;
import static dev.supportbot.workflows.ownership.SoldToApprovalTest.reply;
import static dev.supportbot.workflows.ownership.SoldToApprovalTest.withOpenApprovalTicket;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Effect.SlackMessage.Button;
import dev.supportbot.workflows.engine.Event.AgentCommand;
import dev.supportbot.workflows.engine.Event.EffectFailed;
import dev.supportbot.workflows.engine.Event.ReminderDue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What agents and customers read at the edges: the Sold To contact told how the request they were asked about ended
 * (and their ticket solved), notes for what the rules ignore, Slack posts with buttons while the case waits.
 */
class WhatPeopleReadTest {
    private static final String AGENT = "slack:UAGENT2";

    private static Effect.UpdateLinkedTicket toSoldTo(Decision<OwnershipState> d) {
        List<Effect.UpdateLinkedTicket> updates = effects(d, Effect.UpdateLinkedTicket.class);
        assertThat(updates).singleElement().satisfies(u -> {
            assertThat(u.ticketId()).isEqualTo(LINKED);
            assertThat(u.status()).isEqualTo("solved");
            assertThat(u.publicComment()).contains(SUBSCRIPTION, "request #" + TICKET_ID)
                    .doesNotContain(CUSTOMER.email()).doesNotContain(CUSTOMER.name()).doesNotContain("@");
        });
        return updates.get(0);
    }

    @Test
    void the_sold_to_contact_is_thanked_when_their_approval_verifies() {
        Decision<OwnershipState> d = withOpenApprovalTicket().send(reply(LINKED, 40, SOLD_TO, "I approve"));
        assertThat(d.state()).isInstanceOf(OwnershipState.Verified.class);
        assertThat(toSoldTo(d).publicComment()).contains("Thank you for your approval");
        assertThat(Flow.notes(d)).contains("Ownership verified with approval from the Sold To contact", "ticket #987");
    }

    @Test
    void the_sold_to_contact_is_told_their_refusal_was_followed() {
        Decision<OwnershipState> d = withOpenApprovalTicket().send(reply(LINKED, 41, SOLD_TO, "I do not approve"));
        assertThat(d.state()).isInstanceOf(OwnershipState.Rejected.class);
        assertThat(toSoldTo(d).publicComment()).contains("We have declined the request");
    }

    @Test
    void the_sold_to_contact_is_told_when_the_request_ends_otherwise() {
        for (Command command : List.of(OwnershipCommands.REJECT, Command.CANCEL, OwnershipCommands.CONFIRM_CONTRACT)) {
            Decision<OwnershipState> d = withOpenApprovalTicket().send(new AgentCommand(command, AGENT));
            assertThat(toSoldTo(d).publicComment()).as(command.verb()).contains("no longer need your approval");
        }
        Flow expiring = withOpenApprovalTicket();
        Decision<OwnershipState> expired = expiring.at(NOW.plus(Duration.ofDays(7))).send(new ReminderDue(OwnershipSettings.EXPIRY_SEQUENCE));
        assertThat(expired.state()).isInstanceOf(OwnershipState.Expired.class);
        assertThat(toSoldTo(expired).publicComment()).contains("closed without any change");
    }

    @Test
    void after_an_escalation_the_sold_to_contact_is_told_the_final_outcome_not_the_escalation() {
        Flow flow = withOpenApprovalTicket();
        Decision<OwnershipState> escalated = flow.send(new AgentCommand(OwnershipCommands.ESCALATE, AGENT));
        assertThat(effects(escalated, Effect.UpdateLinkedTicket.class)).isEmpty();
        assertThat(((OwnershipState.Escalated) escalated.state()).soldToTicketId()).isEqualTo(LINKED);

        Decision<OwnershipState> rejected = flow.send(new AgentCommand(OwnershipCommands.REJECT, AGENT));
        toSoldTo(rejected);
        assertThat(Flow.notes(rejected)).contains("rejected by a Slack user after escalation");
        assertThat(effects(rejected, Effect.SlackMessage.class)).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("rejected by <@UAGENT2>"));
    }

    @Test
    void an_agent_s_rejection_names_the_agent_in_the_note_and_in_slack() {
        Decision<OwnershipState> d = Flow.awaitingProof(SELF_MANAGED_DIRECT, CUSTOMER).send(new AgentCommand(OwnershipCommands.REJECT, AGENT));
        assertThat(Flow.notes(d)).isEqualTo("Ownership verification rejected by a Slack user.");
        assertThat(((OwnershipState.Rejected) d.state()).reason()).isEqualTo("rejected by a Slack user");
        assertThat(effects(d, Effect.SlackMessage.class)).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("Ticket #" + TICKET_ID + ": ownership verification for " + SUBSCRIPTION + " rejected by <@UAGENT2>.");
            assertThat(m.fields()).contains(new Effect.SlackMessage.Field("By", "<@UAGENT2>"));
        });
    }

    @Test
    void no_approval_ticket_no_message_to_anyone_else() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_DIRECT, CUSTOMER); // the ticket to the Sold To is still opening
        Decision<OwnershipState> d = flow.send(new AgentCommand(OwnershipCommands.REJECT, AGENT));
        assertThat(effects(d, Effect.UpdateLinkedTicket.class)).isEmpty();
    }

    @Test
    void a_staff_vouch_gets_a_note_once_per_comment() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_DIRECT, CUSTOMER);
        var vouch = comment(50, STAFF, false, "I can vouch for Carol, she is the admin of this subscription.");
        Decision<OwnershipState> d = flow.comments(CUSTOMER, vouch);
        assertThat(d.effects()).singleElement().isEqualTo(new Effect.PrivateNote(InternalNotes.staffVouchIgnored(vouch)));
        assertThat(d.state()).isInstanceOf(OwnershipState.AwaitingProof.class);

        OwnershipState after = flow.state;
        assertThat(flow.comments(CUSTOMER, vouch).changesNothingFrom(after)).as("the same comment again").isTrue();
    }

    @Test
    void an_agent_s_ordinary_comment_and_the_bot_s_own_texts_get_no_note() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_DIRECT, CUSTOMER);
        String botsOwn = Messages.askForProof(SUBSCRIPTION, java.util.Set.of(ProofKind.INVOICE, ProofKind.SOLD_TO_APPROVAL), true,
                java.time.Period.ofMonths(12)) + "\n\nBest regards,\nLicensing & Renewals Support";
        assertThat(botsOwn).as("the bot's own text has approval words").contains("I approve");
        Decision<OwnershipState> d = flow.comments(CUSTOMER, comment(51, STAFF, false, botsOwn),
                comment(52, STAFF, false, "Could you send us an invoice number, please?"));
        assertThat(d.effects()).isEmpty();
    }

    @Test
    void the_bill_to_contact_approving_in_copy_gets_a_note_and_the_requester_no_reply() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_DIRECT, CUSTOMER);
        Decision<OwnershipState> d = flow.comments(CUSTOMER, comment(53, BILL_TO, false, "I approve, go ahead."));
        assertThat(effects(d, Effect.PublicComment.class)).isEmpty();
        assertThat(Flow.notes(d)).contains("The Bill To contact approved on this ticket (", "of 7 December 2026, 10:53 UTC", "12 months");
        assertThat(d.state()).isInstanceOf(OwnershipState.AwaitingProof.class);
    }

    @Test
    void a_pasted_json_that_is_not_gitlab_subscription_gets_a_note_and_no_refusal() {
        Flow flow = Flow.awaitingProof(SAAS_DIRECT, CUSTOMER);
        Decision<OwnershipState> d = flow.comments(CUSTOMER,
                fromRequester(54, CUSTOMER, "Here you go:\n{\"id\": 4, \"name\": \"acme-group\", \"kind\": \"group\"}"));
        assertThat(effects(d, Effect.PublicComment.class)).isEmpty();
        assertThat(Flow.notes(d)).contains("of 7 December 2026, 10:54 UTC holds JSON the bot does not recognise");
        OwnershipState after = flow.state;
        assertThat(flow.comments(CUSTOMER, fromRequester(54, CUSTOMER, "{\"id\": 4}")).changesNothingFrom(after)).isTrue();
    }

    @Test
    void a_post_about_a_case_that_still_waits_has_escalate_and_cancel_buttons_the_workflow_routes() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_DIRECT, CUSTOMER);
        Decision<OwnershipState> d = flow.send(new EffectFailed(OwnershipVerification.SOLD_TO_TICKET_KEY, "Zendesk answered 422"));
        Effect.SlackMessage post = effects(d, Effect.SlackMessage.class).get(0);
        assertThat(post.buttons()).extracting(Button::label).containsExactly("Escalate", "Cancel");
        var routes = new OwnershipVerification().buttonActions();
        assertThat(post.buttons()).allSatisfy(b -> assertThat(routes).containsKey(b.actionId()));
        assertThat(routes.get(post.buttons().get(0).actionId())).isEqualTo(OwnershipCommands.ESCALATE);
        assertThat(routes.get(post.buttons().get(1).actionId())).isEqualTo(Command.CANCEL);

        Decision<OwnershipState> escalated = flow.send(new AgentCommand(OwnershipCommands.ESCALATE, AGENT));
        Decision<OwnershipState> issueFailed = flow.send(new EffectFailed(OwnershipVerification.ESCALATION_KEY, "GitLab answered 500"));
        assertThat(effects(escalated, Effect.SlackMessage.class)).singleElement().satisfies(m -> assertThat(m.buttons()).isEmpty());
        assertThat(effects(issueFailed, Effect.SlackMessage.class)).singleElement()
                .satisfies(m -> assertThat(m.buttons()).as("escalated: no longer waiting on the requester").isEmpty());
    }
}
