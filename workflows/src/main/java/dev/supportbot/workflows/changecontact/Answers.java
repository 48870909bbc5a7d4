package dev.supportbot.workflows.changecontact;

import dev.supportbot.workflows.changecontact.ChangeContactState.AwaitingAnswer;
import dev.supportbot.workflows.changecontact.ChangeContactState.Declined;
import dev.supportbot.workflows.changecontact.ChangeContactState.Expired;
import dev.supportbot.workflows.changecontact.ChangeContactState.Handoff;
import dev.supportbot.workflows.changecontact.ChangeContactState.NeedsHuman;
import dev.supportbot.workflows.changecontact.ChangeContactState.Wait;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event.ReminderDue;
import dev.supportbot.workflows.engine.Event.TicketUpdated;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.replies.YesNo;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The requester's answer to "stop managing your current subscriptions?", read as adding a contact reads it: yes plans
 * again with their other membership removed first, no ends politely, unclear is asked again once and then handed to
 * a person. A reminder counts only when due for this question and not sent yet.
 */
final class Answers {
    private Answers() {}

    static Decision<ChangeContactState> reply(AwaitingAnswer s, TicketUpdated e, Facts facts, Context ctx) {
        Optional<YesNo.Replies> replies = YesNo.ofRequester(e.newComments(), s.handledCommentIds());
        if (replies.isEmpty()) return Decision.unchanged(s);
        switch (replies.get().answer()) {
            case YES -> {
                return Proposing.planLeavingOtherAccount(s, new Effect.CancelReminders(),
                        new Effect.PublicComment(Messages.OTHER_ACCOUNT.goingAhead()));
            }
            case NO -> {
                return Decision.of(new Declined(s.ticketId(), s.subscriptionName(), ctx.now()),
                        new Effect.CancelReminders(),
                        new Effect.PublicComment(Messages.OTHER_ACCOUNT.declined()),
                        new Effect.PrivateNote(Messages.OTHER_ACCOUNT.declinedNote()));
            }
            case UNCLEAR -> { }
        }
        if (!s.askedAgain()) {
            return Decision.of(s.withQuestionRepeated(replies.get().commentIds()),
                    new Effect.PublicComment(Messages.OTHER_ACCOUNT.askAgain(s.subscriptionName())));
        }
        return Decision.of(new NeedsHuman(s.ticketId(), s.subscriptionName(), Handoff.UNCLEAR_ANSWER, ctx.now()),
                new Effect.CancelReminders(),
                new Effect.PrivateNote(Notes.handoff(Handoff.UNCLEAR_ANSWER, null)));
    }

    static Decision<ChangeContactState> remind(AwaitingAnswer s, ReminderDue e, Facts facts, Context ctx) {
        int sequence = e.sequence();
        if (sequence < ChangeContactSettings.ANSWER_REMINDER_1 || sequence > ChangeContactSettings.ANSWER_EXPIRY) {
            return Decision.unchanged(s);
        }
        Instant due = s.askedAt().plus(ChangeContactSettings.ANSWER.delay(sequence, ctx)).minus(ctx.policy().clockSkew());
        if (ctx.now().isBefore(due)) return Decision.unchanged(s);
        if (sequence == ChangeContactSettings.ANSWER_EXPIRY) {
            return Decision.of(new Expired(s.ticketId(), s.subscriptionName(), Wait.ANSWER, ctx.now()),
                    new Effect.CancelReminders(),
                    new Effect.PublicComment(Messages.closedUnanswered()),
                    new Effect.PrivateNote(Messages.OTHER_ACCOUNT.expiredNote()));
        }
        if (sequence <= s.remindersSent()) return Decision.unchanged(s);
        LocalDate closesOn = LocalDate.ofInstant(s.askedAt().plus(ctx.setting(ChangeContactSettings.EXPIRY)), ZoneOffset.UTC);
        return Decision.of(s.withRemindersSent(sequence),
                new Effect.PublicComment(Messages.OTHER_ACCOUNT.reminder(s.subscriptionName(), closesOn)));
    }
}
