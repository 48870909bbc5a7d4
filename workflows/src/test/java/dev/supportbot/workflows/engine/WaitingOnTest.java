package dev.supportbot.workflows.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.addcontact.AddContact;
import dev.supportbot.workflows.addcontact.AddContactState;
import dev.supportbot.workflows.approved.Gated;
import dev.supportbot.workflows.ownership.OwnershipState;
import dev.supportbot.workflows.ownership.OwnershipVerification;
import dev.supportbot.workflows.troubleshooting.LicenseTroubleshooting;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who a run waits on, as /lnr status and /lnr pending show it: people only while they owe something. */
class WaitingOnTest {
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void ownership_waits_on_the_requester_for_answers_and_on_an_agent_once_escalated() {
        OwnershipVerification w = new OwnershipVerification();
        assertThat(w.waitingOn(new OwnershipState.Requested())).isEmpty();
        assertThat(w.waitingOn(new OwnershipState.AwaitingSubscription(1, AT, 0, Set.of()))).contains(WaitingOn.REQUESTER);
        assertThat(w.waitingOn(new OwnershipState.Escalated(1, "A-S1", "slack:U1", null, null, AT))).contains(WaitingOn.AGENT);
        assertThat(w.waitingOn(new OwnershipState.Cancelled(1, null, "slack:U1", AT))).isEmpty();
        assertThat(w.waitingOn(new OwnershipState.Expired(1, null, AT))).isEmpty();
    }

    @Test
    void add_contact_waits_on_nobody_while_ownership_runs_or_once_finished() {
        AddContact w = new AddContact();
        assertThat(w.waitingOn(new AddContactState.Requested())).isEmpty();
        assertThat(w.waitingOn(new AddContactState.AwaitingOwnership(1, "sam@acme.example", AT))).isEmpty();
        assertThat(w.waitingOn(new AddContactState.GateEnd(new Gated.Cancellation(1, "slack:U1", AT)))).isEmpty();
    }

    @Test
    void troubleshooting_waits_on_the_requesters_comments_while_watching_and_on_nobody_once_closed() {
        LicenseTroubleshooting w = new LicenseTroubleshooting();
        assertThat(w.waitingOn(new TroubleshootingState.Watching(1, Set.of()))).isEqualTo(Optional.of(WaitingOn.REQUESTER));
        assertThat(w.waitingOn(new TroubleshootingState.Closed(1, "closed"))).isEmpty();
        assertThat(w.waitingOn(new TroubleshootingState.Requested())).isEmpty();
    }
}
