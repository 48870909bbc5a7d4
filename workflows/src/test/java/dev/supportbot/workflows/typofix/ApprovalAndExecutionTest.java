package dev.supportbot.workflows.typofix;

import static dev.supportbot.workflows.approved.Phases.asking;
import static dev.supportbot.workflows.approved.Phases.halted;
import static dev.supportbot.workflows.approved.Phases.running;
import static dev.supportbot.workflows.typofix.Flow.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.approved.Phases;
import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Effect.UpdateApproval.Phase;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.Outcome;
import dev.supportbot.workflows.engine.WaitingOn;
import dev.supportbot.workflows.plan.PortalChange;
import dev.supportbot.workflows.typofix.TypoFixState.*;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Step 5 beyond the happy path: no plan, rejection, expiry, a failed step and its retry, cancel. */
class ApprovalAndExecutionTest {

    @Test
    void a_sold_to_that_is_neither_address_gets_no_plan() {
        Flow flow = Flow.awaitingConfirmation();
        Contact someoneElse = new Contact("Ada", "Wong", "ada@umbrella.example", "x");
        flow.accounts.set(0, new BillingAccount(1004, "A00004001", "Umbrella", someoneElse, someoneElse, null));
        flow.amReplies("yes");
        var d = flow.continued();
        assertThat(((Stopped) d.state()).why()).isEqualTo(StopReason.NO_PLAN);
        assertThat(notes(d)).contains("neither the mistyped nor the corrected address");
        assertThat(effects(d, Effect.RequestApproval.class)).isEmpty();
    }

    @Test
    void a_corrected_address_another_customer_has_needs_a_person() {
        Flow flow = Flow.awaitingConfirmation();
        flow.customers.add(new Customer(1402, "Al", "Ice", FIXED, "Umbrella", true, null));
        flow.amReplies("yes");
        var d = flow.continued();
        assertThat(((Stopped) d.state()).why()).isEqualTo(StopReason.NO_PLAN);
        assertThat(notes(d)).contains("another customer already has the corrected email");
    }

    @Test
    void the_sold_to_already_corrected_still_gets_the_code_resent() {
        Flow flow = Flow.awaitingConfirmation();
        Contact fixed = new Contact("Alice", "Abernathy", FIXED, "x");
        flow.accounts.set(0, new BillingAccount(1004, "A00004001", "Umbrella", fixed, fixed, null));
        flow.amReplies("yes");
        assertThat(asking(flow.continued().state()).plan().changes())
                .containsExactly(new PortalChange.ResendActivationCode(UMBRELLA_SUBSCRIPTION, FIXED));
    }

    @Test
    void a_sold_to_that_is_not_what_the_plan_predicted_after_the_last_step_ends_handed_to_the_billing_team() {
        Flow flow = Flow.awaitingApproval();
        flow.approvalPosted(31);
        flow.approved(31, "slack:UAPPROVER");
        while (running(flow.state).step() < running(flow.state).plan().changes().size()) flow.stepSucceeded();
        Event lastStep = new Event.EffectSucceeded(flow.last(Effect.RunPlanStep.class).key(), Map.of());
        Contact someoneElse = new Contact("Ada", "Wong", "ada@umbrella.example", "x");
        Facts.Builder reread = Facts.builder();
        for (FactRequest<?> read : flow.workflow.factsNeeded(flow.state, lastStep)) {
            BillingAccount planned = flow.accounts.stream().filter(a -> a.id() == ((FactRequest.BillingAccountById) read).id()).findFirst().orElseThrow();
            reread.put(read, new BillingAccount(planned.id(), planned.zuoraAccountId(), planned.company(), someoneElse, someoneElse, null));
        }

        var d = flow.workflow.decide(flow.state, lastStep, reread.build(), flow.ctx);

        assertThat(d.state()).matches(Phases::isHandedOver);
        assertThat(publicText(d)).isEmpty();
        Outcome outcome = flow.workflow.outcome(d.state());
        assertThat(outcome.result()).isEqualTo("handed to the billing team");
        assertThat(outcome.finished()).isTrue();
        assertThat(outcome.detail(Outcome.SUBSCRIPTION)).contains(UMBRELLA_SUBSCRIPTION);
        assertThat(outcome.detail("approval")).contains("31");
        assertThat(flow.workflow.waitingOn(d.state())).isEmpty();
    }

