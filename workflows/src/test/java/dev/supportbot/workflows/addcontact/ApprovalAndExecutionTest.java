package dev.supportbot.workflows.addcontact;

import static dev.supportbot.workflows.addcontact.Sandbox.*;
import static dev.supportbot.workflows.approved.Phases.asking;
import static dev.supportbot.workflows.approved.Phases.halted;
import static dev.supportbot.workflows.approved.Phases.running;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.addcontact.AddContactState.*;
import dev.supportbot.workflows.approved.Gated;
import dev.supportbot.workflows.approved.StepResult;
import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Effect.UpdateApproval.Phase;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.plan.Plan;
import dev.supportbot.workflows.plan.Preview;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The approval bound to the plan's hash, step-by-step execution, failure and retry, expiry, rejection, cancel. */
class ApprovalAndExecutionTest {

    /** Sam with login off: three steps (membership, login, save the Sold To's customer last). */
    static Flow threeSteps() {
        Flow flow = Flow.awaitingApproval(Sandbox.seeded().withLogin(SAM, false), SAM_RIVERA, ACME_SUBSCRIPTION);
        assertThat(asking(flow.state).plan().changes()).hasSize(3);
        flow.approvalPosted(7);
        return flow;
    }

    @Test
    void a_decision_on_another_plan_or_another_approval_is_ignored() {
        Flow flow = threeSteps();
        Gate waiting = (Gate) flow.state;
        List<Event> others = List.of(
                new Event.ApprovalDecided(7, "0".repeat(64), true, List.of("slack:UAPPROVER"), null),
                new Event.ApprovalDecided(8, asking(waiting).planHash(), true, List.of("slack:UAPPROVER"), null),
                new Event.ApprovalDecided(7, "0".repeat(64), false, List.of("slack:UAPPROVER"), "no"),
                new Event.ApprovalDecided(7, asking(waiting).planHash(), true, List.of(), null),
                new Event.EffectSucceeded("step-1", Map.of(Effect.RunPlanStep.ALREADY_DONE, "false")),
                new Event.EffectSucceeded(Proposing.APPROVAL_KEY, Map.of(Effect.RequestApproval.APPROVAL_ID, "9")),
                new Event.EffectFailed(Proposing.APPROVAL_KEY, "late failure"),
                new Event.RetryRequested(7, 1, "slack:UAPPROVER"),
                new Event.AgentCommand(new Command("escalate"), "agent"));
        for (Event e : others) assertThat(flow.send(e).changesNothingFrom(waiting)).as(e.toString()).isTrue();
        assertThat(flow.state).isEqualTo(waiting);
    }

    @Test
    void an_approval_that_arrives_before_its_id_is_recognised_by_the_plan_hash() {
        Flow flow = Flow.awaitingApproval(Sandbox.seeded(), SAM_RIVERA, ACME_SUBSCRIPTION);
        Decision<AddContactState> d = flow.approved(12, "slack:UAPPROVER");
        assertThat(running(d.state())).satisfies( x -> assertThat(x.approvalId()).isEqualTo(12));
        assertThat(flow.last(Effect.RunPlanStep.class).approvalId()).isEqualTo(12);
        // The id's own result, when it comes, changes nothing any more.
        assertThat(flow.send(new Event.EffectSucceeded(Proposing.APPROVAL_KEY, Map.of(Effect.RequestApproval.APPROVAL_ID, "12")))
                .changesNothingFrom(d.state())).isTrue();
    }

    @Test
    void every_step_gets_the_preview_s_snapshots_around_it_and_the_message_follows_each_result() {
        Flow flow = threeSteps();
        Plan plan = asking(flow.state).plan();
        Preview preview = plan.preview();
        flow.approved(7, "slack:UAPPROVER");
        for (int k = 1; k <= 3; k++) {
            Effect.RunPlanStep step = flow.last(Effect.RunPlanStep.class);
            assertThat(step.key()).isEqualTo("step-" + k);
            assertThat(step.step()).isEqualTo(k);
            assertThat(step.change()).isEqualTo(plan.changes().get(k - 1));
            assertThat(step.expectedBefore()).isEqualTo(k == 1 ? preview.before() : preview.steps().get(k - 2).after());
            assertThat(step.expectedAfter()).isEqualTo(preview.steps().get(k - 1).after());
            Decision<AddContactState> d = flow.stepSucceeded(k == 2);
            Effect.UpdateApproval update = Flow.effects(d, Effect.UpdateApproval.class).get(0);
            assertThat(update.lines().get(k - 1)).endsWith(k == 2 ? ": already done (found done before it was run)" : ": done");
            if (k < 3) {
                assertThat(update.phase()).isEqualTo(Phase.EXECUTING);
                assertThat(update.lines().get(k)).endsWith(": running");
            } else {
                assertThat(update.phase()).isEqualTo(Phase.DONE);
                assertThat(d.state()).isInstanceOf(Done.class);
                assertThat(Flow.notes(d)).contains("1. Add Sam Rivera").contains("2. Activate login of Sam Rivera")
                        .contains("3. Save Pat Lee");
            }
        }
    }

