package dev.supportbot.workflows.ownership;

import static dev.supportbot.workflows.ownership.Fixtures.*;
import static dev.supportbot.workflows.ownership.Fixtures.Setup.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Comment;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event.AgentCommand;
import dev.supportbot.workflows.engine.Event.EffectSucceeded;
import dev.supportbot.workflows.engine.Event.LinkedTicketUpdated;
import dev.supportbot.workflows.engine.Event.ReminderDue;
import dev.supportbot.workflows.engine.Event.TicketUpdated;
import dev.supportbot.workflows.engine.Person;
import dev.supportbot.workflows.ownership.Fixtures.Setup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Personal data and secrets: the Sold To contact only in the separate ticket; no comment text or secret anywhere. */
class PrivacyAndSecretsTest {
    /** Marks comment text: it must never be copied into a state or an effect. */
    static final String MARKER = "zq-body-marker-7731";

    private static List<Flow> flows;

    /** Many paths through the workflow, for every kind of subscription and requester (built once: pure). */
    static synchronized List<Flow> manyFlows() {
        if (flows == null) flows = buildFlows();
        return flows;
    }

    private static List<Flow> buildFlows() {
        List<Flow> flows = new ArrayList<>();
        for (Setup setup : Setup.values()) {
            for (Person requester : List.of(CUSTOMER, BILL_TO, SOLD_TO, STAFF, RESELLER)) {
                flows.add(refusalsThenApprovalOrDenial(setup, requester, "I approve"));
                flows.add(refusalsThenApprovalOrDenial(setup, requester, "I do not approve"));
                flows.add(remindedUntilExpiry(setup, requester));
                flows.add(escalated(setup, requester));
            }
        }
        return flows;
    }

    static Flow start(Setup setup, Person requester) {
        Flow flow = new Flow(setup.portal());
        flow.send(new TicketUpdated(ticket("Ownership of " + SUBSCRIPTION, "Please help " + MARKER + " code " + ACTIVATION_CODE, requester),
                List.of(fromRequester(1, requester, "Please help " + MARKER + " code " + ACTIVATION_CODE))));
        return flow;
    }

    static Flow refusalsThenApprovalOrDenial(Setup setup, Person requester, String answer) {
        Flow flow = start(setup, requester);
        flow.comments(requester,
                fromRequester(2, requester, MARKER + " my activation code: " + ACTIVATION_CODE),
                fromRequester(LICENSE_BROKEN, requester, MARKER + " license:\n" + LICENSE_TEXT),
                fromRequester(4, requester, MARKER + " screenshot, INV-0901-A, I approve, via our reseller"));
        flow.send(new EffectSucceeded(OwnershipVerification.SOLD_TO_TICKET_KEY, Map.of(Effect.OpenSeparateTicket.TICKET_ID, "987")));
        flow.send(new LinkedTicketUpdated(987, List.of(
                comment(5, BILL_TO, false, MARKER + " I approve " + ACTIVATION_CODE),
                comment(6, SOLD_TO, true, MARKER + " hmm " + LICENSE_TEXT))));
        flow.send(new LinkedTicketUpdated(987, List.of(comment(7, SOLD_TO, true, answer + " " + MARKER))));
        flow.comments(requester, fromRequester(LICENSE_OURS, requester, MARKER + "\n" + LICENSE_TEXT));
        return flow;
    }

    static Flow remindedUntilExpiry(Setup setup, Person requester) {
        Flow flow = start(setup, requester);
        for (int i = 1; i <= 3; i++) flow.at(NOW.plus(Duration.ofDays(i == 3 ? 7 : 2L * i))).send(new ReminderDue(i));
        return flow;
    }

    static Flow escalated(Setup setup, Person requester) {
        Flow flow = start(setup, requester);
        flow.send(new AgentCommand(OwnershipCommands.ESCALATE, "agent.smith"));
        flow.send(new AgentCommand(OwnershipCommands.CONFIRM_CONTRACT, "agent.smith"));
        return flow;
    }

