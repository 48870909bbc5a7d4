package dev.supportbot.workflows.ownership;

import static dev.supportbot.workflows.ownership.Fixtures.*;
import static dev.supportbot.workflows.ownership.Fixtures.Setup.*;
import static dev.supportbot.workflows.ownership.Flow.effects;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event.AgentCommand;
import dev.supportbot.workflows.engine.Event.EffectFailed;
import dev.supportbot.workflows.engine.Event.EffectSucceeded;
import dev.supportbot.workflows.engine.Event.TicketUpdated;
import dev.supportbot.workflows.ownership.OwnershipState.AwaitingSubscription;
import dev.supportbot.workflows.ownership.OwnershipState.Cancelled;
import dev.supportbot.workflows.ownership.OwnershipState.Escalated;
import dev.supportbot.workflows.ownership.OwnershipState.Rejected;
import dev.supportbot.workflows.ownership.OwnershipState.Verified;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentCommandsTest {
    static final String AGENT = "agent.smith";

    static AgentCommand command(Command c) {
        return new AgentCommand(c, AGENT);
    }

    @Test
    void a_confirmed_prior_contract_verifies_with_the_agent_as_evidence() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_DIRECT, CUSTOMER);
        Decision<OwnershipState> d = flow.send(command(OwnershipCommands.CONFIRM_CONTRACT));
        assertThat(d.state()).isInstanceOfSatisfying(Verified.class, v -> {
            assertThat(v.evidence().kind()).isEqualTo(ProofKind.PRIOR_CONTRACT);
            assertThat(v.evidence().detail()).isEqualTo("prior contract confirmed by agent.smith");
        });
        assertThat(Flow.notes(d)).contains("prior contract confirmed by agent.smith");
        OwnershipState verified = flow.state;
        assertThat(flow.send(command(OwnershipCommands.CONFIRM_CONTRACT)).changesNothingFrom(verified)).as("macro applied twice").isTrue();
    }

    @Test
    void escalation_opens_the_legal_issue_and_parks_the_workflow() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_DIRECT, CUSTOMER);
        Decision<OwnershipState> d = flow.send(command(OwnershipCommands.ESCALATE));

        assertThat(d.state()).isEqualTo(new Escalated(TICKET_ID, SUBSCRIPTION, AGENT, null, null, NOW));
        assertThat(effects(d, Effect.OpenEscalationIssue.class)).singleElement().satisfies(i -> {
            assertThat(i.template()).isEqualTo("Subscription-Ownership-Change-Escalation");
            assertThat(i.key()).isEqualTo(OwnershipVerification.ESCALATION_KEY);
            assertThat(i.title()).contains(SUBSCRIPTION, "#" + TICKET_ID);
            assertThat(i.description()).doesNotContain(CUSTOMER.email()).doesNotContain(SOLD_TO.email());
        });
        assertThat(d.effects()).contains(new Effect.CancelReminders(), new Effect.AddTags(Set.of(OwnershipTags.ESCALATED)));
        assertThat(Flow.publicText(d)).contains("additional review").doesNotContain("Legal");

        // parked: customer comments and reminders change nothing
        OwnershipState parked = flow.state;
        assertThat(flow.comments(CUSTOMER, fromRequester(60, CUSTOMER, "INV-1001-A")).changesNothingFrom(parked)).isTrue();
        assertThat(flow.send(new dev.supportbot.workflows.engine.Event.ReminderDue(3)).changesNothingFrom(parked)).isTrue();
        assertThat(flow.send(command(OwnershipCommands.ESCALATE)).changesNothingFrom(parked)).isTrue();
    }

    @Test
    void the_escalation_issue_url_is_recorded_once_and_a_failure_is_reported() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_DIRECT, CUSTOMER);
        flow.send(command(OwnershipCommands.ESCALATE));
        Decision<OwnershipState> opened = flow.send(new EffectSucceeded(OwnershipVerification.ESCALATION_KEY,
                Map.of(Effect.OpenEscalationIssue.ISSUE_URL, "https://issues.example/legal/17")));
        assertThat(((Escalated) opened.state()).issueUrl()).isEqualTo("https://issues.example/legal/17");
        assertThat(Flow.notes(opened)).contains("https://issues.example/legal/17");
        OwnershipState after = flow.state;
        assertThat(flow.send(new EffectSucceeded(OwnershipVerification.ESCALATION_KEY,
                Map.of(Effect.OpenEscalationIssue.ISSUE_URL, "https://issues.example/legal/18"))).changesNothingFrom(after)).isTrue();

        Flow failing = Flow.awaitingProof(SELF_MANAGED_DIRECT, CUSTOMER);
        failing.send(command(OwnershipCommands.ESCALATE));
        Decision<OwnershipState> failed = failing.send(new EffectFailed(OwnershipVerification.ESCALATION_KEY, "403"));
        assertThat(effects(failed, Effect.SlackMessage.class)).hasSize(1);
        assertThat(Flow.notes(failed)).contains("Subscription-Ownership-Change-Escalation");
        OwnershipState afterFailure = failing.state;
        assertThat(failing.send(new EffectFailed(OwnershipVerification.ESCALATION_KEY, "403")).changesNothingFrom(afterFailure)).isTrue();
    }

    @Test
    void after_escalation_an_agent_verifies_or_rejects() {
        Flow verify = Flow.awaitingProof(SELF_MANAGED_DIRECT, CUSTOMER);
        verify.send(command(OwnershipCommands.ESCALATE));
        Decision<OwnershipState> v = verify.send(command(OwnershipCommands.CONFIRM_CONTRACT));
        assertThat(v.state()).isInstanceOf(Verified.class);
        assertThat(effects(v, Effect.RemoveTags.class)).singleElement()
                .satisfies(r -> assertThat(r.tags()).contains(OwnershipTags.ESCALATED));

        Flow reject = Flow.awaitingProof(SELF_MANAGED_DIRECT, CUSTOMER);
        reject.send(command(OwnershipCommands.ESCALATE));
        assertThat(reject.send(command(OwnershipCommands.REJECT)).state()).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.reason()).contains(AGENT, "escalation"));
    }

    @Test
    void cancel_stops_quietly() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_DIRECT, CUSTOMER);
        Decision<OwnershipState> d = flow.send(command(Command.CANCEL));
        assertThat(d.state()).isEqualTo(new Cancelled(TICKET_ID, SUBSCRIPTION, AGENT, NOW));
        assertThat(d.effects()).contains(new Effect.CancelReminders(), new Effect.AddTags(Set.of(OwnershipTags.CANCELLED)));
        assertThat(effects(d, Effect.PublicComment.class)).isEmpty();
        OwnershipState cancelled = flow.state;
        assertThat(flow.comments(CUSTOMER, fromRequester(61, CUSTOMER, "INV-1001-A")).changesNothingFrom(cancelled)).isTrue();
    }

    @Test
    void confirming_a_contract_before_the_subscription_is_known_only_notes_why_not() {
        Flow flow = new Flow(SELF_MANAGED_DIRECT.portal());
        flow.send(new TicketUpdated(ticket("Help", "", CUSTOMER), List.of()));
        OwnershipState before = flow.state;
        Decision<OwnershipState> d = flow.send(command(OwnershipCommands.CONFIRM_CONTRACT));
        assertThat(d.state()).isEqualTo(before);
        assertThat(d.effects()).singleElement().isInstanceOf(Effect.PrivateNote.class);
        assertThat(flow.send(command(OwnershipCommands.ESCALATE)).state()).isInstanceOfSatisfying(Escalated.class,
                e -> assertThat(e.subscriptionName()).isNull());
    }

    @Test
    void waiting_for_the_name_can_be_cancelled_or_rejected() {
        Flow cancel = new Flow(SELF_MANAGED_DIRECT.portal());
        cancel.send(new TicketUpdated(ticket("Help", "", CUSTOMER), List.of()));
        assertThat(cancel.state).isInstanceOf(AwaitingSubscription.class);
        assertThat(cancel.send(command(Command.CANCEL)).state()).isInstanceOf(Cancelled.class);

        Flow reject = new Flow(SELF_MANAGED_DIRECT.portal());
        reject.send(new TicketUpdated(ticket("Help", "", CUSTOMER), List.of()));
        assertThat(reject.send(command(OwnershipCommands.REJECT)).state()).isInstanceOf(Rejected.class);
    }
}
