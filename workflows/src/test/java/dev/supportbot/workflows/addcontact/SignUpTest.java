package dev.supportbot.workflows.addcontact;

import static dev.supportbot.workflows.addcontact.Sandbox.*;
import static dev.supportbot.workflows.approved.Phases.asking;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.addcontact.AddContactState.*;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.engine.Comment;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.plan.PortalChange;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Add contact for a requester without a Customers Portal account (docs/handbook.md, "Add a subscription management
 * contact"): they are asked to sign up, with the link; their replies and the reminders read the customer records
 * again; once the account exists the reminders stop and the membership is planned as usual.
 */
class SignUpTest {
    private static final Customer NIA = new Customer(1109, "Nia", "New", "nia@acme.example", "Acme Corp", true, null);
    private static final String SIGN_UP = "https://customers.gitlab.com/customers/sign_up";

    /** Nia, verified for Acme, asked to sign up at NOW. */
    static Flow asked() {
        Flow flow = new Flow(Sandbox.seeded(), Sandbox.verified(ACME_SUBSCRIPTION));
        flow.start(NEWCOMER);
        flow.continued();
        if (!(flow.state instanceof AwaitingSignUp)) throw new IllegalStateException("not asked to sign up: " + flow.state);
        return flow;
    }

    @Test
    void the_requester_is_asked_publicly_with_the_link_and_reminded_like_any_question() {
        Flow flow = new Flow(Sandbox.seeded(), Sandbox.verified(ACME_SUBSCRIPTION));
        flow.start(NEWCOMER);
        Decision<AddContactState> d = flow.continued();
        assertThat(d.state()).isEqualTo(new AwaitingSignUp(TICKET, "nia@acme.example",
                new Verification(ACME_SUBSCRIPTION, "invoice"), NOW, 0));
        assertThat(Flow.publicText(d)).contains("Customers Portal account", SIGN_UP, ACME_SUBSCRIPTION, "Reply here")
                .doesNotContain("nia@");
        assertThat(Flow.effects(d, Effect.ScheduleReminder.class)).extracting(Effect.ScheduleReminder::sequence).containsExactly(1, 2, 3);
        assertThat(Flow.notes(d)).contains("Asked them to sign up", "7 days");
        assertThat(flow.workflow.waitingOn(d.state())).contains(dev.supportbot.workflows.engine.WaitingOn.REQUESTER);
        assertThat(flow.workflow.outcome(d.state()).result()).isEqualTo("waiting for the requester's portal account");
    }

    @Test
    void the_sign_up_link_is_a_setting() {
        Flow flow = new Flow(Sandbox.seeded(), Sandbox.verified(ACME_SUBSCRIPTION));
        flow.ctx = new dev.supportbot.workflows.engine.Context(NOW, flow.ctx.policy(),
                flow.ctx.settings().with(AddContactSettings.SIGN_UP_URL, "https://portal.example/sign-up"));
        flow.start(NEWCOMER);
        assertThat(Flow.publicText(flow.continued())).contains("https://portal.example/sign-up").doesNotContain(SIGN_UP);
    }

    record Row(String name, boolean signedUp, Event event, Duration after, String outcome) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Comment nia(String body) {
        return fromRequester(301, NEWCOMER, body);
    }

    static Event replies(String body) {
        return new Event.TicketUpdated(ticket(NEWCOMER), List.of(nia(body)));
    }

    static Stream<Row> rows() {
        Event agentNote = new Event.TicketUpdated(ticket(NEWCOMER), List.of(new Comment(302, AGENT, false, false, "checking", List.of())));
        return Stream.of(
                new Row("she replies after signing up: plan", true, replies("Done, I created my account."), Duration.ZERO, "plans"),
                new Row("she replies before signing up: told it is not there yet", false, replies("Done!"), Duration.ZERO, "not yet"),
                new Row("an agent's comment: nothing is read", true, agentNote, Duration.ZERO, "nothing"),
                new Row("first reminder due, account there: plan", true, new Event.ReminderDue(1), Duration.ofDays(2), "plans"),
                new Row("first reminder due, no account: reminder", false, new Event.ReminderDue(1), Duration.ofDays(2), "reminds"),
                new Row("first reminder early: nothing", true, new Event.ReminderDue(1), Duration.ofDays(1), "nothing"),
                new Row("expiry due, account there at last: plan", true, new Event.ReminderDue(3), Duration.ofDays(7), "plans"),
                new Row("expiry due, no account: closed", false, new Event.ReminderDue(3), Duration.ofDays(7), "expires"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void replies_and_reminders_look_for_the_account(Row row) {
        Flow flow = asked();
        if (row.signedUp()) flow.sandbox.withCustomer(NIA);
        AwaitingSignUp before = (AwaitingSignUp) flow.state;
        flow.after(row.after());
        int asked = flow.asked.size();
        Decision<AddContactState> d = flow.send(row.event());
        switch (row.outcome()) {
            case "plans" -> {
                assertThat(flow.asked.subList(asked, flow.asked.size())).containsExactly(
                        new FactRequest.PlanFactsOf(ACME_SUBSCRIPTION, List.of("nia@acme.example")));
                assertThat(d.state()).isInstanceOf(Planning.class);
                assertThat(d.effects()).first().isEqualTo(new Effect.CancelReminders());
                assertThat(Flow.notes(d)).contains("account exists now");
                flow.continued();
                assertThat(asking(flow.state)).satisfies( a -> assertThat(a.plan().changes())
                        .contains(new PortalChange.CreateMembership(NIA.id(), ACME)));
            }
            case "not yet" -> {
                assertThat(d.state()).isEqualTo(before);
                assertThat(Flow.publicText(d)).contains("cannot find a Customers Portal account", SIGN_UP);
                assertThat(d.effects()).doesNotContain(new Effect.CancelReminders());
            }
            case "reminds" -> {
                assertThat(d.state()).isEqualTo(before.withRemindersSent(1));
                assertThat(Flow.publicText(d)).contains("friendly reminder", SIGN_UP, "8 December 2026");
            }
            case "expires" -> {
                assertThat(d.state()).isEqualTo(new Expired(TICKET, ACME_SUBSCRIPTION, Wait.SIGN_UP, flow.ctx.now()));
                assertThat(d.effects()).contains(new Effect.CancelReminders());
                assertThat(Flow.notes(d)).contains("did not create a Customers Portal account", "Nothing was changed");
            }
            case "nothing" -> assertThat(d.changesNothingFrom(before)).isTrue();
            default -> throw new IllegalArgumentException(row.outcome());
        }
        assertThat(flow.allEffects).noneMatch(e -> e instanceof Effect.RunPlanStep);
    }

    @Test
    void a_reminder_already_sent_is_not_sent_again() {
        Flow flow = asked();
        flow.after(Duration.ofDays(2)).send(new Event.ReminderDue(1));
        Decision<AddContactState> again = flow.send(new Event.ReminderDue(1));
        assertThat(again.effects()).isEmpty();
    }
}