    @Test
    void a_failure_at_step_2_waits_for_a_retry_from_step_2_with_new_keys() {
        Flow flow = threeSteps();
        flow.approved(7, "slack:UAPPROVER");
        flow.stepSucceeded(false);
        assertThat(flow.last(Effect.RunPlanStep.class).key()).isEqualTo("step-2");

        Decision<AddContactState> d = flow.stepFailed("the portal refused: customer 1102 is locked");
        assertThat(halted(d.state())).satisfies( f -> {
            assertThat(f.failedStep()).isEqualTo(2);
            assertThat(f.results()).containsExactly(StepResult.DONE, StepResult.FAILED, StepResult.NOT_RUN);
        });
        assertThat(flow.workflow.finished(d.state())).isFalse();
        Effect.UpdateApproval failed = Flow.effects(d, Effect.UpdateApproval.class).get(0);
        assertThat(failed.phase()).isEqualTo(Phase.FAILED);
        assertThat(failed.retryFromStep()).isEqualTo(2);
        assertThat(failed.lines()).last().asString().contains("Failed at step 2: the portal refused").contains("Steps 2 to 3 did not run");
        assertThat(Flow.notes(d)).contains("failed at step 2 of 3: the portal refused: customer 1102 is locked")
                .contains("Steps 2 to 3 did not run").contains("retry from step 2");
        assertThat(Flow.publicText(d)).isEmpty();

        AddContactState failedState = d.state();
        assertThat(flow.send(new Event.RetryRequested(7, 1, "slack:UAPPROVER")).changesNothingFrom(failedState)).as("other step").isTrue();
        assertThat(flow.send(new Event.RetryRequested(8, 2, "slack:UAPPROVER")).changesNothingFrom(failedState)).as("other approval").isTrue();
        assertThat(flow.send(new Event.EffectSucceeded("step-2", Map.of())).changesNothingFrom(failedState)).as("late result").isTrue();

        d = flow.send(new Event.RetryRequested(7, 2, "slack:UOTHER"));
        assertThat(running(d.state())).satisfies( x -> {
            assertThat(x.step()).isEqualTo(2);
            assertThat(x.round()).isEqualTo(1);
        });
        Effect.RunPlanStep retried = flow.last(Effect.RunPlanStep.class);
        assertThat(retried.key()).isEqualTo("step-2-round-1");
        assertThat(retried.round()).isEqualTo(1);
        assertThat(Flow.notes(d)).contains("a Slack user asked to retry the plan from step 2");

        assertThat(flow.send(new Event.EffectSucceeded("step-2", Map.of())).changesNothingFrom(d.state()))
                .as("the failed attempt's key").isTrue();
        flow.stepSucceeded(false);
        assertThat(flow.last(Effect.RunPlanStep.class).key()).isEqualTo("step-3-round-1");
        d = flow.stepSucceeded(false);
        assertThat(d.state()).isInstanceOf(Done.class);
        // A second failure and retry is round 2.
        Flow again = threeSteps();
        again.approved(7, "slack:UAPPROVER");
        again.stepFailed("boom");
        again.send(new Event.RetryRequested(7, 1, "slack:UAPPROVER"));
        again.stepFailed("boom again");
        again.send(new Event.RetryRequested(7, 1, "slack:UAPPROVER"));
        assertThat(again.last(Effect.RunPlanStep.class).key()).isEqualTo("step-1-round-2");
    }

    @Test
    void a_rejection_is_noted_with_who_and_why_and_closes_the_approval() {
        Flow flow = threeSteps();
        String hash = asking(flow.state).planHash();
        Decision<AddContactState> d = flow.send(new Event.ApprovalDecided(7, hash, false, List.of("slack:UAPPROVER"), "wrong account"));
        assertThat(d.state()).isEqualTo(new GateEnd(new Gated.Rejection(TICKET, ACME_SUBSCRIPTION, 7, "slack:UAPPROVER", NOW)));
        assertThat(d.effects()).contains(new Effect.CancelReminders(),
                new Effect.UpdateApproval(7, Phase.REJECTED, List.of("Rejected by <@UAPPROVER>: wrong account"), null));
        assertThat(Flow.notes(d)).contains("rejected by a Slack user: wrong account").contains("Nothing was changed");
        assertThat(Flow.publicText(d)).isEmpty();
        assertThat(flow.allEffects).noneMatch(e -> e instanceof Effect.RunPlanStep);
    }

    @Test
    void an_approval_request_that_cannot_be_posted_goes_to_a_person() {
        Flow flow = Flow.awaitingApproval(Sandbox.seeded(), SAM_RIVERA, ACME_SUBSCRIPTION);
        Decision<AddContactState> d = flow.send(new Event.EffectFailed(Proposing.APPROVAL_KEY, "Slack is not configured"));
        assertThat(d.state()).isInstanceOfSatisfying(NeedsHuman.class, n -> assertThat(n.why()).isEqualTo(Handoff.APPROVAL_NOT_POSTED));
        assertThat(Flow.notes(d)).contains("could not ask for approval in Slack (Slack is not configured)");
        assertThat(d.effects()).contains(new Effect.CancelReminders());

        Flow noId = Flow.awaitingApproval(Sandbox.seeded(), SAM_RIVERA, ACME_SUBSCRIPTION);
        d = noId.send(new Event.EffectSucceeded(Proposing.APPROVAL_KEY, Map.of()));
        assertThat(d.state()).isInstanceOf(NeedsHuman.class);
        assertThat(Flow.notes(d)).contains("no approval id in the result");
    }