    @Test
    void the_sold_to_contact_appears_only_in_the_separate_ticket() {
        List<Flow> flows = manyFlows();
        List<Effect> effects = flows.stream().flatMap(f -> f.allEffects.stream()).toList();
        List<OwnershipState> states = flows.stream().flatMap(f -> f.states.stream()).toList();

        assertThat(effects).filteredOn(e -> e instanceof Effect.OpenSeparateTicket)
                .as("the separate ticket does reach the Sold To").isNotEmpty()
                .allSatisfy(e -> assertThat(((Effect.OpenSeparateTicket) e).recipientEmail()).isEqualTo(SOLD_TO.email()));
        // When the requester is the Sold To, their own address is theirs to see; the check is about everyone else.
        for (Flow flow : flows) {
            if (flow.states.stream().anyMatch(s -> s instanceof OwnershipState.AwaitingProof p
                    && p.soldTo().status() == OwnershipState.SoldToRequest.Status.REQUESTER_IS_SOLD_TO)) continue;
            assertThat(flow.allEffects).filteredOn(e -> !(e instanceof Effect.OpenSeparateTicket))
                    .allSatisfy(e -> assertThat(e.toString().toLowerCase(Locale.ROOT))
                            .doesNotContain(SOLD_TO.email().toLowerCase(Locale.ROOT))
                            .doesNotContain(SOLD_TO.name().toLowerCase(Locale.ROOT))
                            .doesNotContain(SOLD_TO_CONTACT.address().toLowerCase(Locale.ROOT)));
        }
        assertThat(states).allSatisfy(s -> assertThat(s.toString()).doesNotContain(SOLD_TO.email()).doesNotContain(SOLD_TO.name()));
    }

    @Test
    void public_comments_name_no_one_s_email_address() {
        List<Effect.PublicComment> comments = manyFlows().stream().flatMap(f -> f.allEffects.stream())
                .filter(e -> e instanceof Effect.PublicComment).map(e -> (Effect.PublicComment) e).toList();
        assertThat(comments).isNotEmpty().allSatisfy(c -> assertThat(c.body()).doesNotContainPattern("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+"));
    }

    @Test
    void no_secret_and_no_comment_text_in_any_state_or_effect() {
        List<Flow> flows = manyFlows();
        List<String> everything = new ArrayList<>();
        flows.forEach(f -> f.states.forEach(s -> everything.add(s.toString())));
        flows.forEach(f -> f.allEffects.forEach(e -> everything.add(e.toString())));

        assertThat(flows).anySatisfy(f -> assertThat(f.state).isInstanceOf(OwnershipState.Verified.class));
        assertThat(everything).allSatisfy(text -> assertThat(text)
                .doesNotContain(ACTIVATION_CODE)
                .doesNotContainIgnoringCase(ACTIVATION_CODE.substring(0, 12))
                .doesNotContain(LICENSE_TEXT.substring(0, 20))
                .doesNotContain(LICENSE_TEXT.substring(LICENSE_TEXT.length() / 2, LICENSE_TEXT.length() / 2 + 20))
                .doesNotContain(MARKER));
    }

    @Test
    void the_license_proof_is_checked_by_comment_id_never_by_its_text() {
        Flow flow = refusalsThenApprovalOrDenial(SELF_MANAGED_DIRECT, CUSTOMER, "hmm");
        assertThat(flow.portal.asked).isNotEmpty()
                .allSatisfy(r -> assertThat(r.toString()).doesNotContain(LICENSE_TEXT.substring(0, 20)).doesNotContain(ACTIVATION_CODE));
        assertThat(flow.state).isInstanceOfSatisfying(OwnershipState.Verified.class,
                v -> assertThat(v.evidence().detail()).contains("license text in " + Fixtures.comment(LICENSE_OURS, CUSTOMER, true, "").inWords()));
    }

    @Test
    void the_approval_request_names_the_requester_but_not_their_address() {
        Flow flow = start(SELF_MANAGED_DIRECT, CUSTOMER);
        Effect.OpenSeparateTicket ticket = flow.allEffects.stream().filter(e -> e instanceof Effect.OpenSeparateTicket)
                .map(e -> (Effect.OpenSeparateTicket) e).findFirst().orElseThrow();
        assertThat(ticket.body()).contains(CUSTOMER.name()).doesNotContain(CUSTOMER.email()).doesNotContain(MARKER);
        assertThat(ticket.subject() + ticket.body()).doesNotContain(ACTIVATION_CODE);
    }

    @Test
    void comments_by_the_requester_with_only_a_secret_get_a_refusal_that_does_not_quote_it() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_DIRECT, CUSTOMER);
        var d = flow.comments(CUSTOMER, new Comment(90, CUSTOMER, true, true, "Code: " + ACTIVATION_CODE, List.of()));
        assertThat(Flow.publicText(d)).contains("activation code").doesNotContain(ACTIVATION_CODE);
    }
}