    /** As every gated workflow: the approvers are awaited while they decide, the AM while the confirmation is owed. */
    @Test
    void the_outcome_names_the_approval_and_who_is_awaited() {
        Flow flow = Flow.awaitingConfirmation();
        assertThat(flow.workflow.waitingOn(flow.state)).contains(WaitingOn.REQUESTER);
        flow.amReplies("Yes, that is right.");
        flow.continued();
        flow.approvalPosted(31);
        assertThat(flow.workflow.waitingOn(flow.state)).contains(WaitingOn.APPROVER);
        assertThat(flow.workflow.outcome(flow.state).detail("approval")).contains("31");
        String hash = asking(flow.state).planHash();
        var d = flow.send(new Event.ApprovalDecided(31, hash, false, List.of("slack:UAPPROVER"), "ask the AM again"));
        assertThat(flow.workflow.outcome(d.state()).detail("approval")).contains("31");
        assertThat(flow.workflow.waitingOn(d.state())).isEmpty();
    }

    @Test
    void a_rejection_ends_the_run_with_its_reason() {
        Flow flow = Flow.awaitingApproval();
        flow.approvalPosted(31);
        String hash = asking(flow.state).planHash();
        var d = flow.send(new Event.ApprovalDecided(31, hash, false, List.of("slack:UAPPROVER"), "ask the AM again"));
        assertThat(d.state()).matches(Phases::isRejected);
        assertThat(effects(d, Effect.UpdateApproval.class)).singleElement().satisfies(u -> assertThat(u.phase()).isEqualTo(Phase.REJECTED));
        assertThat(notes(d)).contains("rejected by a Slack user: ask the AM again");
    }

    @Test
    void a_decision_on_another_plan_or_approval_changes_nothing() {
        Flow flow = Flow.awaitingApproval();
        flow.approvalPosted(31);
        TypoFixState before = flow.state;
        String hash = asking(before).planHash();
        assertThat(flow.send(new Event.ApprovalDecided(31, "other", true, List.of("slack:U1"), null)).changesNothingFrom(before)).isTrue();
        assertThat(flow.send(new Event.ApprovalDecided(32, hash, true, List.of("slack:U1"), null)).changesNothingFrom(before)).isTrue();
    }

    @Test
    void the_plan_expires_after_72_hours() {
        Flow flow = Flow.awaitingApproval();
        flow.approvalPosted(31);
        assertThat(flow.after(Duration.ofHours(71)).send(new Event.ReminderDue(TypoFixSettings.APPROVAL_EXPIRY)).effects()).isEmpty();
        var d = flow.after(Duration.ofHours(1)).send(new Event.ReminderDue(TypoFixSettings.APPROVAL_EXPIRY));
        assertThat(((Expired) d.state()).waitedFor()).isEqualTo(Wait.APPROVAL);
        assertThat(effects(d, Effect.UpdateApproval.class)).singleElement().satisfies(u -> assertThat(u.phase()).isEqualTo(Phase.EXPIRED));
        assertThat(notes(d)).contains("not approved within 72 hours");
    }

    @Test
    void a_failed_step_waits_for_a_retry_from_that_step_in_a_new_round() {
        Flow flow = Flow.awaitingApproval();
        flow.approvalPosted(31);
        flow.approved(31, "slack:UAPPROVER");
        flow.stepSucceeded();
        var failed = flow.stepFailed("portal answered 503");
        assertThat(halted(failed.state()).failedStep()).isEqualTo(2);
        assertThat(effects(failed, Effect.UpdateApproval.class)).singleElement().satisfies(u -> {
            assertThat(u.phase()).isEqualTo(Phase.FAILED);
            assertThat(u.retryFromStep()).isEqualTo(2);
        });
        assertThat(notes(failed)).contains("failed at step 2 of 2: portal answered 503");
        assertThat(flow.send(new Event.RetryRequested(31, 1, "slack:U2")).changesNothingFrom(failed.state())).isTrue();
        var retry = flow.send(new Event.RetryRequested(31, 2, "slack:U2"));
        assertThat(effects(retry, Effect.RunPlanStep.class)).singleElement().satisfies(s -> {
            assertThat(s.step()).isEqualTo(2);
            assertThat(s.round()).isEqualTo(1);
            assertThat(s.key()).isEqualTo("step-2-round-1");
        });
        assertThat(flow.stepSucceeded().state()).isInstanceOf(Done.class);
    }

    @Test
    void cancel_closes_an_open_approval() {
        Flow flow = Flow.awaitingApproval();
        flow.approvalPosted(31);
        var d = flow.send(new Event.AgentCommand(Command.CANCEL, "slack:UAGENT"));
        assertThat(d.state()).matches(Phases::isCancelled);
        assertThat(d.effects()).contains(new Effect.CancelReminders(),
                new Effect.UpdateApproval(31, Phase.CANCELLED, List.of("Cancelled by <@UAGENT>."), null));
    }
}
