package dev.supportbot.workflows.ownership;

import static dev.supportbot.workflows.ownership.Fixtures.*;
import static dev.supportbot.workflows.ownership.Fixtures.Setup.*;
import static dev.supportbot.workflows.ownership.Flow.publicText;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event.ReminderDue;
import dev.supportbot.workflows.engine.Event.TicketUpdated;
import dev.supportbot.workflows.ownership.OwnershipState.AwaitingProof;
import dev.supportbot.workflows.ownership.OwnershipState.AwaitingSubscription;
import dev.supportbot.workflows.ownership.OwnershipState.Expired;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RemindersTest {

    @Test
    void two_reminders_then_expiry_each_once() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_DIRECT, CUSTOMER);

        Decision<OwnershipState> first = flow.at(NOW.plus(Duration.ofDays(2))).send(new ReminderDue(1));
        assertThat(((AwaitingProof) first.state()).remindersSent()).isEqualTo(1);
        assertThat(publicText(first)).contains("friendly reminder", SUBSCRIPTION, "22 June 2025 (UTC)");
        OwnershipState afterFirst = flow.state;
        assertThat(flow.send(new ReminderDue(1)).changesNothingFrom(afterFirst)).as("duplicate reminder").isTrue();

        Decision<OwnershipState> second = flow.at(NOW.plus(Duration.ofDays(4))).send(new ReminderDue(2));
        assertThat(((AwaitingProof) second.state()).remindersSent()).isEqualTo(2);
        assertThat(second.effects()).singleElement().isInstanceOf(Effect.PublicComment.class);

        Decision<OwnershipState> expiry = flow.at(NOW.plus(Duration.ofDays(7))).send(new ReminderDue(3));
        assertThat(expiry.state()).isEqualTo(new Expired(TICKET_ID, SUBSCRIPTION, NOW.plus(Duration.ofDays(7))));
        assertThat(publicText(expiry)).contains("we have closed this request");
        assertThat(expiry.effects()).contains(new Effect.AddTags(Set.of(OwnershipTags.EXPIRED)),
                new Effect.SetTicketStatus("solved"), new Effect.CancelReminders());

        OwnershipState expired = flow.state;
        assertThat(flow.send(new ReminderDue(3)).changesNothingFrom(expired)).isTrue();
        assertThat(flow.send(new ReminderDue(1)).changesNothingFrom(expired)).isTrue();
    }

    @Test
    void a_reminder_before_its_time_is_a_leftover_from_an_earlier_wait_and_ignored() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_DIRECT, CUSTOMER);
        OwnershipState before = flow.state;
        assertThat(flow.at(NOW.plus(Duration.ofDays(1))).send(new ReminderDue(1)).changesNothingFrom(before)).isTrue();
        assertThat(flow.at(NOW.plus(Duration.ofDays(6))).send(new ReminderDue(3)).changesNothingFrom(before)).isTrue();
    }

    @Test
    void a_reminder_a_little_early_within_the_clock_skew_still_counts() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_DIRECT, CUSTOMER);
        Decision<OwnershipState> d = flow.at(NOW.plus(Duration.ofDays(2)).minus(Duration.ofMinutes(3))).send(new ReminderDue(1));
        assertThat(((AwaitingProof) d.state()).remindersSent()).isEqualTo(1);
    }

    @Test
    void a_lost_first_reminder_does_not_block_the_second_and_a_late_first_is_not_sent_after_it() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_DIRECT, CUSTOMER);
        flow.at(NOW.plus(Duration.ofDays(4))).send(new ReminderDue(2));
        assertThat(((AwaitingProof) flow.state).remindersSent()).isEqualTo(2);
        OwnershipState after = flow.state;
        assertThat(flow.send(new ReminderDue(1)).changesNothingFrom(after)).isTrue();
    }

    @Test
    void unknown_sequences_do_nothing() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_DIRECT, CUSTOMER).at(NOW.plus(Duration.ofDays(30)));
        OwnershipState before = flow.state;
        assertThat(flow.send(new ReminderDue(0)).changesNothingFrom(before)).isTrue();
        assertThat(flow.send(new ReminderDue(4)).changesNothingFrom(before)).isTrue();
    }

    @Test
    void a_refused_proof_keeps_the_reminders_running() {
        Flow flow = Flow.awaitingProof(SELF_MANAGED_DIRECT, CUSTOMER);
        Decision<OwnershipState> refused = flow.after(Duration.ofDays(1)).comments(CUSTOMER, fromRequester(50, CUSTOMER, "screenshot"));
        assertThat(refused.effects()).noneMatch(e -> e instanceof Effect.CancelReminders || e instanceof Effect.ScheduleReminder);
        assertThat(flow.at(NOW.plus(Duration.ofDays(7))).send(new ReminderDue(3)).state()).isInstanceOf(Expired.class);
    }

    @Test
    void waiting_for_the_subscription_name_has_its_own_reminder_and_expiry() {
        Flow flow = new Flow(SELF_MANAGED_DIRECT.portal());
        flow.send(new TicketUpdated(ticket("Help", "", CUSTOMER), List.of()));
        Decision<OwnershipState> reminder = flow.at(NOW.plus(Duration.ofDays(2))).send(new ReminderDue(1));
        assertThat(((AwaitingSubscription) reminder.state()).remindersSent()).isEqualTo(1);
        assertThat(publicText(reminder)).contains("name of your subscription");
        Decision<OwnershipState> expiry = flow.at(NOW.plus(Duration.ofDays(7))).send(new ReminderDue(3));
        assertThat(expiry.state()).isEqualTo(new Expired(TICKET_ID, null, NOW.plus(Duration.ofDays(7))));
    }

    @Test
    void reminders_of_the_name_wait_do_not_fire_early_in_the_proof_wait() {
        Flow flow = new Flow(SELF_MANAGED_DIRECT.portal());
        flow.send(new TicketUpdated(ticket("Help", "", CUSTOMER), List.of()));
        flow.at(NOW.plus(Duration.ofDays(1))).comments(CUSTOMER, fromRequester(51, CUSTOMER, SUBSCRIPTION));
        assertThat(flow.state).isInstanceOf(AwaitingProof.class);

        OwnershipState proofWait = flow.state;
        // The name wait's reminder 1 and expiry were due at day 2 and day 7; the proof wait began at day 1.
        assertThat(flow.at(NOW.plus(Duration.ofDays(2))).send(new ReminderDue(1)).changesNothingFrom(proofWait)).isTrue();
        assertThat(flow.at(NOW.plus(Duration.ofDays(7))).send(new ReminderDue(3)).changesNothingFrom(proofWait)).isTrue();
        assertThat(flow.at(NOW.plus(Duration.ofDays(8))).send(new ReminderDue(3)).state()).isInstanceOf(Expired.class);
    }

    @Test
    void delays_come_from_the_workflow_settings() {
        var policy = new dev.supportbot.workflows.engine.Policy(Set.of("gitlab.com"), java.time.Period.ofMonths(12), Duration.ZERO);
        var settings = dev.supportbot.workflows.engine.WorkflowSettings.defaults()
                .with(OwnershipSettings.REMINDER_1, Duration.ofHours(1))
                .with(OwnershipSettings.REMINDER_2, Duration.ofHours(2))
                .with(OwnershipSettings.EXPIRY, Duration.ofHours(3));
        Flow flow = new Flow(SELF_MANAGED_DIRECT.portal());
        flow.ctx = new dev.supportbot.workflows.engine.Context(NOW, policy, settings);
        Decision<OwnershipState> d = flow.send(new TicketUpdated(ticket(SUBSCRIPTION, "", CUSTOMER), List.of()));
        assertThat(Flow.effects(d, Effect.ScheduleReminder.class)).containsExactly(new Effect.ScheduleReminder(1, Duration.ofHours(1)),
                new Effect.ScheduleReminder(2, Duration.ofHours(2)), new Effect.ScheduleReminder(3, Duration.ofHours(3)));
        assertThat(flow.at(NOW.plus(Duration.ofHours(3))).send(new ReminderDue(3)).state()).isInstanceOf(Expired.class);
    }
}