    @Test
    void a_plan_not_decided_within_the_ttl_expires() {
        Flow flow = threeSteps();
        AddContactState waiting = flow.state;
        Event expiry = new Event.ReminderDue(AddContactSettings.APPROVAL_EXPIRY);
        assertThat(flow.at(NOW.plus(Duration.ofHours(71))).send(expiry).changesNothingFrom(waiting)).as("early").isTrue();
        assertThat(flow.at(NOW.plus(Duration.ofHours(72))).send(new Event.ReminderDue(1)).changesNothingFrom(waiting))
                .as("another reminder").isTrue();

        Decision<AddContactState> d = flow.send(expiry);
        assertThat(d.state()).isInstanceOfSatisfying(Expired.class, e -> assertThat(e.waitedFor()).isEqualTo(Wait.APPROVAL));
        assertThat(d.effects()).contains(new Effect.UpdateApproval(7, Phase.EXPIRED, List.of(InternalNotes.expiredLine()), null));
        assertThat(Flow.notes(d)).contains("not approved within 72 hours");
        assertThat(Flow.publicText(d)).isEmpty();
        assertThat(flow.workflow.finished(d.state())).isTrue();
        // A click after expiry reaches a final state: nothing happens.
        assertThat(flow.send(new Event.ApprovalDecided(7, "x", true, List.of("slack:U"), null)).changesNothingFrom(d.state())).isTrue();
    }

    @Test
    void the_approval_ttl_is_a_setting() {
        Flow flow = new Flow(Sandbox.seeded(), Sandbox.verified(ACME_SUBSCRIPTION));
        flow.ctx = new dev.supportbot.workflows.engine.Context(NOW, flow.ctx.policy(),
                flow.ctx.settings().with(AddContactSettings.APPROVAL_TTL, Duration.ofHours(5)));
        flow.start(SAM_RIVERA);
        Decision<AddContactState> d = flow.continued();
        assertThat(flow.last(Effect.RequestApproval.class).ttl()).isEqualTo(Duration.ofHours(5));
        assertThat(d.effects()).contains(new Effect.ScheduleReminder(AddContactSettings.APPROVAL_EXPIRY, Duration.ofHours(5)));
        assertThat(asking(d.state()).expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(5)));
    }

    @Test
    void cancel_ends_every_open_state_and_closes_an_open_approval() {
        Event cancel = new Event.AgentCommand(Command.CANCEL, "slack:UAGENT");

        Flow waitingOwnership = new Flow(Sandbox.seeded(), null);
        waitingOwnership.start(SAM_RIVERA);
        Flow planning = new Flow(Sandbox.seeded(), Sandbox.verified(ACME_SUBSCRIPTION));
        planning.start(SAM_RIVERA);
        Flow asking = new Flow(Sandbox.seeded().withMembership(9, SAM, HOOLI), Sandbox.verified(ACME_SUBSCRIPTION));
        asking.start(SAM_RIVERA);
        asking.continued();
        Flow approving = threeSteps();
        Flow executing = threeSteps();
        executing.approved(7, "slack:UAPPROVER");
        Flow failed = threeSteps();
        failed.approved(7, "slack:UAPPROVER");
        failed.stepFailed("boom");

        for (Flow flow : List.of(waitingOwnership, planning, asking, approving, executing, failed)) {
            String was = flow.state.getClass().getSimpleName();
            assertThat(flow.state).as(was).isInstanceOf(Gated.Open.class);
            Decision<AddContactState> d = flow.send(cancel);
            assertThat(d.state()).as(was).isEqualTo(new GateEnd(new Gated.Cancellation(TICKET, "slack:UAGENT", NOW)));
            assertThat(d.effects()).as(was).startsWith(new Effect.CancelReminders());
            boolean hasApproval = flow == approving || flow == executing || flow == failed;
            assertThat(Flow.effects(d, Effect.UpdateApproval.class)).as(was)
                    .hasSize(hasApproval ? 1 : 0)
                    .allSatisfy(u -> assertThat(u.phase()).isEqualTo(Phase.CANCELLED));
            assertThat(Flow.notes(d)).as(was).contains("cancelled by a Slack user");
            assertThat(Flow.notes(d)).as(was).contains(flow == executing ? "Step 1 was already handed to the portal" : "cancelled");
            assertThat(flow.workflow.finished(d.state())).isTrue();
        }
        // A late step result after the cancel changes nothing.
        assertThat(executing.send(new Event.EffectSucceeded("step-1", Map.of())).changesNothingFrom(executing.state)).isTrue();
    }
}
