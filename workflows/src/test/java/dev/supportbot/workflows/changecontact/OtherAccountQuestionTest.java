package dev.supportbot.workflows.changecontact;

import static dev.supportbot.workflows.changecontact.Flow.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.changecontact.ChangeContactState.*;
import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.Membership;
import dev.supportbot.workflows.engine.Comment;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.Person;
import dev.supportbot.workflows.engine.Ticket;
import dev.supportbot.workflows.engine.WaitingOn;
import dev.supportbot.workflows.plan.PortalChange;
import dev.supportbot.workflows.plan.Snapshot;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Support-assisted, existing user who manages another billing account (Hooli, Sold To Gavin Belson): the requester is
 * asked, as when adding a contact, whether to stop managing their current subscriptions.
 */
class OtherAccountQuestionTest {
    static final long HOOLI = 1005;
    static final long SAM_ID = 1102;

    /** Ownership verified, "Email has already been taken" in the request, Sam a member of Hooli: the question is out. */
    static Flow asked() {
        Flow flow = new Flow(SAM);
        flow.accounts.add(new BillingAccount(HOOLI, "A00005001", "Hooli",
                new Contact("Gavin", "Belson", "gavin@hooli.example", "1 Hacker Way"), null, null));
        flow.memberships.add(new Membership(3, SAM_ID, HOOLI));
        flow.ownership = verified();
        flow.ticket = new Ticket(TICKET, "Change owner of " + SUBSCRIPTION, "The portal says: Email has already been taken",
                SAM, Set.of(ChangeContact.START_TAG), "open");
        flow.start();
        flow.continued();
        return flow;
    }

    @Test
    void the_requester_is_asked_publicly_without_naming_the_other_account_or_its_contacts() {
        Flow flow = asked();
        assertThat(flow.state).isInstanceOfSatisfying(AwaitingAnswer.class, a -> {
            assertThat(a.askedAt()).isEqualTo(NOW);
            assertThat(a.askedAgain()).isFalse();
        });
        String question = flow.last(Effect.PublicComment.class).body();
        assertThat(question).contains("stop managing your current subscriptions").contains(SUBSCRIPTION)
                .contains("\"yes\"").contains("\"no\"")
                .doesNotContain("Gavin").doesNotContain("gavin@hooli.example").doesNotContain("Hooli")
                .doesNotContain("A00005001").doesNotContain(PAT);
        assertThat(flow.all(Effect.ScheduleReminder.class)).extracting(Effect.ScheduleReminder::sequence)
                .containsExactly(5, 6, ChangeContactSettings.ANSWER_EXPIRY);
        assertThat(flow.all(Effect.RequestApproval.class)).isEmpty();
        assertThat(flow.notes()).contains("manages another billing account").doesNotContain("gavin@hooli.example");
        assertThat(flow.workflow.waitingOn(flow.state)).contains(WaitingOn.REQUESTER);
        assertThat(flow.workflow.outcome(flow.state).result()).isEqualTo("waiting for the requester's answer");
    }

    @Test
    void yes_plans_again_with_the_other_membership_removed_first_and_ends_with_acme_only() {
        Flow flow = asked();
        var d = flow.requesterReplies("Yes, please go ahead.\n\nOn Tue, Support wrote:\n> or \"no\" to keep things");
        assertThat(flow.state).isInstanceOfSatisfying(Planning.class, p -> {
            assertThat(p.leaveOtherAccount()).isTrue();
            assertThat(p.factsKey()).isEqualTo(Proposing.FACTS_AFTER_ANSWER_KEY);
            assertThat(p.path()).isEqualTo(Path.SUPPORT_ASSISTED);
        });
        assertThat(d.effects().get(0)).isInstanceOf(Effect.CancelReminders.class);
        assertThat(Flow.effects(d, Effect.PublicComment.class)).singleElement()
                .satisfies(c -> assertThat(c.body()).contains("Thank you for confirming"));
        assertThat(Flow.effects(d, Effect.Continue.class)).extracting(Effect.Continue::key)
                .containsExactly(Proposing.FACTS_AFTER_ANSWER_KEY);

        flow.continued();
        Gate waiting = (Gate) flow.state;
        assertThat(waiting.plan().changes().get(0)).isEqualTo(new PortalChange.DeleteMembership(3, SAM_ID, HOOLI));
        Snapshot end = waiting.plan().preview().end();
        assertThat(end.memberships()).containsExactly(new Snapshot.Member(SAM_EMAIL, 1001));
        assertThat(end.account(1001).soldTo().email()).isEqualTo(SAM_EMAIL);
        assertThat(end.account(HOOLI).soldTo().email()).isEqualTo("gavin@hooli.example");
        assertThat(flow.last(Effect.RequestApproval.class).approversNeeded()).isEqualTo(2);

        flow.approvalPosted(7);
        flow.approved(7, "slack:UAPPROVER1", "slack:UAPPROVER2");
        flow.runAllSteps();
        assertThat(flow.state).isInstanceOf(Done.class);
        assertThat(flow.last(Effect.PublicComment.class).body()).contains("you are now the subscription management contact")
                .contains("no longer manages your previous subscriptions").doesNotContain("Hooli");
    }

