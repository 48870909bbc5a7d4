package dev.supportbot.workflows.changecontact;

import static dev.supportbot.workflows.approved.Phases.asking;
import static dev.supportbot.workflows.approved.Phases.halted;
import static dev.supportbot.workflows.changecontact.Flow.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.approved.Phases;
import dev.supportbot.workflows.changecontact.ChangeContactState.*;
import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Effect.UpdateApproval.Phase;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.WaitingOn;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The approval (bound to the plan's hash), its expiry, a failed step and its retry, a cancel while running. */
class ApprovalAndExecutionTest {

    @Test
    void a_decision_on_another_plan_or_approval_changes_nothing() {
        Flow flow = Flow.assistedAwaitingApproval(SAM);
        ChangeContactState before = flow.state;
        assertThat(flow.send(new Event.ApprovalDecided(7, "other-hash", true, List.of("slack:U1", "slack:U2"), null))
                .changesNothingFrom(before)).isTrue();
        String hash = asking(before).planHash();
        assertThat(flow.send(new Event.ApprovalDecided(8, hash, true, List.of("slack:U1", "slack:U2"), null))
                .changesNothingFrom(before)).isTrue();
        assertThat(flow.workflow.waitingOn(before)).contains(WaitingOn.APPROVER);
    }

    @Test
    void a_rejection_closes_the_approval_and_changes_nothing() {
        Flow flow = Flow.assistedAwaitingApproval(SAM);
        String hash = asking(flow.state).planHash();
        var d = flow.send(new Event.ApprovalDecided(7, hash, false, List.of("slack:U1"), "Sam left Acme"));
        assertThat(flow.state).matches(Phases::isRejected);
        assertThat(Flow.effects(d, Effect.UpdateApproval.class)).extracting(Effect.UpdateApproval::phase).containsExactly(Phase.REJECTED);
        assertThat(flow.notes()).contains("Sam left Acme");
        assertThat(flow.all(Effect.RunPlanStep.class)).isEmpty();
    }

    @Test
    void an_undecided_plan_expires_after_its_ttl_not_before() {
        Flow flow = Flow.assistedAwaitingApproval(SAM);
        ChangeContactState before = flow.state;
        assertThat(flow.after(Duration.ofHours(1)).send(new Event.ReminderDue(ChangeContactSettings.APPROVAL_EXPIRY))
                .changesNothingFrom(before)).isTrue();
        var d = flow.after(Duration.ofHours(72)).send(new Event.ReminderDue(ChangeContactSettings.APPROVAL_EXPIRY));
        assertThat(flow.state).isInstanceOfSatisfying(Expired.class, e -> assertThat(e.waitedFor()).isEqualTo(Wait.APPROVAL));
        assertThat(Flow.effects(d, Effect.UpdateApproval.class)).extracting(Effect.UpdateApproval::phase).containsExactly(Phase.EXPIRED);
    }

    @Test
    void a_step_whose_facts_changed_fails_and_an_approver_retries_it_in_a_new_round() {
        Flow flow = Flow.assistedAwaitingApproval(SAM);
        flow.approved(7, "slack:U1", "slack:U2");
        flow.stepSucceeded();
        var d = flow.stepFailed("the portal no longer looks as the preview predicted before step 2");
        assertThat(halted(flow.state)).satisfies( f -> assertThat(f.failedStep()).isEqualTo(2));
        assertThat(Flow.effects(d, Effect.UpdateApproval.class).get(0).retryFromStep()).isEqualTo(2);
        assertThat(flow.all(Effect.PublicComment.class)).noneMatch(c -> c.body().contains("now the subscription management"));

        assertThat(flow.send(new Event.RetryRequested(7, 1, "slack:U1")).changesNothingFrom(flow.state)).isTrue();
        flow.send(new Event.RetryRequested(7, 2, "slack:U1"));
        Effect.RunPlanStep retried = flow.last(Effect.RunPlanStep.class);
        assertThat(retried.step()).isEqualTo(2);
        assertThat(retried.round()).isEqualTo(1);
        assertThat(retried.key()).isEqualTo("step-2-round-1");
        flow.runAllSteps();
        assertThat(flow.state).isInstanceOf(Done.class);
    }

    @Test
    void cancel_while_running_closes_the_approval_and_says_which_step_may_still_complete() {
        Flow flow = Flow.assistedAwaitingApproval(SAM);
        flow.approved(7, "slack:U1", "slack:U2");
        var d = flow.command(Command.CANCEL);
        assertThat(flow.state).matches(Phases::isCancelled);
        assertThat(Flow.effects(d, Effect.UpdateApproval.class)).extracting(Effect.UpdateApproval::phase).containsExactly(Phase.CANCELLED);
        assertThat(flow.notes()).contains("Step 1 was already handed to the portal");
    }

    @Test
    void an_approval_that_could_not_be_posted_goes_to_a_person() {
        Flow flow = new Flow(SAM);
        flow.ownership = verified();
        flow.start();
        flow.continued();
        flow.send(new Event.EffectFailed(Proposing.APPROVAL_KEY, "Slack unreachable"));
        assertThat(flow.state).isInstanceOfSatisfying(NeedsHuman.class, n -> assertThat(n.why()).isEqualTo(Handoff.APPROVAL_NOT_POSTED));
    }
}
