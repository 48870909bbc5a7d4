package dev.supportbot.workflows.addcontact;

import dev.supportbot.workflows.addcontact.AddContactState.AwaitingSignUp;
import dev.supportbot.workflows.addcontact.AddContactState.Expired;
import dev.supportbot.workflows.addcontact.AddContactState.Planning;
import dev.supportbot.workflows.addcontact.AddContactState.Wait;
import dev.supportbot.workflows.engine.Comment;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.Event.ReminderDue;
import dev.supportbot.workflows.engine.Event.TicketUpdated;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.PlanFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * A requester without a Customers Portal account (docs/handbook.md, "Add a subscription management contact"): they
 * are asked, in a public comment with the sign-up link, to create one, and reminded like any question. Each reply of
 * theirs and each due reminder reads the customer records again: once theirs exists the reminders stop and the run
 * plans as usual; at the expiry it closes without a change.
 */
final class SignUp {
    private SignUp() {}

    static Decision<AddContactState> ask(Planning s, Context ctx) {
        String subscription = s.verification().subscriptionName();
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.PublicComment(Messages.askToSignUp(subscription, ctx.setting(AddContactSettings.SIGN_UP_URL))));
        effects.addAll(AddContactSettings.ANSWER.reminders(ctx));
        effects.add(new Effect.PrivateNote(InternalNotes.askedToSignUp(ctx.setting(AddContactSettings.EXPIRY))));
        return Decision.of(new AwaitingSignUp(s.ticketId(), s.requesterEmail(), s.verification(), ctx.now(), 0), effects);
    }

    /** The customer records are read on the requester's replies and on reminders, never on the bot's own comments. */
    static List<FactRequest<?>> factsNeeded(AwaitingSignUp s, Event e) {
        boolean look = e instanceof ReminderDue
                || e instanceof TicketUpdated t && t.newComments().stream().anyMatch(Comment::byRequester);
        return look ? List.of(customerOf(s)) : List.of();
    }

    static Decision<AddContactState> reply(AwaitingSignUp s, TicketUpdated e, Facts facts, Context ctx) {
        if (e.newComments().stream().noneMatch(Comment::byRequester)) return Decision.unchanged(s);
        if (signedUp(s, facts)) return plan(s, ctx);
        return Decision.of(s, new Effect.PublicComment(Messages.noPortalAccountYet(ctx.setting(AddContactSettings.SIGN_UP_URL))));
    }

    static Decision<AddContactState> remind(AwaitingSignUp s, ReminderDue e, Facts facts, Context ctx) {
        int sequence = e.sequence();
        if (!AddContactSettings.ANSWER.due(sequence, s.askedAt(), ctx)) return Decision.unchanged(s);
        if (signedUp(s, facts)) return plan(s, ctx);
        String subscription = s.verification().subscriptionName();
        if (sequence == AddContactSettings.ANSWER_EXPIRY) {
            return Decision.of(new Expired(s.ticketId(), subscription, Wait.SIGN_UP, ctx.now()), new Effect.CancelReminders(),
                    new Effect.PublicComment(Messages.answerExpired()), new Effect.PrivateNote(InternalNotes.signUpExpired()));
        }
        if (sequence <= s.remindersSent()) return Decision.unchanged(s);
        return Decision.of(s.withRemindersSent(sequence), new Effect.PublicComment(Messages.signUpReminder(subscription,
                ctx.setting(AddContactSettings.SIGN_UP_URL), AddContactSettings.ANSWER.closesOn(s.askedAt(), ctx))));
    }

    /** Their account exists: the reminders stop and the run plans from fresh facts. */
    private static Decision<AddContactState> plan(AwaitingSignUp s, Context ctx) {
        Decision<AddContactState> planning = Proposing.plan(s.ticketId(), s.requesterEmail(), s.verification(), false, ctx);
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.CancelReminders());
        effects.add(new Effect.PrivateNote(InternalNotes.signedUp()));
        effects.addAll(planning.effects());
        return Decision.of(planning.state(), effects);
    }

    private static boolean signedUp(AwaitingSignUp s, Facts facts) {
        return facts.find(customerOf(s)).map(PlanFacts::state)
                .flatMap(state -> state.customerByEmail(s.requesterEmail())).isPresent();
    }

    private static FactRequest.PlanFactsOf customerOf(AwaitingSignUp s) {
        return new FactRequest.PlanFactsOf(s.verification().subscriptionName(), List.of(s.requesterEmail()));
    }
}