    @Test
    void no_ends_politely_and_changes_nothing() {
        Flow flow = asked();
        var d = flow.requesterReplies("No thanks, I'd rather keep things as they are.");
        assertThat(flow.state).isInstanceOf(Declined.class);
        assertThat(d.effects().get(0)).isInstanceOf(Effect.CancelReminders.class);
        assertThat(Flow.effects(d, Effect.PublicComment.class)).singleElement()
                .satisfies(c -> assertThat(c.body()).contains("We have not changed anything"));
        assertThat(flow.notes()).contains("prefers to keep managing");
        assertThat(flow.all(Effect.RequestApproval.class)).isEmpty();
        assertThat(flow.workflow.finished(flow.state)).isTrue();
        assertThat(flow.workflow.outcome(flow.state).result()).isEqualTo("declined by the requester");
    }

    @Test
    void an_unclear_answer_is_asked_again_once_then_a_person_takes_over() {
        Flow flow = asked();
        var first = flow.requesterReplies("What does that mean for my team?");
        assertThat(flow.state).isInstanceOfSatisfying(AwaitingAnswer.class, a -> assertThat(a.askedAgain()).isTrue());
        assertThat(Flow.effects(first, Effect.PublicComment.class)).singleElement()
                .satisfies(c -> assertThat(c.body()).contains("We could not tell").contains(SUBSCRIPTION));
        Comment seen = new Comment(100, SAM, true, true, "What does that mean for my team?", List.of());
        assertThat(flow.send(new Event.TicketUpdated(flow.ticket, List.of(seen))).effects()).as("a reply read once").isEmpty();

        var second = flow.requesterReplies("Maybe, yes and no.");
        assertThat(flow.state).isInstanceOfSatisfying(NeedsHuman.class,
                n -> assertThat(n.why()).isEqualTo(Handoff.UNCLEAR_ANSWER));
        assertThat(Flow.effects(second, Effect.CancelReminders.class)).hasSize(1);
        assertThat(Flow.effects(second, Effect.PublicComment.class)).isEmpty();
        assertThat(flow.last(Effect.PrivateNote.class).body()).contains("stayed unclear after asking twice");
        assertThat(flow.all(Effect.RequestApproval.class)).isEmpty();
    }

    @Test
    void only_the_requesters_public_replies_count() {
        Flow flow = asked();
        ChangeContactState before = flow.state;
        Person agent = new Person("Jordan Kim", "jordan@vendor.example");
        flow.send(new Event.TicketUpdated(flow.ticket, List.of(
                new Comment(501, agent, false, true, "yes", List.of()),
                new Comment(502, SAM, true, false, "yes", List.of()))));
        assertThat(flow.state).isEqualTo(before);
    }

    @Test
    void reminders_come_when_due_once_each_and_the_question_expires() {
        Flow flow = asked();
        assertThat(flow.send(new Event.ReminderDue(5)).effects()).as("not due yet").isEmpty();
        var reminder = flow.after(Duration.ofDays(2)).send(new Event.ReminderDue(5));
        assertThat(Flow.effects(reminder, Effect.PublicComment.class)).singleElement()
                .satisfies(c -> assertThat(c.body()).contains("friendly reminder").contains("8 December 2026 (UTC)")
                        .doesNotContain("Hooli"));
        assertThat(flow.send(new Event.ReminderDue(5)).effects()).as("sent once").isEmpty();
        assertThat(flow.send(new Event.ReminderDue(1)).effects()).as("a self-service reminder").isEmpty();
        assertThat(flow.send(new Event.ReminderDue(ChangeContactSettings.ANSWER_EXPIRY)).effects()).as("not expired yet").isEmpty();

        flow.after(Duration.ofDays(2)).send(new Event.ReminderDue(6));
        assertThat(flow.state).isInstanceOfSatisfying(AwaitingAnswer.class, a -> assertThat(a.remindersSent()).isEqualTo(6));

        var expired = flow.after(Duration.ofDays(3)).send(new Event.ReminderDue(ChangeContactSettings.ANSWER_EXPIRY));
        assertThat(flow.state).isInstanceOfSatisfying(Expired.class, e -> assertThat(e.waitedFor()).isEqualTo(Wait.ANSWER));
        assertThat(Flow.effects(expired, Effect.PublicComment.class)).singleElement()
                .satisfies(c -> assertThat(c.body()).contains("closed this request without changing anything"));
        assertThat(flow.last(Effect.PrivateNote.class).body()).contains("did not answer");
        assertThat(flow.all(Effect.RequestApproval.class)).isEmpty();
    }
}
