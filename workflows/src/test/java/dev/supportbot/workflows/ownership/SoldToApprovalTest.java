package dev.supportbot.workflows.ownership;

import static dev.supportbot.workflows.ownership.Fixtures.*;
import static dev.supportbot.workflows.ownership.Fixtures.Setup.*;
import static dev.supportbot.workflows.ownership.Flow.effects;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event.EffectFailed;
import dev.supportbot.workflows.engine.Event.EffectSucceeded;
import dev.supportbot.workflows.engine.Event.LinkedTicketUpdated;
import dev.supportbot.workflows.engine.Person;
import dev.supportbot.workflows.ownership.OwnershipState.AwaitingProof;
import dev.supportbot.workflows.ownership.OwnershipState.Rejected;
import dev.supportbot.workflows.ownership.OwnershipState.SoldToRequest;
import dev.supportbot.workflows.ownership.OwnershipState.Verified;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SoldToApprovalTest {
    static final long LINKED = 987;

    static Flow withOpenApprovalTicket() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_DIRECT, CUSTOMER);
        flow.send(opened("987"));
        return flow;
    }

    static EffectSucceeded opened(String id) {
        return new EffectSucceeded(OwnershipVerification.SOLD_TO_TICKET_KEY, Map.of(Effect.OpenSeparateTicket.TICKET_ID, id));
    }

    static LinkedTicketUpdated reply(long ticket, long commentId, Person author, String body) {
        return new LinkedTicketUpdated(ticket, List.of(comment(commentId, author, true, body)));
    }

    @Test
    void the_opened_ticket_id_is_recorded_once() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_DIRECT, CUSTOMER);
        Decision<OwnershipState> d = flow.send(opened("987"));
        assertThat(((AwaitingProof) d.state()).soldTo()).isEqualTo(new SoldToRequest(SoldToRequest.Status.OPEN, LINKED));
        assertThat(Flow.notes(d)).contains("#987").doesNotContain(SOLD_TO.email());

        OwnershipState after = flow.state;
        assertThat(flow.send(opened("988")).changesNothingFrom(after)).isTrue();
        assertThat(flow.send(new EffectSucceeded("some-other-key", Map.of())).changesNothingFrom(after)).isTrue();
    }

    @Test
    void a_failed_approval_ticket_is_reported_to_agents_and_other_proofs_still_work() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_DIRECT, CUSTOMER);
        Decision<OwnershipState> d = flow.send(new EffectFailed(OwnershipVerification.SOLD_TO_TICKET_KEY, "Zendesk 422"));
        assertThat(((AwaitingProof) d.state()).soldTo().status()).isEqualTo(SoldToRequest.Status.FAILED);
        assertThat(effects(d, Effect.SlackMessage.class)).hasSize(1);
        assertThat(effects(d, Effect.PublicComment.class)).isEmpty();
        assertThat(flow.comments(CUSTOMER, fromRequester(30, CUSTOMER, "INV-1001-A")).state()).isInstanceOf(Verified.class);
    }

    @Test
    void a_result_without_ticket_id_counts_as_failed() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_DIRECT, CUSTOMER);
        Decision<OwnershipState> d = flow.send(opened("n/a"));
        assertThat(((AwaitingProof) d.state()).soldTo().status()).isEqualTo(SoldToRequest.Status.FAILED);
    }

    @Test
    void the_sold_to_s_approval_on_the_separate_ticket_verifies() {
        Flow flow = withOpenApprovalTicket();
        Decision<OwnershipState> d = flow.send(reply(LINKED, 40, SOLD_TO, "Yes, approved. Thanks!"));
        assertThat(d.state()).isInstanceOfSatisfying(Verified.class, v -> {
            assertThat(v.evidence().kind()).isEqualTo(ProofKind.SOLD_TO_APPROVAL);
            assertThat(v.evidence().detail()).contains("#987", "on 7 December 2026, 10:40 UTC");
        });
        assertThat(d.effects()).contains(new Effect.AddTags(Set.of(OwnershipTags.VERIFIED)), new Effect.CancelReminders());
    }

    @Test
    void the_sold_to_s_refusal_rejects() {
        Flow flow = withOpenApprovalTicket();
        Decision<OwnershipState> d = flow.send(reply(LINKED, 41, SOLD_TO, "I do not approve. I don't know Carol."));
        assertThat(d.state()).isInstanceOf(Rejected.class);
        assertThat(d.effects()).contains(new Effect.AddTags(Set.of(OwnershipTags.REJECTED)), new Effect.CancelReminders());
        assertThat(Flow.publicText(d)).contains("not able to verify").doesNotContain("Alice").doesNotContain(SOLD_TO.email());
    }

    @Test
    void a_bill_to_reply_does_not_count_and_agents_are_told() {
        Flow flow = withOpenApprovalTicket();
        Decision<OwnershipState> d = flow.send(reply(LINKED, 42, BILL_TO, "I approve"));
        assertThat(d.state()).isInstanceOf(AwaitingProof.class);
        assertThat(d.effects()).singleElement().isInstanceOf(Effect.PrivateNote.class);
        assertThat(Flow.notes(d)).contains("Bill To", "Only the Sold To contact's approval counts");
    }

    @Test
    void an_unclear_reply_is_left_to_a_human_and_a_stranger_s_is_ignored() {
        Flow flow = withOpenApprovalTicket();
        Decision<OwnershipState> unclear = flow.send(reply(LINKED, 43, SOLD_TO, "Who is Carol?"));
        assertThat(unclear.state()).isInstanceOf(AwaitingProof.class);
        assertThat(Flow.notes(unclear)).contains("without a clear approval");

        Decision<OwnershipState> stranger = flow.send(reply(LINKED, 44, new Person("Mallory", "mallory@evil.example"), "I approve"));
        assertThat(stranger.effects()).isEmpty();
        assertThat(stranger.state()).isInstanceOf(AwaitingProof.class);
    }

    @Test
    void replies_on_another_ticket_or_before_the_ticket_id_is_known_are_ignored() {
        Flow flow = withOpenApprovalTicket();
        OwnershipState before = flow.state;
        assertThat(flow.send(reply(555, 45, SOLD_TO, "I approve")).changesNothingFrom(before)).isTrue();
        assertThat(flow.lastFacts).isEmpty();

        Flow opening = Flow.awaitingProof(SELF_MANAGED_DIRECT, CUSTOMER);
        OwnershipState waiting = opening.state;
        assertThat(opening.send(reply(LINKED, 46, SOLD_TO, "I approve")).changesNothingFrom(waiting)).isTrue();
    }

    @Test
    void a_repeated_reply_is_handled_once() {
        Flow flow = withOpenApprovalTicket();
        flow.send(reply(LINKED, 47, SOLD_TO, "Hmm?"));
        OwnershipState after = flow.state;
        assertThat(flow.send(reply(LINKED, 47, SOLD_TO, "Hmm?")).changesNothingFrom(after)).isTrue();
    }
}
