package dev.supportbot.workflows.addcontact;

import dev.supportbot.workflows.addcontact.AddContactState.AwaitingAnswer;
import dev.supportbot.workflows.addcontact.AddContactState.Declined;
import dev.supportbot.workflows.addcontact.AddContactState.Expired;
import dev.supportbot.workflows.addcontact.AddContactState.Handoff;
import dev.supportbot.workflows.addcontact.AddContactState.NeedsHuman;
import dev.supportbot.workflows.addcontact.AddContactState.Wait;
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
import java.util.List;
import java.util.Optional;

/**
 * The requester's answer to "stop managing your current subscriptions?": yes plans again with their other membership
 * removed first, no ends politely, unclear is asked again once and then handed to a person. Reminders and expiry work
 * like ownership verification's: a reminder counts only when due for this question and not sent yet.
 */
final class Answers {
    private Answers() {}

    static Decision<AddContactState> reply(AwaitingAnswer s, TicketUpdated e, Facts facts, Context ctx) {
        Optional<YesNo.Replies> replies = YesNo.ofRequester(e.newComments(), s.handledCommentIds());
        if (replies.isEmpty()) return Decision.unchanged(s);
        String subscription = s.verification().subscriptionName();
        switch (replies.get().answer()) {
            case YES -> {
                Decision<AddContactState> planning = Proposing.plan(s.ticketId(), s.requesterEmail(), s.verification(), true, ctx);
                return Decision.of(planning.state(), prepend(planning.effects(),
                        new Effect.CancelReminders(), new Effect.PublicComment(Messages.OTHER_ACCOUNT.goingAhead())));
            }
            case NO -> {
                return Decision.of(new Declined(s.ticketId(), subscription, ctx.now()),
                        new Effect.CancelReminders(),
                        new Effect.PublicComment(Messages.OTHER_ACCOUNT.declined()),
                        new Effect.PrivateNote(Messages.OTHER_ACCOUNT.declinedNote()));
            }
            case UNCLEAR -> { }
        }
        if (!s.askedAgain()) {
            return Decision.of(s.withQuestionRepeated(replies.get().commentIds()), new Effect.PublicComment(Messages.OTHER_ACCOUNT.askAgain(subscription)));
        }
        return Decision.of(new NeedsHuman(s.ticketId(), subscription, Handoff.UNCLEAR_ANSWER, ctx.now()),
                new Effect.CancelReminders(),
                new Effect.PrivateNote(InternalNotes.handoff(Handoff.UNCLEAR_ANSWER, null)));
    }

    static Decision<AddContactState> remind(AwaitingAnswer s, ReminderDue e, Facts facts, Context ctx) {
        int sequence = e.sequence();
        if (sequence < 1 || sequence > AddContactSettings.ANSWER_EXPIRY) return Decision.unchanged(s);
        Instant due = s.askedAt().plus(AddContactSettings.ANSWER.delay(sequence, ctx)).minus(ctx.policy().clockSkew());
        if (ctx.now().isBefore(due)) return Decision.unchanged(s);
        String subscription = s.verification().subscriptionName();
        if (sequence == AddContactSettings.ANSWER_EXPIRY) {
            return Decision.of(new Expired(s.ticketId(), subscription, Wait.REQUESTER_ANSWER, ctx.now()),
                    new Effect.CancelReminders(),
                    new Effect.PublicComment(Messages.answerExpired()),
                    new Effect.PrivateNote(Messages.OTHER_ACCOUNT.expiredNote()));
        }
        if (sequence <= s.remindersSent()) return Decision.unchanged(s);
        LocalDate closesOn = LocalDate.ofInstant(s.askedAt().plus(ctx.setting(AddContactSettings.EXPIRY)), ZoneOffset.UTC);
        return Decision.of(s.withRemindersSent(sequence), new Effect.PublicComment(Messages.OTHER_ACCOUNT.reminder(subscription, closesOn)));
    }

    private static List<Effect> prepend(List<Effect> effects, Effect... first) {
        List<Effect> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(effects);
        return all;
    }
}
