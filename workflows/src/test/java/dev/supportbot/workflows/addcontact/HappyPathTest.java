package dev.supportbot.workflows.addcontact;

import static dev.supportbot.workflows.addcontact.Sandbox.*;
import static dev.supportbot.workflows.approved.Phases.asking;
import static dev.supportbot.workflows.approved.Phases.running;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.addcontact.AddContactState.*;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Effect.UpdateApproval.Phase;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.ownership.OwnershipVerification;
import dev.supportbot.workflows.plan.Plan;
import dev.supportbot.workflows.plan.PlanJson;
import dev.supportbot.workflows.plan.PlanScope;
import dev.supportbot.workflows.plan.PortalChange;
import dev.supportbot.workflows.plan.Preview;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole runs as sequences of decisions, from the start tag to the end, with the sandbox's cases. */
class HappyPathTest {

    @Test
    void acme_sam_rivera_from_start_to_done() {
        Flow flow = new Flow(Sandbox.seeded(), Sandbox.verified(ACME_SUBSCRIPTION));

        Decision<AddContactState> d = flow.start(SAM_RIVERA);
        assertThat(flow.asked).containsExactly(new FactRequest.OutcomeOf(TICKET, OwnershipVerification.KIND));
        assertThat(d.state()).isEqualTo(new Planning(TICKET, "sam@acme.example",
                new Verification(ACME_SUBSCRIPTION, "invoice"), false, Proposing.FACTS_KEY));
        assertThat(d.effects()).containsExactly(new Effect.PrivateNote(InternalNotes.planning(new Verification(ACME_SUBSCRIPTION, "invoice"))),
                new Effect.Continue(Proposing.FACTS_KEY));

        d = flow.continued();
        assertThat(flow.asked).endsWith(new FactRequest.PlanFactsOf(ACME_SUBSCRIPTION, List.of("sam@acme.example")));
        Gate waiting = (Gate) d.state();
        Plan plan = waiting.plan();
        assertThat(plan.changes()).containsExactly(new PortalChange.CreateMembership(SAM, ACME));
        assertThat(plan.ticketId()).isEqualTo(TICKET);
        assertThat(asking(waiting).planHash()).isEqualTo(PlanJson.hash(plan));
        assertThat(asking(waiting).approvalId()).isNull();
        assertThat(asking(waiting).expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(72)));
        assertThat(d.effects()).hasSize(3);
        assertThat(d.effects().get(0)).isEqualTo(new Effect.RequestApproval(Proposing.APPROVAL_KEY, plan, 1, Duration.ofHours(72)));
        assertThat(Flow.notes(d)).contains("waits for approval")
                .contains("1. Add Sam Rivera <sam@acme.example> (customer 1102) as a member of billing account A00001001")
                .contains("invoice");
        assertThat(d.effects()).contains(new Effect.ScheduleReminder(AddContactSettings.APPROVAL_EXPIRY, Duration.ofHours(72)));
        assertThat(Flow.publicText(d)).isEmpty();

        d = flow.approvalPosted(77);
        assertThat(d.state()).isEqualTo(new AddContactState.Gate(waiting.ticketId(), waiting.verification(), asking(waiting).withApprovalId(77)));
        assertThat(d.effects()).isEmpty();

        d = flow.approved(77, "slack:UAPPROVER");
        Preview preview = plan.preview();
        assertThat(running(d.state())).satisfies( x -> {
            assertThat(x.step()).isEqualTo(1);
            assertThat(x.round()).isZero();
            assertThat(x.approvers()).containsExactly("slack:UAPPROVER");
        });
        assertThat(d.effects()).containsExactly(
                new Effect.CancelReminders(),
                new Effect.UpdateApproval(77, Phase.EXECUTING, List.of("1. " + preview.steps().get(0).description() + ": running"), null),
                new Effect.RunPlanStep("step-1", 77, 1, 0, plan.changes().get(0), PlanScope.of(plan, preview),
                        preview.before(), preview.steps().get(0).after()));

