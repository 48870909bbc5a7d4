package dev.supportbot.workflows.typofix;

import static dev.supportbot.workflows.approved.Phases.asking;
import static dev.supportbot.workflows.typofix.Flow.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.engine.Comment;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.Person;
import dev.supportbot.workflows.plan.PortalChange;
import dev.supportbot.workflows.typofix.TypoFixState.*;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Step 4: the AM's written confirmation, corrections that restart it, reminders and expiry. */
class ConfirmationTest {

    static Stream<Arguments> replies() {
        return Stream.of(
                Arguments.of("Yes", true),
                Arguments.of("Confirmed.", true),
                Arguments.of("That is correct", true),
                Arguments.of("It is " + FIXED.toUpperCase(), true),
                Arguments.of("Thanks! Looking into it", false),
                Arguments.of("No, not yet", false),
                Arguments.of("The wrong one was " + TYPO, false),
                Arguments.of("Yes, and the new one is " + FIXED + " indeed", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void a_yes_or_the_same_address_confirms_and_other_replies_change_nothing(String reply, boolean confirms) {
        Flow flow = Flow.awaitingConfirmation();
        TypoFixState before = flow.state;
        var d = flow.amReplies(reply);
        if (confirms) {
            assertThat(d.state()).isEqualTo(new Planning(TICKET, ((AwaitingConfirmation) before).target(),
                    ((AwaitingConfirmation) before).bounce(), FIXED));
        } else {
            assertThat(d.changesNothingFrom(before)).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notTheAm")
    void only_the_requesters_replies_count(Comment comment) {
        Flow flow = Flow.awaitingConfirmation();
        TypoFixState before = flow.state;
        assertThat(flow.send(new Event.TicketUpdated(flow.ticket, List.of(comment))).changesNothingFrom(before)).isTrue();
    }

    static Stream<Comment> notTheAm() {
        return Stream.of(new Comment(7, new Person("Agent", "agent@vendor.example"), false, false, "yes", List.of()),
                new Comment(8, new Person("Agent", "agent@vendor.example"), false, true, "bob@umbrella.example", List.of()));
    }

    @org.junit.jupiter.api.Test
    void the_am_correcting_twice_restarts_the_confirmation_each_time_and_the_plan_uses_the_last_address() {
        Flow flow = Flow.awaitingConfirmation();
        var first = flow.after(Duration.ofHours(30)).amReplies("Sorry, it is alicia@umbrella.example");
        AwaitingConfirmation once = (AwaitingConfirmation) first.state();
        assertThat(once.proposedEmail()).isEqualTo("alicia@umbrella.example");
        assertThat(once.corrections()).isEqualTo(1);
        assertThat(once.askedAt()).isEqualTo(NOW.plus(Duration.ofHours(30)));
        assertThat(once.remindersSent()).isZero();
        assertThat(publicText(first)).contains("Thanks for the correction", "alicia@umbrella.example");
        assertThat(effects(first, Effect.ScheduleReminder.class)).extracting(Effect.ScheduleReminder::sequence).containsExactly(1, 2, 3);

        var second = flow.amReplies("No wait: alice.a@umbrella.example");
        assertThat(((AwaitingConfirmation) second.state()).proposedEmail()).isEqualTo("alice.a@umbrella.example");
        assertThat(((AwaitingConfirmation) second.state()).corrections()).isEqualTo(2);

        var stale = flow.amReplies("yes alicia@umbrella.example");
        assertThat(((AwaitingConfirmation) stale.state()).proposedEmail()).as("the old address is a correction again")
                .isEqualTo("alicia@umbrella.example");
        flow.amReplies("Yes");
        assertThat(flow.state).isInstanceOf(Planning.class);
        assertThat(((Planning) flow.state).correctedEmail()).isEqualTo("alicia@umbrella.example");
        flow.continued();
        assertThat(asking(flow.state).plan().changes()).contains(
                new PortalChange.ResendActivationCode(UMBRELLA_SUBSCRIPTION, "alicia@umbrella.example"));
    }

    @org.junit.jupiter.api.Test
    void a_correction_while_the_plan_waits_withdraws_it_and_asks_about_the_new_address() {
        Flow flow = Flow.awaitingApproval();
        flow.approvalPosted(31);
        TypoFixState waiting = flow.state;
        assertThat(flow.amReplies("Thanks, " + FIXED + " it is").changesNothingFrom(waiting)).as("the same address").isTrue();
        var d = flow.amReplies("Sorry! It is alicia@umbrella.example after all");
        assertThat(d.state()).isInstanceOf(AwaitingConfirmation.class);
        assertThat(((AwaitingConfirmation) d.state()).proposedEmail()).isEqualTo("alicia@umbrella.example");
        assertThat(d.effects()).startsWith(new Effect.CancelReminders(), new Effect.UpdateApproval(31,
                Effect.UpdateApproval.Phase.CANCELLED, List.of("Withdrawn: the account manager corrected the address again. Nothing was changed."), null));
        assertThat(notes(d)).contains("plan was withdrawn");
        assertThat(publicText(d)).contains("alicia@umbrella.example");
        String oldHash = asking(waiting).planHash();
        assertThat(flow.send(new Event.ApprovalDecided(31, oldHash, true, List.of("slack:U1"), null)).changesNothingFrom(d.state()))
                .as("a late approval of the withdrawn plan").isTrue();
        flow.amReplies("yes");
        flow.continued();
        assertThat(asking(flow.state).plan().changes()).contains(
                new PortalChange.ResendActivationCode(UMBRELLA_SUBSCRIPTION, "alicia@umbrella.example"));
    }

    @org.junit.jupiter.api.Test
    void a_correction_above_the_quoted_question_is_a_correction() {
        Flow flow = Flow.awaitingConfirmation();
        flow.amReplies("No, it is alicia@umbrella.example\n\n> please confirm in writing that the corrected address is " + FIXED);
        assertThat(((AwaitingConfirmation) flow.state).proposedEmail()).isEqualTo("alicia@umbrella.example");
    }

    @org.junit.jupiter.api.Test
    void without_an_address_in_the_request_the_am_is_asked_for_it_and_their_address_is_read_back() {
        Flow flow = new Flow();
        flow.ticket = request("The license mail to " + TYPO + " bounced, please fix");
        flow.start();
        var asked = flow.continued();
        assertThat(((AwaitingConfirmation) asked.state()).proposedEmail()).isNull();
        assertThat(publicText(asked)).contains("reply with the corrected email address");
        assertThat(flow.amReplies("yes").changesNothingFrom(asked.state())).as("yes to nothing").isTrue();
        flow.amReplies(FIXED);
        assertThat(((AwaitingConfirmation) flow.state).proposedEmail()).isEqualTo(FIXED);
        flow.amReplies("confirmed");
        assertThat(((Planning) flow.state).correctedEmail()).isEqualTo(FIXED);
    }

    @org.junit.jupiter.api.Test
    void reminders_come_when_due_once_and_the_question_expires() {
        Flow flow = Flow.awaitingConfirmation();
        assertThat(flow.send(new Event.ReminderDue(1)).changesNothingFrom(flow.state)).as("not due yet").isTrue();
        var reminded = flow.after(Duration.ofDays(1)).send(new Event.ReminderDue(1));
        assertThat(publicText(reminded)).contains("reminder", FIXED, "8 December 2026 (UTC)");
        assertThat(flow.send(new Event.ReminderDue(1)).effects()).as("a second delivery").isEmpty();
        var expired = flow.after(Duration.ofDays(6)).send(new Event.ReminderDue(TypoFixSettings.CONFIRMATION_EXPIRY));
        assertThat(expired.state()).isInstanceOf(Expired.class);
        assertThat(((Expired) expired.state()).waitedFor()).isEqualTo(Wait.CONFIRMATION);
        assertThat(expired.effects()).first().isEqualTo(new Effect.CancelReminders());
        assertThat(notes(expired)).contains("did not confirm");
    }

    @org.junit.jupiter.api.Test
    void a_reminder_of_the_question_before_a_correction_is_not_due_for_the_new_one() {
        Flow flow = Flow.awaitingConfirmation();
        flow.after(Duration.ofDays(6)).amReplies("it is alicia@umbrella.example");
        TypoFixState corrected = flow.state;
        assertThat(flow.after(Duration.ofDays(1).minusHours(1)).send(new Event.ReminderDue(TypoFixSettings.CONFIRMATION_EXPIRY))
                .changesNothingFrom(corrected)).isTrue();
    }
}