        d = flow.stepSucceeded(false);
        assertThat(d.state()).isInstanceOfSatisfying(Done.class, done -> {
            assertThat(done.approval().approvalId()).isEqualTo(77);
            assertThat(done.approval().approvers()).containsExactly("slack:UAPPROVER");
        });
        assertThat(flow.workflow.finished(d.state())).isTrue();
        assertThat(Flow.publicText(d)).contains("can now manage subscription " + ACME_SUBSCRIPTION)
                .doesNotContain("@").doesNotContain("previous subscriptions");
        assertThat(Flow.notes(d)).contains("done for " + ACME_SUBSCRIPTION).contains("approved by a Slack user")
                .contains("1. Add Sam Rivera").contains(": done");
        assertThat(Flow.effects(d, Effect.UpdateApproval.class)).singleElement()
                .satisfies(u -> {
                    assertThat(u.phase()).isEqualTo(Phase.DONE);
                    assertThat(u.lines()).singleElement().asString().endsWith(": done");
                });
        assertThat(flow.workflow.outcome(d.state()).result()).isEqualTo("done");
    }

    @Test
    void initech_milton_waddams_login_switched_off_on_purpose_goes_to_a_person_without_a_plan() {
        Flow flow = new Flow(Sandbox.seeded(), Sandbox.verified(INITECH_SUBSCRIPTION));
        flow.start(MILTON_WADDAMS);
        Decision<AddContactState> d = flow.continued();

        assertThat(d.state()).isInstanceOfSatisfying(NeedsHuman.class,
                n -> assertThat(n.why()).isEqualTo(Handoff.LOGIN_SWITCHED_OFF));
        assertThat(Flow.notes(d)).contains("switched off after it was created").contains("No plan was made");
        assertThat(Flow.publicText(d)).isEmpty();
        assertThat(flow.allEffects).noneMatch(e -> e instanceof Effect.RequestApproval || e instanceof Effect.RunPlanStep);
        assertThat(flow.workflow.finished(d.state())).isTrue();
    }

    @Test
    void ownership_not_verified_yet_starts_a_verification_and_plans_once_it_verifies() {
        Flow flow = new Flow(Sandbox.seeded(), null);
        Decision<AddContactState> d = flow.start(SAM_RIVERA);
        assertThat(d.state()).isInstanceOf(AwaitingOwnership.class);
        assertThat(d.effects()).contains(new Effect.StartWorkflow(OwnershipVerification.KIND));
        assertThat(Flow.notes(d)).contains("an ownership verification was started");
        assertThat(flow.workflow.finished(d.state())).isFalse();

        // Events for other kinds or not-yet-final outcomes change nothing.
        assertThat(flow.send(new Event.WorkflowFinished(new dev.supportbot.workflows.engine.Outcome("typo_fix", "done", true,
                java.util.Map.of()))).changesNothingFrom(d.state())).isTrue();
        assertThat(flow.send(new Event.WorkflowFinished(Sandbox.ownership("escalated", false))).changesNothingFrom(d.state())).isTrue();

        d = flow.send(new Event.WorkflowFinished(Sandbox.verified(ACME_SUBSCRIPTION)));
        assertThat(d.state()).isInstanceOf(Planning.class);
        d = flow.continued();
        assertThat(asking(d.state())).satisfies(
                a -> assertThat(a.plan().changes()).containsExactly(new PortalChange.CreateMembership(SAM, ACME)));
    }

    @Test
    void a_verification_already_running_is_waited_for_not_started_again() {
        Flow flow = new Flow(Sandbox.seeded(), Sandbox.ownership("awaiting proof", false));
        Decision<AddContactState> d = flow.start(SAM_RIVERA);
        assertThat(d.state()).isInstanceOf(AwaitingOwnership.class);
        assertThat(d.effects()).noneMatch(e -> e instanceof Effect.StartWorkflow);
        assertThat(Flow.notes(d)).contains("waiting for the ownership verification that runs");
    }

    @Test
    void a_verification_that_ended_without_verifying_is_started_again() {
        Flow flow = new Flow(Sandbox.seeded(), Sandbox.ownership("rejected", true));
        Decision<AddContactState> d = flow.start(SAM_RIVERA);
        assertThat(d.effects()).contains(new Effect.StartWorkflow(OwnershipVerification.KIND));
    }

    @Test
    void a_verification_that_ends_without_verifying_ends_the_run_with_a_note() {
        for (String result : List.of("rejected", "expired", "cancelled")) {
            Flow flow = new Flow(Sandbox.seeded(), null);
            flow.start(SAM_RIVERA);
            Decision<AddContactState> d = flow.send(new Event.WorkflowFinished(Sandbox.ownership(result, true)));
            assertThat(d.state()).as(result).isEqualTo(new NotVerified(TICKET, result, NOW));
            assertThat(Flow.notes(d)).contains(result).contains("No change was planned");
            assertThat(Flow.publicText(d)).isEmpty();
        }
    }

    @Test
    void a_membership_elsewhere_is_asked_about_and_on_yes_the_plan_removes_it_first() {
        Flow flow = new Flow(Sandbox.seeded().withMembership(9, SAM, HOOLI), Sandbox.verified(ACME_SUBSCRIPTION));
        flow.start(SAM_RIVERA);
        Decision<AddContactState> d = flow.continued();
        assertThat(d.state()).isInstanceOf(AwaitingAnswer.class);
        assertThat(Flow.publicText(d)).contains("stop managing your current subscriptions").contains(ACME_SUBSCRIPTION)
                .doesNotContain("Gavin").doesNotContain("Hooli").doesNotContain("@");
        assertThat(d.effects()).contains(new Effect.ScheduleReminder(1, Duration.ofDays(2)),
                new Effect.ScheduleReminder(2, Duration.ofDays(4)),
                new Effect.ScheduleReminder(AddContactSettings.ANSWER_EXPIRY, Duration.ofDays(7)));
        assertThat(flow.allEffects).noneMatch(e -> e instanceof Effect.RequestApproval);

        d = flow.comments(Sandbox.fromRequester(11, SAM_RIVERA, "Yes, please go ahead."));
        assertThat(d.state()).isEqualTo(new Planning(TICKET, "sam@acme.example", new Verification(ACME_SUBSCRIPTION, "invoice"),
                true, Proposing.FACTS_AFTER_ANSWER_KEY));
        assertThat(d.effects()).startsWith(new Effect.CancelReminders()).contains(new Effect.Continue(Proposing.FACTS_AFTER_ANSWER_KEY));
        assertThat(Flow.publicText(d)).contains("Thank you for confirming");

        d = flow.continued();
        Gate waiting = (Gate) d.state();
        assertThat(waiting.plan().changes()).containsExactly(
                new PortalChange.DeleteMembership(9, SAM, HOOLI), new PortalChange.CreateMembership(SAM, ACME));

        flow.approvalPosted(5);
        flow.approved(5, "slack:UAPPROVER");
        flow.stepSucceeded(false);
        d = flow.stepSucceeded(false);
        assertThat(d.state()).isInstanceOf(Done.class);
        assertThat(Flow.publicText(d)).contains("no longer manages your previous subscriptions");
    }

    @Test
    void requester_says_no_the_run_ends_politely_and_nothing_is_planned() {
        Flow flow = new Flow(Sandbox.seeded().withMembership(9, SAM, HOOLI), Sandbox.verified(ACME_SUBSCRIPTION));
        flow.start(SAM_RIVERA);
        flow.continued();
        Decision<AddContactState> d = flow.comments(Sandbox.fromRequester(11, SAM_RIVERA, "No, I'd rather keep my current one."));
        assertThat(d.state()).isEqualTo(new Declined(TICKET, ACME_SUBSCRIPTION, NOW));
        assertThat(d.effects()).startsWith(new Effect.CancelReminders());
        assertThat(Flow.publicText(d)).contains("We have not changed anything");
        assertThat(Flow.notes(d)).contains("keep managing");
        assertThat(flow.allEffects).noneMatch(e -> e instanceof Effect.RequestApproval);
    }

    @Test
    void an_unclear_answer_is_asked_again_once_then_handed_to_a_person() {
        Flow flow = new Flow(Sandbox.seeded().withMembership(9, SAM, HOOLI), Sandbox.verified(ACME_SUBSCRIPTION));
        flow.start(SAM_RIVERA);
        flow.continued();
        AddContactState asked = flow.state;
        assertThat(flow.comments().changesNothingFrom(asked)).as("no new comment").isTrue();
        assertThat(flow.comments(new dev.supportbot.workflows.engine.Comment(10, AGENT, false, false, "no", List.of()))
                .changesNothingFrom(asked)).as("an agent's note is not the requester's answer").isTrue();

        Decision<AddContactState> d = flow.comments(Sandbox.fromRequester(11, SAM_RIVERA, "What does that mean?"));
        assertThat(d.state()).isInstanceOfSatisfying(AwaitingAnswer.class, a -> {
            assertThat(a.askedAgain()).isTrue();
            assertThat(a.handledCommentIds()).containsExactly(11L);
        });
        assertThat(Flow.publicText(d)).contains("reply with just \"yes\"");
        assertThat(flow.comments(Sandbox.fromRequester(11, SAM_RIVERA, "What does that mean?")).changesNothingFrom(d.state()))
                .as("the same comment again").isTrue();

        d = flow.comments(Sandbox.fromRequester(12, SAM_RIVERA, "Yes but no"));
        assertThat(d.state()).isInstanceOfSatisfying(NeedsHuman.class, n -> assertThat(n.why()).isEqualTo(Handoff.UNCLEAR_ANSWER));
        assertThat(d.effects()).startsWith(new Effect.CancelReminders());
        assertThat(Flow.publicText(d)).isEmpty();
    }

    @Test
    void the_requester_is_reminded_twice_then_the_question_expires() {
        Flow flow = new Flow(Sandbox.seeded().withMembership(9, SAM, HOOLI), Sandbox.verified(ACME_SUBSCRIPTION));
        flow.start(SAM_RIVERA);
        flow.continued();
        AddContactState asked = flow.state;

        assertThat(flow.after(Duration.ofDays(1)).send(new Event.ReminderDue(1)).changesNothingFrom(asked)).as("early").isTrue();
        Decision<AddContactState> d = flow.at(NOW.plus(Duration.ofDays(2))).send(new Event.ReminderDue(1));
        assertThat(Flow.publicText(d)).contains("friendly reminder").contains("8 December 2026 (UTC)");
        assertThat(flow.send(new Event.ReminderDue(1)).changesNothingFrom(d.state())).as("twice").isTrue();
        assertThat(flow.send(new Event.ReminderDue(AddContactSettings.APPROVAL_EXPIRY)).changesNothingFrom(d.state()))
                .as("not this wait's reminder").isTrue();
        d = flow.at(NOW.plus(Duration.ofDays(4))).send(new Event.ReminderDue(2));
        assertThat(((AwaitingAnswer) d.state()).remindersSent()).isEqualTo(2);

        d = flow.at(NOW.plus(Duration.ofDays(7))).send(new Event.ReminderDue(AddContactSettings.ANSWER_EXPIRY));
        assertThat(d.state()).isInstanceOfSatisfying(Expired.class, e -> assertThat(e.waitedFor()).isEqualTo(Wait.REQUESTER_ANSWER));
        assertThat(Flow.publicText(d)).contains("closed this request without changing anything");
        assertThat(d.effects()).contains(new Effect.CancelReminders());
    }

    @Test
    void already_a_member_with_login_on_is_nothing_to_do_and_the_requester_is_told() {
        Flow flow = new Flow(Sandbox.seeded(), Sandbox.verified(ACME_SUBSCRIPTION));
        flow.start(PAT_LEE);
        Decision<AddContactState> d = flow.continued();
        assertThat(d.state()).isEqualTo(new NothingToDo(TICKET, ACME_SUBSCRIPTION, NOW));
        assertThat(Flow.publicText(d)).contains("already manages subscription " + ACME_SUBSCRIPTION).doesNotContain("@acme");
        assertThat(Flow.notes(d)).contains("Nothing to do");
    }

    @Test
    void no_customer_record_asks_the_requester_to_sign_up_and_plans_nothing_yet() {
        Flow flow = new Flow(Sandbox.seeded(), Sandbox.verified(ACME_SUBSCRIPTION));
        flow.start(NEWCOMER);
        Decision<AddContactState> d = flow.continued();
        assertThat(d.state()).isInstanceOf(AwaitingSignUp.class);
        assertThat(Flow.notes(d)).contains("no Customers Portal account");
        assertThat(Flow.publicText(d)).contains("https://customers.gitlab.com/customers/sign_up");
        assertThat(flow.allEffects).noneMatch(e -> e instanceof Effect.RequestApproval);
    }

    @Test
    void a_subscription_without_billing_account_goes_to_a_person() {
        Flow flow = new Flow(Sandbox.seeded().withoutAccountOf(ACME_SUBSCRIPTION), Sandbox.verified(ACME_SUBSCRIPTION));
        flow.start(SAM_RIVERA);
        Decision<AddContactState> d = flow.continued();
        assertThat(d.state()).isInstanceOfSatisfying(NeedsHuman.class, n -> assertThat(n.why()).isEqualTo(Handoff.NO_BILLING_ACCOUNT));
    }

    @Test
    void no_safe_order_is_noted_with_the_reason_and_not_proposed() {
        // Sam already a member with login off, and Acme's Bill To is the Sold To's person: every order ends wrong.
        Sandbox sandbox = Sandbox.seeded().withLogin(SAM, false).withMembership(9, SAM, ACME);
        Flow flow = new Flow(sandboxWithBillToSameAsSoldTo(sandbox), Sandbox.verified(ACME_SUBSCRIPTION));
        flow.start(SAM_RIVERA);
        Decision<AddContactState> d = flow.continued();
        assertThat(d.state()).isInstanceOfSatisfying(NeedsHuman.class, n -> assertThat(n.why()).isEqualTo(Handoff.NO_SAFE_ORDER));
        assertThat(Flow.notes(d)).contains("no order of steps").contains("would end as");
        assertThat(flow.allEffects).noneMatch(e -> e instanceof Effect.RequestApproval);
    }

    @Test
    void a_ticket_without_requester_email_is_handed_to_a_person() {
        Flow flow = new Flow(Sandbox.seeded(), Sandbox.verified(ACME_SUBSCRIPTION));
        Decision<AddContactState> d = flow.start(new dev.supportbot.workflows.engine.Person("Anonymous", null));
        assertThat(d.state()).isInstanceOfSatisfying(NeedsHuman.class, n -> assertThat(n.why()).isEqualTo(Handoff.NO_REQUESTER_EMAIL));
    }

    private static Sandbox sandboxWithBillToSameAsSoldTo(Sandbox s) {
        return s.withAcmeBillToSameAsSoldTo();
    }
}
